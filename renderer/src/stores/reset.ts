// Test helper: puts every store back to its first state between tests.
import { useAppStore } from './app.store'
import { resetStartup } from './events'
import { useNodesStore } from './nodes.store'
import { useToastStore } from './notifications.store'
import { useProfilesStore } from './profiles.store'
import { useSettingsStore } from './settings.store'
import { ALL_PROFILES, useUiStore } from './ui.store'

export function resetStores(): void {
  resetStartup()
  useAppStore.setState({ info: null, error: null })
  useSettingsStore.setState({ settings: null, error: null })
  useProfilesStore.setState({ profiles: [], loaded: false, error: null })
  useNodesStore.setState({ byProfile: {}, loaded: false, error: null })
  useToastStore.setState({ toasts: [] })
  useUiStore.setState({ view: 'nodes', listProfile: ALL_PROFILES, selected: null, firstRunDone: false })
  try {
    localStorage.clear()
  } catch {
    /* no storage */
  }
}
