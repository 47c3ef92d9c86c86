// The window: header (name, version, navigation), the current screen, toasts, and in the preview the
// native-dialog stand-in.
import { useEffect } from 'react'
import { ScreenBoundary } from './components/ScreenBoundary'
import { Spinner } from './components/Spinner'
import { type TabItem } from './components/Tabs'
import { AppHeader } from './components/AppHeader'
import { Toasts } from './components/Toasts'
import { ErrorText } from './components/ErrorText'
import { Notices } from './components/Notices'
import { UpdateBanner } from './components/UpdateBanner'
import { NodeListScreen } from './features/nodes/NodeListScreen'
import { DialogHost, FirstRun, ProfilesScreen, SettingsScreen } from './lazy-screens'
import { useAppStore } from './stores/app.store'
import { startLoading } from './start-up'
import { connectEvents } from './stores/events'
import { firstRunPassed, showsFirstRun, useProfilesStore } from './stores/profiles.store'
import { useUiStore, type View } from './stores/ui.store'

export function App() {
  const { info, error: infoError, load: loadInfo } = useAppStore()
  const { profiles, loaded, error: profilesError, load: loadProfiles } = useProfilesStore()
  const { view, setView, firstRunDone } = useUiStore()

  useEffect(() => {
    const disconnect = connectEvents()
    void startLoading()
    return disconnect
  }, [])

  const firstRun = loaded && showsFirstRun(profiles, firstRunPassed(firstRunDone, info))
  const tabbed = !firstRun && loaded
  const tabs: TabItem<View>[] = [
    { key: 'nodes', label: 'Nodes', icon: 'server' },
    { key: 'profiles', label: 'Profiles', icon: 'key' },
    { key: 'settings', label: 'Settings', icon: 'sliders' }
  ]

  return (
    <div className="app">
      <AppHeader
        name={info?.name ?? 'Nodetray'}
        version={info?.version ?? null}
        preview={info?.preview ?? false}
        tabs={tabbed ? tabs : null}
        active={view}
        onChange={setView}
      />
      {/* The one main landmark holds the tab panel: a role on <main> itself would replace the landmark. */}
      <main className="app-body">
        <div
          className="app-main"
          id="main-panel"
          role={tabbed ? 'tabpanel' : undefined}
          aria-labelledby={tabbed ? `main-tab-${view}` : undefined}
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
              <FirstRun demoAvailable={info?.demoAvailable ?? info?.demoMode ?? false} />
            ) : view === 'nodes' ? (
              <NodeListScreen />
            ) : view === 'profiles' ? (
              <ProfilesScreen />
            ) : (
              <SettingsScreen />
            )}
          </ScreenBoundary>
        </div>
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
