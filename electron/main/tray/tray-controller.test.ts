import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CommittedInfo, NodeDetail } from '../../../shared/domain/node'
import type { ProfileNodes } from '../../../shared/domain/node-state'
import type { ProfileView } from '../../../shared/domain/profile'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings'
import type { TrayMenuModel } from '../../../shared/domain/tray'
import type { ConfirmRequest } from '../ports'
import { DomainError } from '../errors'
import { FakeClock } from '../../../tests/support/fake-clock'
import { quickDelete } from './quick-delete'
import { AGE_REFRESH_MS, createTrayController, findItem, type TrayControllerDeps } from './tray-controller'
import { node, pendingOf, profileNodes, profileView, T0 } from '../../../tests/support/tray-fixtures'

const detailExtras: Omit<NodeDetail, keyof ReturnType<typeof node> | 'committed'> = {
  vmId: 1,
  price: null,
  os: null,
  sshKeys: [],
  startScriptCount: 0,
  vmType: 'vm',
  rescueMode: false,
  securityGroupCount: 1,
  isUpgradable: true,
  isVpcAttached: false,
  lcmState: null
}

function setup(
  opts: { profiles?: ProfileView[]; nodes?: ProfileNodes[]; confirm?: number; committed?: CommittedInfo | null } = {}
) {
  const clock = new FakeClock(T0)
  let paused = false
  const nodeListeners = new Set<(s: ProfileNodes) => void>()
  const profileListeners = new Set<(p: ProfileView[]) => void>()
  const settingsListeners = new Set<(s: Settings) => void>()
  const nodes = {
    snapshot: vi.fn(() => opts.nodes ?? []),
    onChanged: vi.fn((l: (s: ProfileNodes) => void) => (nodeListeners.add(l), () => void nodeListeners.delete(l))),
    refresh: vi.fn(async () => 1),
    action: vi.fn(async () => undefined),
    delete: vi.fn(async () => undefined),
    detail: vi.fn(async (_p: string, id: number) => ({
      ...node(id, 'x'),
      ...detailExtras,
      committed: opts.committed ?? null
    })),
    setPaused: vi.fn((p: boolean) => void (paused = p)),
    isPaused: vi.fn(() => paused),
    poke: vi.fn()
  }
  const deps = {
    nodes,
    profiles: {
      list: vi.fn(async () => opts.profiles ?? []),
      onChanged: vi.fn(
        (l: (p: ProfileView[]) => void) => (profileListeners.add(l), () => void profileListeners.delete(l))
      )
    },
    settings: {
      get: vi.fn(() => DEFAULT_SETTINGS),
      onChanged: vi.fn((l: (s: Settings) => void) => (settingsListeners.add(l), () => void settingsListeners.delete(l)))
    },
    dialogs: {
      confirm: vi.fn(async (_req: ConfirmRequest) => opts.confirm ?? 0),
      confirmWithCheckbox: vi.fn(async (_req: ConfirmRequest & { checkboxLabel: string }) => ({
        response: opts.confirm ?? 0,
        checked: false
      })),
      openFile: vi.fn(),
      saveFile: vi.fn()
    },
    clipboard: { writeText: vi.fn() },
    window: { show: vi.fn(), quit: vi.fn() },
    clock,
    log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  } satisfies TrayControllerDeps
  const tray = createTrayController(deps)
  const emitNodes = (s: ProfileNodes) => nodeListeners.forEach((l) => l(s))
  const emitProfiles = (p: ProfileView[]) => profileListeners.forEach((l) => l(p))
  return { tray, deps, clock, emitNodes, emitProfiles, nodeListeners }
}

const prod = profileView('prod', { name: 'Production', location: 'Chennai' })
const web = node(42, 'web-1', 'RUNNING', { publicIp: '164.52.7.42' })
const started = () => setup({ profiles: [prod], nodes: [profileNodes('prod', [web])] })

