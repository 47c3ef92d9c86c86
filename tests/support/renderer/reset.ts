// Test support: one reset for everything the renderer keeps between tests (the stores, the start-up, the bridge,
// the saved first screen), and the way a test puts a fake bridge where the page's real one would be.
import { BRIDGE_GLOBAL, type BridgeApi } from '../../../shared/ipc/bridge'
import { resetArrivalFocus } from '../../../renderer/src/lib/focus-on-arrival'
import { resetStartUp } from '../../../renderer/src/start-up'
import { useAppStore } from '../../../renderer/src/stores/app.store'
import { useNodesStore } from '../../../renderer/src/stores/nodes.store'
import { useToastStore } from '../../../renderer/src/stores/notifications.store'
import { useProfilesStore } from '../../../renderer/src/stores/profiles.store'
import { useSettingsStore } from '../../../renderer/src/stores/settings.store'
import { ALL_PROFILES, useUiStore } from '../../../renderer/src/stores/ui.store'

/** The bridge lib/ipc.ts finds on the page (typed BridgeApi, so contract changes break a fake at compile time). */
export function installBridge(api: BridgeApi | null): void {
  const page = globalThis as unknown as Record<string, BridgeApi | undefined>
  if (api) page[BRIDGE_GLOBAL] = api
  else delete page[BRIDGE_GLOBAL]
}

export function resetForTests(): void {
  resetStartUp()
  resetArrivalFocus()
  installBridge(null)
  useAppStore.setState({ info: null, error: null })
  useSettingsStore.setState({ settings: null, error: null })
  useProfilesStore.setState({ profiles: [], loaded: false, error: null })
  useNodesStore.setState({ byProfile: {}, loaded: false, error: null })
  useToastStore.setState({ toasts: [] })
  useUiStore.setState({
    view: 'nodes',
    listProfile: ALL_PROFILES,
    selected: null,
    firstRunDone: false,
    createRequested: false
  })
  try {
    localStorage.clear()
  } catch {
    /* no storage */
  }
}
