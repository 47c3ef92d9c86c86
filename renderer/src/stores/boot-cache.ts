// The window's own copy of its first screen: app info, profiles, settings and each profile's first rows by name.
// On the next start the list paints from it at once, and main's answers replace it a few ms later. It holds
// nothing main does not already keep unencrypted in its node cache (no credentials ever reach the window), and it
// carries each list's fetch time, so the age the window shows stays true.
// Versioned (`v` and the key): another version's copy is ignored. Reading it is a quick hand check, because zod is
// not in the first-paint chunk; once the page is idle, first-screen.schema.ts checks it in full and drops a bad one.
import { firstNodesByName } from '../../../shared/domain/node-status'
import type { ProfileNodes } from '../../../shared/domain/node-state'
import type { ProfileView } from '../../../shared/domain/profile'
import type { Settings } from '../../../shared/domain/settings'
import type { AppInfo } from '../../../shared/ipc/contract'
import { useAppStore } from './app.store'
import { FIRST_PAINT_ROWS, useNodesStore } from './nodes.store'
import { useProfilesStore } from './profiles.store'
import { useSettingsStore } from './settings.store'

export const FIRST_SCREEN_KEY = 'nodetray.firstScreen.v1'
/** Saving waits for a quiet moment: polls can change the lists every few seconds. */
const SAVE_DELAY_MS = 2000

export interface FirstScreen {
  v: 1
  info: AppInfo
  profiles: ProfileView[]
  settings: Settings
  nodes: ProfileNodes[]
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

/** The saved first screen, or null when there is none or it cannot be read (then the window waits for main). */
export function readFirstScreen(): FirstScreen | null {
  try {
    const raw = storage()?.getItem(FIRST_SCREEN_KEY)
    if (!raw) return null
    const s = JSON.parse(raw) as Partial<FirstScreen>
    const ok =
      s.v === 1 &&
      typeof s.info === 'object' &&
      s.info !== null &&
      typeof s.settings === 'object' &&
      s.settings !== null &&
      Array.isArray(s.profiles) &&
      Array.isArray(s.nodes) &&
      s.nodes.every((p) => typeof p?.profileId === 'string' && Array.isArray(p.nodes))
    return ok ? (s as FirstScreen) : null
  } catch {
    return null
  }
}

/** The full check, after the first paint: a saved copy that fails it is removed, so no later start paints it. */
export async function dropFirstScreenUnlessValid(): Promise<boolean> {
  const raw = storage()?.getItem(FIRST_SCREEN_KEY)
  if (!raw) return true
  const { isValidFirstScreen } = await import('./first-screen.schema')
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    value = undefined
  }
  const ok = isValidFirstScreen(value)
  if (!ok) storage()?.removeItem(FIRST_SCREEN_KEY)
  return ok
}

/** Puts the saved first screen into the stores, before main has answered. */
export function showFirstScreen(s: FirstScreen): void {
  useAppStore.setState({ info: s.info })
  useSettingsStore.setState({ settings: s.settings })
  useProfilesStore.setState({ profiles: s.profiles, loaded: true })
  // A saved copy is older than anything main says now, whatever `rev` an older build saved with it.
  useNodesStore.setState({
    byProfile: Object.fromEntries(s.nodes.map((p) => [p.profileId, { ...p, rev: 0 }])),
    loaded: true
  })
}

/** What would be saved now; null until every store has main's answer. */
export function currentFirstScreen(): FirstScreen | null {
  const { info } = useAppStore.getState()
  const { settings } = useSettingsStore.getState()
  const { profiles, loaded } = useProfilesStore.getState()
  const nodes = useNodesStore.getState()
  if (!info || !settings || !loaded || !nodes.loaded) return null
  return {
    v: 1,
    // Startup notices (an unreadable profile file, say) belong to the start that raised them.
    info: { ...info, notices: [] },
    settings,
    // Not even the key's last four characters go to storage; the list does not show them.
    profiles: profiles.map((p) => ({ ...p, credentials: { ...p.credentials, apiKeyHint: null } })),
    // Without `rev`: it counts one run of main, and the next start's answers must replace the saved copy.
    nodes: Object.values(nodes.byProfile).map(({ rev: _rev, ...p }) => {
      const total = p.totalNodes ?? p.nodes.length
      if (p.nodes.length <= FIRST_PAINT_ROWS) return p
      return { ...p, nodes: firstNodesByName(p.nodes, FIRST_PAINT_ROWS), totalNodes: total }
    })
  }
}

function save(): void {
  const s = currentFirstScreen()
  if (!s) return
  try {
    storage()?.setItem(FIRST_SCREEN_KEY, JSON.stringify(s))
  } catch {
    // Storage full or unavailable: the next start waits for main, as it would without this copy.
  }
}

/** Keeps the saved first screen current (debounced) until the returned function is called. */
export function keepFirstScreenSaved(delayMs = SAVE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const soon = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      save()
    }, delayMs)
  }
  const offs = [
    useAppStore.subscribe(soon),
    useSettingsStore.subscribe(soon),
    useProfilesStore.subscribe(soon),
    useNodesStore.subscribe(soon)
  ]
  return () => {
    if (timer) clearTimeout(timer)
    offs.forEach((off) => off())
  }
}
