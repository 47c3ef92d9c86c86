// Keeps the latest profiles, node lists and settings, rebuilds the menu model (coalesced, once per tick) and
// runs the action of a clicked item. Ids are looked up in the current model, so a click on a menu that was
// rebuilt underneath it runs what the user saw, or nothing when the item has gone or was disabled.
import type { ProfileNodes } from '../../../shared/domain/node-state'
import type { ProfileView } from '../../../shared/domain/profile'
import type { Settings } from '../../../shared/domain/settings'
import type { TrayAction, TrayItem, TrayMenuModel } from '../../../shared/domain/tray'
import type { ClipboardPort, Clock, Dialogs, WindowPort } from '../ports'
import { isDomainError } from '../errors'
import type { NodesService } from '../nodes/nodes.types'
import type { ProfilesService, SettingsService } from '../profiles/profiles.types'
import type { Logger } from '../redact'
import { quickDelete, type DeleteTarget } from './quick-delete'
import { buildTrayMenu } from './tray-menu.model'
import { nodeItem } from './tray-node-items'
import type { TrayController } from './tray.types'

/** Only what the tray uses, so tests pass small fakes; create-main passes the full services. */
export interface TrayControllerDeps {
  nodes: Pick<
    NodesService,
    'snapshot' | 'onChanged' | 'refresh' | 'action' | 'delete' | 'detail' | 'setPaused' | 'isPaused' | 'poke'
  >
  profiles: Pick<ProfilesService, 'list' | 'onChanged'>
  settings: Pick<SettingsService, 'get' | 'onChanged'>
  dialogs: Dialogs
  clipboard: ClipboardPort
  window: WindowPort
  clock: Clock
  log: Logger
}

/** Ages in the menu ("updated 2 min ago") go stale on their own; rebuild this often even when nothing changed. */
export const AGE_REFRESH_MS = 30_000

