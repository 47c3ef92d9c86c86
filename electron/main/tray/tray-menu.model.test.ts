import { describe, expect, it } from 'vitest'
import type { TrayItem, TrayMenuModel } from '../../../shared/domain/tray'
import { findItem } from './tray-controller'
import { buildTrayMenu, MAX_NODES_PER_PROFILE } from './tray-menu.model'
import {
  minutesAgo,
  mixedNodes,
  node,
  pendingOf,
  profileNodes,
  profileView,
  T0,
  trayState
} from '../../../tests/support/tray-fixtures'

const get = (model: TrayMenuModel, id: string): TrayItem => {
  const item = findItem(model.items, id)
  if (!item) throw new Error(`no item ${id}; have ${model.items.map((i) => i.id).join(', ')}`)
  return item
}
const labels = (items: TrayItem[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label)
const nodeItems = (model: TrayMenuModel, pid: string) => model.items.filter((i) => i.id.startsWith(`node:${pid}:`))
const APP_ITEMS = ['Refresh now', 'Pause polling', 'Open Nodetray', 'Create node…', 'Settings…', 'Quit Nodetray']

describe('buildTrayMenu', () => {
  it('with no profiles offers to open the window and disables polling controls', () => {
    const model = buildTrayMenu(trayState())
    expect(model.items.map((i) => [i.id, i.enabled])).toEqual([
      ['profiles:none', true],
      ['app:sep', false],
      ['app:refresh', false],
      ['app:pause', false],
      ['window:sep', false],
      ['window:open', true],
      ['window:create', false],
      ['app:settings', true],
      ['app:quit', true]
    ])
    expect(model.items[0]).toEqual({
      id: 'profiles:none',
      label: 'No profiles yet — open Nodetray to add one',
      type: 'normal',
      enabled: true,
      action: { kind: 'window.open' }
    })
    expect(model).toMatchObject({ icon: 'ok', title: '', tooltip: 'Nodetray · No profiles yet' })
  })

  it('says Loading… rather than "no profiles" before the first profile list arrives', () => {
    const model = buildTrayMenu(trayState({ loading: true }))
    expect(model.items[0]).toMatchObject({ id: 'status:loading', label: 'Loading…', enabled: false })
    expect(findItem(model.items, 'profiles:none')).toBeUndefined()
  })

  it('shows the demo profile with its nodes and a full node submenu', () => {
    const demo = profileView('demo', { name: 'Demo · shop (Delhi)', initials: 'D', isDemo: true })
    const model = buildTrayMenu(
      trayState({
        profiles: [demo],
        nodes: [
          profileNodes('demo', [node(7, 'web-1', 'RUNNING', { publicIp: '164.52.1.7', plan: 'C3.16GB' })], {
            fetchedAt: minutesAgo(2)
          })
        ]
      })
    )

    expect(labels(model.items)).toEqual([
      '1 running',
      'D  Demo · shop (Delhi)',
      'updated 2 min ago',
      '● web-1',
      ...APP_ITEMS
    ])
    expect(model).toMatchObject({ icon: 'ok', title: '', tooltip: 'Nodetray · 1 running' })
    expect(get(model, 'node:demo:7').children).toEqual([
      { id: 'node:demo:7:status', label: 'Running', type: 'normal', enabled: false },
      { id: 'node:demo:7:plan', label: 'Plan C3.16GB', type: 'normal', enabled: false },
      { id: 'node:demo:7:ip', label: 'Public IP 164.52.1.7', type: 'normal', enabled: false },
      { id: 'node:demo:7:sep-copy', label: '', type: 'separator', enabled: false },
      {
        id: 'node:demo:7:copy_ip',
        label: 'Copy IP',
        type: 'normal',
        enabled: true,
        action: { kind: 'clipboard.copy', text: '164.52.1.7' }
      },
      {
        id: 'node:demo:7:copy_ssh',
        label: 'Copy SSH command',
        type: 'normal',
        enabled: true,
        action: { kind: 'clipboard.copy', text: 'ssh root@164.52.1.7' }
      },
      {
        id: 'node:demo:7:open',
        label: 'Open details',
        type: 'normal',
        enabled: true,
        action: { kind: 'window.openNode', profileId: 'demo', nodeId: 7 }
      },
      { id: 'node:demo:7:sep-power', label: '', type: 'separator', enabled: false },
      {
        id: 'node:demo:7:power_on',
        label: 'Power on',
        type: 'normal',
        enabled: false,
        sublabel: 'Already running',
        action: { kind: 'node.action', profileId: 'demo', nodeId: 7, action: 'power_on' }
      },
      {
        id: 'node:demo:7:power_off',
        label: 'Power off',
        type: 'normal',
        enabled: true,
        action: { kind: 'node.action', profileId: 'demo', nodeId: 7, action: 'power_off' }
      },
      {
        id: 'node:demo:7:reboot',
        label: 'Reboot',
        type: 'normal',
        enabled: true,
        action: { kind: 'node.action', profileId: 'demo', nodeId: 7, action: 'reboot' }
      },
      { id: 'node:demo:7:sep-delete', label: '', type: 'separator', enabled: false },
      {
        id: 'node:demo:7:delete',
        label: 'Delete…',
        type: 'normal',
        enabled: true,
        action: { kind: 'node.delete', profileId: 'demo', nodeId: 7 }
      }
    ])
  })

  it('with several profiles sums states across them and lists each profile’s nodes by name', () => {
    const a = profileView('alpha', { name: 'Alpha', initials: 'AL' })
    const b = profileView('bravo', { name: 'Bravo', initials: 'BR', location: 'Chennai' })
    const model = buildTrayMenu(
      trayState({
        profiles: [a, b],
        nodes: [
          profileNodes('alpha', [node(3, 'web-10'), node(1, 'web-2', 'OFF'), node(2, 'db', 'CREATING')]),
          profileNodes('bravo', [node(9, 'api', 'FAILED'), node(8, 'cache')], { fetchedAt: minutesAgo(61) })
        ]
      })
    )
    expect(labels(model.items)).toEqual([
      '2 running · 1 changing · 1 off · 1 failed',
      'AL  Alpha · Delhi',
      'updated just now',
      '◐ db · Creating',
      '○ web-2 · Powered off',
      '● web-10',
      'BR  Bravo · Chennai',
      'updated 1 h ago',
      '✕ api · Failed',
      '● cache',
      ...APP_ITEMS
    ])
    expect(model.items.filter((i) => i.type === 'separator').map((i) => i.id)).toEqual([
      'profile:alpha:sep',
      'profile:bravo:sep',
      'app:sep',
      'window:sep'
    ])
    expect(model).toMatchObject({ icon: 'error', title: '1 failed · 1 changing' })
  })

  it('offline: keeps the cached nodes, says how old they are and shows the error', () => {
    const p = profileView('p1', { name: 'Prod', initials: 'PR' })
    const model = buildTrayMenu(
      trayState({
        profiles: [p],
        nodes: [
          profileNodes('p1', [node(1, 'web')], {
            source: 'cache',
            fetchedAt: minutesAgo(185),
            error: { code: 'NETWORK', message: 'Cannot reach the E2E API', reason: 'offline' }
          })
        ]
      })
    )
    expect(get(model, 'profile:p1:freshness').label).toBe('offline · last seen 3 h ago')
    expect(get(model, 'profile:p1:error')).toEqual({
      id: 'profile:p1:error',
      label: 'Cannot reach the E2E API',
      type: 'normal',
      enabled: false
    })
    expect(nodeItems(model, 'p1').map((i) => i.label)).toEqual(['● web'])
    expect(model.icon).toBe('offline')
    expect(model.tooltip).toBe('Nodetray · 1 running · offline')
    expect(model.title).toBe('offline')
  })

  it('a create whose outcome is unknown says "Checking whether E2E created it…" with the time left', () => {
    const p = profileView('p1', { name: 'Prod', initials: 'PR' })
    const creates = [
      {
        requestId: 'r1',
        names: ['api-01'],
        state: 'checking' as const,
        checkAfter: new Date(T0 + 45_000).toISOString()
      },
      { requestId: 'r2', names: ['db-01'], state: 'sending' as const, checkAfter: null },
      { requestId: 'r3', names: ['old-01'], state: 'not_created' as const, checkAfter: minutesAgo(1) }
    ]
    const model = buildTrayMenu(
      trayState({ profiles: [p], nodes: [profileNodes('p1', [node(1, 'web')], { creates })] })
    )
    expect(get(model, 'profile:p1:create:r1')).toEqual({
      id: 'profile:p1:create:r1',
      label: '◐ Checking whether E2E created api-01… 45 s left',
      type: 'normal',
      enabled: false
    })
    expect(get(model, 'profile:p1:create:r2').label).toBe('◐ db-01 · Creating…')
    expect(model.items.some((i) => i.id === 'profile:p1:create:r3')).toBe(false)
    const later = buildTrayMenu(
      trayState({ profiles: [p], nodes: [profileNodes('p1', [node(1, 'web')], { creates })], now: T0 + 60_000 })
    )
    expect(get(later, 'profile:p1:create:r1').label).toBe(
      "◐ Checking whether E2E created api-01… waiting for E2E's node list"
    )
  })

  it('is not "offline" while another profile is live', () => {
    const err = { code: 'NETWORK' as const, message: 'Cannot reach the E2E API', reason: 'offline' as const }
    const model = buildTrayMenu(
      trayState({
        profiles: [profileView('a'), profileView('b')],
        nodes: [profileNodes('a', [], { error: err }), profileNodes('b', [node(1, 'x')])]
      })
    )
    expect(model.icon).toBe('ok')
  })

  it('rate limited: says so with the data age, and is not an error icon', () => {
    const model = buildTrayMenu(
      trayState({
        profiles: [profileView('p1')],
        nodes: [
          profileNodes('p1', [node(1, 'web')], {
            fetchedAt: minutesAgo(5),
            error: { code: 'RATE_LIMITED', message: 'Too many requests; retrying in 30 s', reason: 'rate_limited' }
          })
        ]
      })
    )
    expect(get(model, 'profile:p1:freshness').label).toBe('rate limited · updated 5 min ago')
    expect(get(model, 'profile:p1:error').label).toBe('Too many requests; retrying in 30 s')
    expect(model.icon).toBe('ok')
  })

  it('credentials rejected: red icon and the reason', () => {
    const model = buildTrayMenu(
      trayState({
        profiles: [profileView('p1')],
        nodes: [
          profileNodes('p1', [], {
            fetchedAt: null,
            source: 'none',
            error: { code: 'AUTH', message: 'The API key or token was rejected', reason: 'auth' }
          })
        ]
      })
    )
    expect(get(model, 'profile:p1:freshness').label).toBe('credentials rejected')
    expect(get(model, 'profile:p1:error').label).toBe('The API key or token was rejected')
    expect(findItem(model.items, 'profile:p1:empty')).toBeUndefined()
    expect(model.icon).toBe('error')
    expect(model.tooltip).toBe('Nodetray · No nodes · needs attention')
  })

  it('a locked node cannot be powered or deleted, and says why', () => {
    const model = buildTrayMenu(
      trayState({
        profiles: [profileView('p1')],
        nodes: [profileNodes('p1', [node(4, 'vault', 'RUNNING', { isLocked: true })])]
      })
    )
    const children = get(model, 'node:p1:4').children ?? []
    expect(
      children
        .filter((c) => c.action?.kind === 'node.action' || c.action?.kind === 'node.delete')
        .map((c) => [c.label, c.enabled, c.sublabel])
    ).toEqual([
      ['Power on', false, 'Already running'],
      ['Power off', false, 'The node is locked; unlock it first'],
      ['Reboot', false, 'The node is locked; unlock it first'],
      ['Delete…', false, 'The node is locked. Unlock it before deleting.']
    ])
    expect(get(model, 'node:p1:4:copy_ssh').enabled).toBe(true)
  })

  it('a protected node can be powered off but not deleted', () => {
    const model = buildTrayMenu(
      trayState({
        profiles: [profileView('p1')],
        nodes: [profileNodes('p1', [node(4, 'db', 'RUNNING', { isProtected: true })])]
      })
    )
    expect(get(model, 'node:p1:4:power_off').enabled).toBe(true)
    expect(get(model, 'node:p1:4:delete')).toMatchObject({
      enabled: false,
      sublabel: 'Accidental-delete protection is on. Turn it off before deleting.'
    })
  })

  it('a node without a public IP cannot be copied', () => {
    const model = buildTrayMenu(
      trayState({
        profiles: [profileView('p1')],
        nodes: [profileNodes('p1', [node(4, 'db', 'OFF', { publicIp: null })])]
      })
    )
    expect(get(model, 'node:p1:4:ip').label).toBe('No public IP')
    expect(get(model, 'node:p1:4:copy_ip')).toEqual({
      id: 'node:p1:4:copy_ip',
      label: 'Copy IP',
      type: 'normal',
      enabled: false,
      sublabel: 'The node has no public IP'
    })
    expect(get(model, 'node:p1:4:copy_ssh').action).toBeUndefined()
    expect(get(model, 'node:p1:4:power_on').enabled).toBe(true)
  })

  it('a pending delete shows "Deleting…" and disables every action of that node', () => {
    const model = buildTrayMenu(
      trayState({
        profiles: [profileView('p1')],
        nodes: [profileNodes('p1', [node(5, 'old'), node(6, 'new')], { pending: pendingOf(5, 'delete') })]
      })
    )
    expect(get(model, 'node:p1:5').label).toBe('◐ old · Deleting…')
    expect(get(model, 'node:p1:5:status').label).toBe('Deleting…')
    for (const id of ['power_on', 'power_off', 'reboot', 'delete'])
      expect(get(model, `node:p1:5:${id}`)).toMatchObject({ enabled: false, sublabel: 'Deleting…' })
    expect(get(model, 'node:p1:6:power_off').enabled).toBe(true)
    expect(get(model, 'summary').label).toBe('1 running · 1 changing')
    expect(model.icon).toBe('changing')
  })

  it('shows "Powering off…" for a pending power off', () => {
    const model = buildTrayMenu(
      trayState({
        profiles: [profileView('p1')],
        nodes: [profileNodes('p1', [node(5, 'web')], { pending: pendingOf(5, 'power_off') })]
      })
    )
    expect(get(model, 'node:p1:5').label).toBe('◐ web · Powering off…')
  })

  it('with 500 nodes shows the 25 most relevant and an "N more…" item that opens the profile', () => {
    const nodes = mixedNodes(500)
    const model = buildTrayMenu(
      trayState({
        profiles: [profileView('big')],
        nodes: [profileNodes('big', nodes, { pending: pendingOf(500, 'reboot') })]
      })
    )
    const shown = nodeItems(model, 'big')
    expect(shown).toHaveLength(MAX_NODES_PER_PROFILE)
    // The pending node first, then every changing node (CREATING, SAVING, UNKNOWN: 150 of them) by name.
    expect(shown.map((i) => i.label).slice(0, 4)).toEqual([
      '◐ node-500 · Rebooting…',
      '◐ node-005 · Creating',
      '◐ node-009 · Saving image',
      '◐ node-010 · Unknown'
    ])
    expect(shown.every((i) => i.label.startsWith('◐'))).toBe(true)
    expect(get(model, 'profile:big:more')).toEqual({
      id: 'profile:big:more',
      label: '475 more…',
      type: 'normal',
      enabled: true,
      action: { kind: 'window.openProfile', profileId: 'big' }
    })
    expect(model.items.map((i) => i.id).indexOf('profile:big:more')).toBe(
      model.items.map((i) => i.id).indexOf(shown[24]!.id) + 1
    )
  })

  it('relevance puts failed before running before off when there are few changing nodes', () => {
    const nodes = [
      ...Array.from({ length: 30 }, (_, i) => node(i + 1, `off-${i + 1}`, 'OFF')),
      node(100, 'zz-run'),
      node(101, 'yy-failed', 'FAILED')
    ]
    const shown = nodeItems(
      buildTrayMenu(trayState({ profiles: [profileView('p')], nodes: [profileNodes('p', nodes)] })),
      'p'
    ).map((i) => i.label)
    expect(shown.slice(0, 4)).toEqual([
      '✕ yy-failed · Failed',
      '● zz-run',
      '○ off-1 · Powered off',
      '○ off-2 · Powered off'
    ])
    expect(shown).toHaveLength(25)
  })

  it('keeps ids stable across rebuilds while states, ages and pending actions change', () => {
    const p = [profileView('p1'), profileView('p2')]
    const first = buildTrayMenu(
      trayState({
        profiles: p,
        nodes: [profileNodes('p1', [node(1, 'a'), node(2, 'b')]), profileNodes('p2', [node(3, 'c', 'OFF')])]
      })
    )
    const second = buildTrayMenu(
      trayState({
        now: T0 + 3_600_000,
        paused: true,
        profiles: p,
        nodes: [
          profileNodes('p1', [node(1, 'a', 'OFF'), node(2, 'b')], { pending: pendingOf(2, 'power_off') }),
          profileNodes('p2', [node(3, 'c', 'CREATING')])
        ]
      })
    )
    const ids = (m: TrayMenuModel): string[] =>
      m.items.flatMap((i) => [i.id, ...(i.children ?? []).map((c) => c.id)]).sort()
    expect(ids(second)).toEqual(ids(first))
    expect(new Set(ids(first)).size).toBe(ids(first).length)
    expect(get(second, 'app:pause').label).toBe('Resume polling')
    expect(get(second, 'summary').sublabel).toBe('Polling paused')
    expect(second.tooltip).toBe('Nodetray · 2 changing · 1 off · polling paused')
  })

  it('is deterministic: the same state gives an equal model', () => {
    const s = trayState({ profiles: [profileView('p1')], nodes: [profileNodes('p1', mixedNodes(40))] })
    expect(buildTrayMenu(s)).toEqual(buildTrayMenu(s))
  })
})
