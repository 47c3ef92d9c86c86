// The window: header (name, version, navigation), the current screen, toasts, and in the preview the
// native-dialog stand-in.
import { useEffect } from 'react'
import { ScreenBoundary } from './components/ScreenBoundary'
import { Spinner } from './components/Spinner'
import { Tabs, type TabItem } from './components/Tabs'
import { Toasts } from './components/Toasts'
import { ErrorText } from './components/ErrorText'
import { Notices } from './components/Notices'
import { UpdateBanner } from './components/UpdateBanner'
import { NodeListScreen } from './features/nodes/NodeListScreen'
import { DialogHost, FirstRun, ProfilesScreen, SettingsScreen } from './lazy-screens'
import { useAppStore } from './stores/app.store'
import { startLoading } from './start-up'
import { connectEvents } from './stores/events'
import { showsFirstRun, useProfilesStore } from './stores/profiles.store'
import { useSettingsStore } from './stores/settings.store'
import { useUiStore, type View } from './stores/ui.store'

export function App() {
  const { info, error: infoError, load: loadInfo } = useAppStore()
  const { profiles, loaded, error: profilesError, load: loadProfiles } = useProfilesStore()
  const settings = useSettingsStore((s) => s.settings)
  const { view, setView, firstRunDone } = useUiStore()

  useEffect(() => {
    const disconnect = connectEvents()
    void startLoading()
    return disconnect
  }, [])

  const firstRun = loaded && showsFirstRun(profiles, firstRunDone)
  const tabs: TabItem<View>[] = [
    { key: 'nodes', label: 'Nodes' },
    { key: 'profiles', label: 'Profiles' },
    { key: 'settings', label: 'Settings' }
  ]

  return (
    <div className="app">
      <header className="app-header row">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <strong>{info?.name ?? 'Nodetray'}</strong>
          <span className="muted small" data-testid="app-version">
            {info ? `v${info.version}` : ''}
          </span>
          {info?.preview && <span className="tag">Preview</span>}
        </span>
        {!firstRun && loaded && <Tabs label="Sections" items={tabs} active={view} onChange={setView} idPrefix="main" />}
      </header>
      <main
        className="app-main"
        id="main-panel"
        role={!firstRun && loaded ? 'tabpanel' : undefined}
        aria-labelledby={!firstRun && loaded ? `main-tab-${view}` : undefined}
      >
        {infoError && <ErrorText error={infoError} onRetry={() => void loadInfo()} />}
        <Notices />
        <UpdateBanner />
        <ScreenBoundary>
          {!loaded ? (
            profilesError ? (
              <ErrorText error={profilesError} onRetry={() => void loadProfiles()} />
            ) : (
              <Spinner label="Starting…" />
            )
          ) : firstRun ? (
            <FirstRun demoAvailable={(info?.demoMode ?? false) || (settings?.hideDemo ?? false)} />
          ) : view === 'nodes' ? (
            <NodeListScreen />
          ) : view === 'profiles' ? (
            <ProfilesScreen />
          ) : (
            <SettingsScreen />
          )}
        </ScreenBoundary>
      </main>
      {info?.preview && (
        <ScreenBoundary>
          <DialogHost />
        </ScreenBoundary>
      )}
      <Toasts />
    </div>
  )
}