export function createTrayController(deps: TrayControllerDeps): TrayController {
  const { nodes, clock, log } = deps
  let profiles: ProfileView[] = []
  let loading = true
  let settings: Settings = deps.settings.get()
  const nodesByProfile = new Map<string, ProfileNodes>(nodes.snapshot().map((p) => [p.profileId, p]))
  const listeners = new Set<(model: TrayMenuModel) => void>()
  const deletesInDialog = new Set<string>()
  let disposed = false
  let glance: { show(): void } | null = null
  let rebuildTimer: unknown = null
  let ageTimer: unknown = null

  const build = (): TrayMenuModel =>
    buildTrayMenu({
      profiles,
      nodes: [...nodesByProfile.values()],
      settings,
      paused: nodes.isPaused(),
      now: clock.now(),
      loading,
      glance: glance !== null
    })
  let current = build()
  let currentKey = JSON.stringify(current)

  function rebuild(): void {
    if (rebuildTimer !== null) clock.clearTimeout(rebuildTimer)
    rebuildTimer = null
    if (disposed) return
    const next = build()
    const key = JSON.stringify(next)
    if (key === currentKey) return
    current = next
    currentKey = key
    for (const l of listeners) {
      try {
        l(next)
      } catch (e) {
        log.error('tray: listener failed', { error: String(e) })
      }
    }
  }

  // A poll cycle emits one change per profile; building once for the burst keeps the tray from flickering.
  function schedule(): void {
    if (rebuildTimer === null && !disposed) rebuildTimer = clock.setTimeout(rebuild, 0)
  }

  function tickAges(): void {
    ageTimer = clock.setTimeout(() => {
      rebuild()
      if (!disposed) tickAges()
    }, AGE_REFRESH_MS)
  }

  const unsubscribers = [
    nodes.onChanged((state) => {
      nodesByProfile.set(state.profileId, state)
      schedule()
    }),
    deps.profiles.onChanged((list) => {
      profiles = list
      loading = false
      const ids = new Set(list.map((p) => p.id))
      for (const id of [...nodesByProfile.keys()]) if (!ids.has(id)) nodesByProfile.delete(id)
      schedule()
    }),
    deps.settings.onChanged((value) => {
      settings = value
      schedule()
    })
  ]

  deps.profiles.list().then(
    (list) => {
      // A profiles:changed that arrived first is newer than this answer.
      if (loading) profiles = list
      loading = false
      schedule()
    },
    (e: unknown) => {
      loading = false
      log.error('tray: could not list profiles', { error: e instanceof Error ? e.message : String(e) })
      schedule()
    }
  )
  tickAges()

  /** The popover lists every node, the menu only the first few per profile: a node's item is built from the
   * current state when the menu does not hold it, with the same rules. */
  function liveNodeItem(itemId: string): TrayItem | undefined {
    const m = /^node:([A-Za-z0-9_-]+):(\d+):[a-z_]+$/.exec(itemId)
    if (!m) return undefined
    const profileId = m[1] as string
    const data = nodesByProfile.get(profileId)
    const node = data?.nodes.find((n) => n.id === Number(m[2]))
    if (!data || !node || !profiles.some((p) => p.id === profileId)) return undefined
    return findItem([nodeItem(profileId, node, data.pending[String(node.id)])], itemId)
  }

  function lookup(profileId: string, nodeId: number): DeleteTarget | null {
    const profile = profiles.find((p) => p.id === profileId)
    const node = nodesByProfile.get(profileId)?.nodes.find((n) => n.id === nodeId)
    return profile && node ? { profile, node } : null
  }

  function showError(message: string, e: unknown): void {
    const detail = isDomainError(e)
      ? [e.data.message, e.data.hint].filter(Boolean).join('\n\n')
      : 'Something went wrong. The log has the details.'
    if (isDomainError(e)) log.warn(`tray: ${message}`, { code: e.code, message: e.data.message })
    else log.error(`tray: ${message}`, { error: e instanceof Error ? e.message : String(e) })
    // Not awaited: the action is over; the dialog only reports it.
    deps.dialogs
      .confirm({ title: 'Nodetray', message, detail, buttons: ['OK'], cancelId: 0, defaultId: 0 })
      .catch((err: unknown) => {
        log.error('tray: could not show error dialog', { error: String(err) })
      })
  }

  async function run(action: TrayAction, item: TrayItem): Promise<void> {
    switch (action.kind) {
      case 'window.open':
        return deps.window.show()
      case 'window.openNode':
        return deps.window.show({ view: 'node', profileId: action.profileId, nodeId: action.nodeId })
      case 'window.openProfile':
        return deps.window.show({ view: 'list', profileId: action.profileId })
      case 'settings.open':
        return deps.window.show({ view: 'settings' })
      case 'window.create':
        return deps.window.show({ view: 'create' })
      case 'glance.open':
        return glance?.show()
      case 'app.quit':
        return deps.window.quit()
      case 'clipboard.copy':
        return deps.clipboard.writeText(action.text)
      case 'poll.refreshAll':
        await nodes.refresh()
        return
      case 'poll.togglePause':
        nodes.setPaused(!nodes.isPaused())
        return schedule()
      case 'node.action': {
        const name = lookup(action.profileId, action.nodeId)?.node.name ?? `node ${action.nodeId}`
        try {
          await nodes.action(action.profileId, action.nodeId, action.action)
        } catch (e) {
          showError(`Could not ${item.label.toLowerCase()} ${name}`, e)
        }
        return
      }
      case 'node.delete':
        return runDelete(action.profileId, action.nodeId)
    }
  }

  async function runDelete(profileId: string, nodeId: number): Promise<void> {
    const target = lookup(profileId, nodeId)
    const key = `${profileId}:${nodeId}`
    // A second click while the dialog is open must not stack a second dialog (and a second delete).
    if (!target || deletesInDialog.has(key)) return
    deletesInDialog.add(key)
    try {
      await quickDelete({ ...deps, now: () => clock.now() }, target, () => lookup(profileId, nodeId))
    } catch (e) {
      showError(`Could not delete ${target.node.name}`, e)
    } finally {
      deletesInDialog.delete(key)
    }
  }

  return {
    model: () => {
      if (rebuildTimer !== null) rebuild()
      return current
    },
    async activate(itemId) {
      if (rebuildTimer !== null) rebuild()
      const item = findItem(current.items, itemId) ?? liveNodeItem(itemId)
      if (!item || !item.enabled || !item.action) {
        log.info('tray: ignored a stale or inert item', { itemId })
        return
      }
      try {
        await run(item.action, item)
      } catch (e) {
        showError(`Could not do “${item.label}”`, e)
      }
    },
    menuOpened() {
      nodes.poke()
      rebuild()
    },
    setGlance(next) {
      glance = next
      schedule()
    },
    onChanged(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      disposed = true
      for (const u of unsubscribers) u()
      listeners.clear()
      if (rebuildTimer !== null) clock.clearTimeout(rebuildTimer)
      if (ageTimer !== null) clock.clearTimeout(ageTimer)
    }
  }
}

export function findItem(items: TrayItem[], id: string): TrayItem | undefined {
  for (const item of items) {
    if (item.id === id) return item
    const inner = item.children ? findItem(item.children, id) : undefined
    if (inner) return inner
  }
  return undefined
}