describe('tray controller', () => {
  let ctx: ReturnType<typeof setup>
  beforeEach(async () => {
    ctx = started()
    await ctx.clock.advance(0)
  })

  it('builds the model from the initial profiles and node snapshot', () => {
    expect(findItem(ctx.tray.model().items, 'node:prod:42')?.label).toBe('● web-1')
    expect(ctx.tray.model().tooltip).toBe('Nodetray · 1 running')
    expect(ctx.tray.model().title).toBe('') // all is well: nothing beside the icon
  })

  it('coalesces a burst of changes into one onChanged and skips unchanged models', async () => {
    const seen: TrayMenuModel[] = []
    ctx.tray.onChanged((m) => seen.push(m))
    ctx.emitNodes(profileNodes('prod', [web, node(43, 'web-2', 'OFF')]))
    ctx.emitNodes(profileNodes('prod', [web, node(43, 'web-2', 'CREATING')]))
    ctx.emitNodes(profileNodes('prod', [web, node(43, 'web-2', 'RUNNING')]))
    expect(seen).toHaveLength(0)
    await ctx.clock.advance(0)
    expect(seen).toHaveLength(1)
    expect(seen[0]!.tooltip).toBe('Nodetray · 2 running')
    ctx.emitNodes(profileNodes('prod', [web, node(43, 'web-2', 'RUNNING')]))
    await ctx.clock.advance(0)
    expect(seen).toHaveLength(1)
  })

  it('rebuilds on its own as the data ages', async () => {
    const seen: TrayMenuModel[] = []
    ctx.tray.onChanged((m) => seen.push(m))
    await ctx.clock.advance(AGE_REFRESH_MS * 4)
    expect(findItem(seen.at(-1)!.items, 'profile:prod:freshness')?.label).toBe('updated 2 min ago')
  })

  it('quick delete asks first, naming the node, its profile and its IP once, then deletes through NodesService once', async () => {
    ctx.deps.dialogs.confirmWithCheckbox.mockResolvedValueOnce({ response: 1, checked: false })
    await ctx.tray.activate('node:prod:42:delete')
    expect(ctx.deps.dialogs.confirmWithCheckbox).toHaveBeenCalledTimes(1)
    const req = ctx.deps.dialogs.confirmWithCheckbox.mock.calls[0]![0]
    expect(req.message).toBe('Delete web-1?')
    expect(req.detail).toContain('web-1 in Production (Chennai), public IP 164.52.7.42.')
    expect(req.detail).toContain('disk and its backups are deleted')
    expect(req.detail?.match(/164\.52\.7\.42/g)).toHaveLength(1)
    expect(req).toMatchObject({
      buttons: ['Cancel', 'Delete node'],
      cancelId: 0,
      defaultId: 0,
      checkboxLabel: 'Keep 164.52.7.42 as a reserved IP'
    })
    expect(ctx.deps.nodes.detail).not.toHaveBeenCalled() // an hourly node has no term to read
    expect(ctx.deps.nodes.delete).toHaveBeenCalledTimes(1)
    expect(ctx.deps.nodes.delete).toHaveBeenCalledWith({
      profileId: 'prod',
      nodeId: 42,
      confirmName: 'web-1',
      reserveIp: false
    })
  })

  it('the checkbox keeps the public IP as a reserved IP', async () => {
    ctx.deps.dialogs.confirmWithCheckbox.mockResolvedValueOnce({ response: 1, checked: true })
    await ctx.tray.activate('node:prod:42:delete')
    expect(ctx.deps.nodes.delete).toHaveBeenCalledWith(expect.objectContaining({ reserveIp: true }))
  })

  it('cancelling the dialog deletes nothing', async () => {
    ctx.deps.dialogs.confirmWithCheckbox.mockResolvedValueOnce({ response: 0, checked: true })
    await ctx.tray.activate('node:prod:42:delete')
    expect(ctx.deps.nodes.delete).not.toHaveBeenCalled()
  })

  it('a second click while the dialog is open does not stack a second delete', async () => {
    let answer: (a: { response: number; checked: boolean }) => void = () => undefined
    ctx.deps.dialogs.confirmWithCheckbox.mockImplementationOnce(() => new Promise((r) => (answer = r)))
    const first = ctx.tray.activate('node:prod:42:delete')
    await ctx.tray.activate('node:prod:42:delete')
    answer({ response: 1, checked: false })
    await first
    expect(ctx.deps.dialogs.confirmWithCheckbox).toHaveBeenCalledTimes(1)
    expect(ctx.deps.nodes.delete).toHaveBeenCalledTimes(1)
  })

  it('does not delete a node that vanished while the dialog was open', async () => {
    ctx.deps.dialogs.confirmWithCheckbox.mockImplementationOnce(async () => {
      ctx.emitNodes(profileNodes('prod', []))
      return { response: 1, checked: false }
    })
    await ctx.tray.activate('node:prod:42:delete')
    expect(ctx.deps.nodes.delete).not.toHaveBeenCalled()
  })

  it('reports a refused delete in a dialog instead of throwing', async () => {
    ctx.deps.dialogs.confirmWithCheckbox.mockResolvedValueOnce({ response: 1, checked: false })
    ctx.deps.nodes.delete.mockRejectedValueOnce(
      new DomainError('PRECONDITION', 'The node is locked. Unlock it before deleting.')
    )
    await expect(ctx.tray.activate('node:prod:42:delete')).resolves.toBeUndefined()
    const report = ctx.deps.dialogs.confirm.mock.calls[0]![0]
    expect(report).toMatchObject({
      message: 'Could not delete web-1',
      detail: 'The node is locked. Unlock it before deleting.',
      buttons: ['OK']
    })
    expect(ctx.deps.log.warn).toHaveBeenCalled()
  })

  it('ignores stale ids and disabled items', async () => {
    await ctx.tray.activate('node:prod:999:delete')
    await ctx.tray.activate('node:prod:42:power_on') // disabled: already running
    expect(ctx.deps.dialogs.confirm).not.toHaveBeenCalled()
    expect(ctx.deps.nodes.action).not.toHaveBeenCalled()
  })

  it('ignores an item that became disabled since the menu was drawn', async () => {
    ctx.emitNodes(profileNodes('prod', [web], { pending: pendingOf(42, 'power_off') }))
    await ctx.tray.activate('node:prod:42:reboot') // the change is not built yet: activate must look at the newest state
    expect(ctx.deps.nodes.action).not.toHaveBeenCalled()
  })

  it('runs node actions and reports their errors', async () => {
    await ctx.tray.activate('node:prod:42:power_off')
    expect(ctx.deps.nodes.action).toHaveBeenCalledWith('prod', 42, 'power_off')
    ctx.deps.nodes.action.mockRejectedValueOnce(new DomainError('NETWORK', 'Cannot reach the E2E API'))
    await ctx.tray.activate('node:prod:42:reboot')
    expect(ctx.deps.dialogs.confirm).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Could not reboot web-1', detail: 'Cannot reach the E2E API' })
    )
  })

  it('dispatches window, clipboard, polling and quit actions', async () => {
    await ctx.tray.activate('node:prod:42:copy_ssh')
    expect(ctx.deps.clipboard.writeText).toHaveBeenCalledWith('ssh root@164.52.7.42')
    await ctx.tray.activate('node:prod:42:open')
    expect(ctx.deps.window.show).toHaveBeenLastCalledWith({ view: 'node', profileId: 'prod', nodeId: 42 })
    await ctx.tray.activate('app:settings')
    expect(ctx.deps.window.show).toHaveBeenLastCalledWith({ view: 'settings' })
    await ctx.tray.activate('window:open')
    expect(ctx.deps.window.show).toHaveBeenLastCalledWith()
    await ctx.tray.activate('app:refresh')
    expect(ctx.deps.nodes.refresh).toHaveBeenCalledTimes(1)
    await ctx.tray.activate('app:pause')
    expect(ctx.deps.nodes.setPaused).toHaveBeenCalledWith(true)
    expect(findItem(ctx.tray.model().items, 'app:pause')?.label).toBe('Resume polling')
    await ctx.tray.activate('app:quit')
    expect(ctx.deps.window.quit).toHaveBeenCalledTimes(1)
  })

  it('opens the profile from the "N more…" item', async () => {
    const many = Array.from({ length: 30 }, (_, i) => node(i + 1, `n-${i + 1}`))
    ctx.emitNodes(profileNodes('prod', many))
    await ctx.tray.activate('profile:prod:more')
    expect(ctx.deps.window.show).toHaveBeenCalledWith({ view: 'list', profileId: 'prod' })
  })

  it('pokes the poller when the menu opens', () => {
    ctx.tray.menuOpened()
    expect(ctx.deps.nodes.poke).toHaveBeenCalledTimes(1)
  })

  it('follows profile changes and drops removed profiles', async () => {
    ctx.emitProfiles([])
    await ctx.clock.advance(0)
    expect(ctx.tray.model().items[0]?.id).toBe('profiles:none')
  })

  it('dispose unsubscribes and stops its timers', () => {
    ctx.tray.dispose()
    expect(ctx.nodeListeners.size).toBe(0)
    expect(ctx.clock.pending).toBe(0)
  })
})

describe('tray controller startup', () => {
  it('shows Loading… until the profile list arrives', async () => {
    const { tray, clock } = setup({ profiles: [prod] })
    expect(tray.model().items[0]?.id).toBe('status:loading')
    await clock.advance(0)
    expect(tray.model().items[0]?.id).toBe('summary')
  })
})

describe('tray controller, items the menu does not list', () => {
  it('acts on any listed node by id, even past the menu’s cap, with the same rules', async () => {
    const many = Array.from({ length: 40 }, (_, i) => node(i + 1, `n-${String(i + 1).padStart(2, '0')}`))
    many[39] = node(40, 'n-40', 'OFF')
    const ctx = setup({ profiles: [prod], nodes: [profileNodes('prod', many)] })
    await ctx.clock.advance(0)
    expect(findItem(ctx.tray.model().items, 'node:prod:40')).toBeUndefined()
    await ctx.tray.activate('node:prod:40:open')
    expect(ctx.deps.window.show).toHaveBeenCalledWith({ view: 'node', profileId: 'prod', nodeId: 40 })
    await ctx.tray.activate('node:prod:40:power_off') // already off: refused as in the menu
    expect(ctx.deps.nodes.action).not.toHaveBeenCalled()
    await ctx.tray.activate('node:prod:40:power_on')
    expect(ctx.deps.nodes.action).toHaveBeenCalledWith('prod', 40, 'power_on')
    await ctx.tray.activate('node:other:40:open')
    expect(ctx.deps.window.show).toHaveBeenCalledTimes(1)
  })

  it('"Create node…" opens the create wizard in the window', async () => {
    const ctx = started()
    await ctx.clock.advance(0)
    await ctx.tray.activate('window:create')
    expect(ctx.deps.window.show).toHaveBeenCalledWith({ view: 'create' })
  })
})

describe("native quick delete, with the window's rules", () => {
  const committedNode = node(7, 'web-03', 'RUNNING', { publicIp: '164.52.7.7', isCommitted: true })
  const demo = profileView('demo', { name: 'Demo · shop (Delhi)', location: 'Delhi', isDemo: true })
  const term: CommittedInfo = {
    skuId: 4170,
    skuName: '90 Days Committed , Rs. 5600.0',
    price: 5600,
    days: 90,
    termEndRaw: null,
    termEnd: new Date(T0 + 37 * 86_400_000 - 60_000).toISOString(),
    message: null
  }

  it('a committed node: the confirm says what was paid, the days left and that they are lost; location said once', async () => {
    const ctx = setup({ profiles: [demo], nodes: [profileNodes('demo', [committedNode])], committed: term })
    await ctx.clock.advance(0)
    await ctx.tray.activate('node:demo:7:delete')
    const req = ctx.deps.dialogs.confirmWithCheckbox.mock.calls[0]![0]
    expect(ctx.deps.nodes.detail).toHaveBeenCalledWith('demo', 7)
    expect(req.detail).toContain('web-03 in Demo · shop (Delhi), public IP 164.52.7.7.')
    expect(req.detail).not.toContain('(Delhi) (Delhi)')
    expect(req.detail).toContain('₹5,600 was paid up front for a 90-day term; 37 days are left')
    expect(req.detail).toContain('loses the rest of the term; nothing is refunded')
    expect(ctx.deps.nodes.delete).not.toHaveBeenCalled()
  })

  it('a committed node whose term cannot be read still warns', async () => {
    const ctx = setup({ profiles: [demo], nodes: [profileNodes('demo', [committedNode])] })
    ctx.deps.nodes.detail.mockRejectedValueOnce(new DomainError('NETWORK', 'offline'))
    await ctx.clock.advance(0)
    await ctx.tray.activate('node:demo:7:delete')
    expect(ctx.deps.dialogs.confirmWithCheckbox.mock.calls[0]![0].detail).toContain('paid in full up front')
  })

  it('without a checkbox dialog the IP is said to be released and is not kept', async () => {
    const ctx = started()
    const dialogs = { confirm: vi.fn(async (_r: ConfirmRequest) => 1), openFile: vi.fn(), saveFile: vi.fn() }
    const bare = createTrayController({ ...ctx.deps, dialogs })
    await ctx.clock.advance(0)
    await bare.activate('node:prod:42:delete')
    expect(dialogs.confirm.mock.calls[0]![0].detail).toContain('Its public IP is released.')
    expect(ctx.deps.nodes.delete).toHaveBeenCalledWith(expect.objectContaining({ reserveIp: false }))
  })

  it('a locked node is refused with the reason, whatever the menu showed', async () => {
    const dialogs = { confirm: vi.fn(async (_r: ConfirmRequest) => 0), openFile: vi.fn(), saveFile: vi.fn() }
    const nodes = { delete: vi.fn(async () => undefined), detail: vi.fn() }
    const target = { profile: prod, node: node(9, 'vault', 'RUNNING', { isLocked: true }) }
    expect(await quickDelete({ dialogs, nodes, now: () => T0 }, target, () => target)).toBe(false)
    expect(dialogs.confirm.mock.calls[0]![0]).toMatchObject({
      message: 'vault cannot be deleted',
      buttons: ['OK']
    })
    expect(dialogs.confirm.mock.calls[0]![0].detail).toContain('The node is locked. Unlock it before deleting.')
    expect(nodes.delete).not.toHaveBeenCalled()
  })
})

describe('tray controller and the popover', () => {
  it('once the shell has a popover, the menu offers "Open Nodetray glance" and it opens the popover', async () => {
    const ctx = started()
    await ctx.clock.advance(0)
    expect(findItem(ctx.tray.model().items, 'window:glance')).toBeUndefined()
    const glance = { show: vi.fn() }
    ctx.tray.setGlance(glance)
    await ctx.clock.advance(0)
    expect(findItem(ctx.tray.model().items, 'window:glance')?.label).toBe('Open Nodetray glance')
    await ctx.tray.activate('window:glance')
    expect(glance.show).toHaveBeenCalledTimes(1)
  })
})
