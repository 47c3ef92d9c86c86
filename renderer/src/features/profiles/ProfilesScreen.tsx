// Profiles: the user's own (colour, location, project, key hint, token state, each problem with its fix), then the
// demo sandbox, marked as such (its profiles cannot be edited), with the switch that shows or hides it. Add, edit, delete, import,
// export.
import { useEffect, useRef, useState } from 'react'
import { Download, EyeOff, FlaskConical, KeyRound, Pencil, Plus, RefreshCw, Trash2, Upload } from 'lucide-react'
import type { ProfileView } from '../../../../shared/domain/profile'
import { Avatar } from '../../components/Avatar'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Dialog } from '../../components/Dialog'
import { EmptyState } from '../../components/EmptyState'
import { ErrorText } from '../../components/ErrorText'
import { DemoBadge } from '../../components/ui/Badge'
import { Button } from '../../components/ui/Button'
import { formatDate } from '../../lib/format'
import { call } from '../../lib/ipc'
import { useAction } from '../../lib/use-action'
import { useAppStore } from '../../stores/app.store'
import { toast } from '../../stores/notifications.store'
import { firstRunPassed, showsFirstRun, useProfilesStore, userProfiles } from '../../stores/profiles.store'
import { useSettingsStore } from '../../stores/settings.store'
import { useUiStore } from '../../stores/ui.store'
import { focusOnArrival } from '../../lib/focus-on-arrival'
import { ImportFlow } from '../first-run/ImportFlow'
import { fixFor, useCredentialFix, type FixRequest } from './fix-credentials'
import { ProfileForm, type ProfileFormHandle } from './ProfileForm'
import { retryKeychain } from './retry-keychain'
import { credentialProblem } from './token-warning'
import './profiles.css'

type Editing =
  | { mode: 'add' }
  | { mode: 'edit'; profile: ProfileView; fix?: Omit<FixRequest, 'profileId'> }
  | { mode: 'import' }
  | null

/** Saved while E2E could not be reached: the key and token are not known to work yet. */
const UNCHECKED = 'E2E could not be reached to check the API key and token; Nodetray checks them when it connects.'

/** Said once, when the first profile of the user's own made main hide the demo sandbox. */
const DEMO_HIDDEN =
  'The demo sandbox is hidden now that you have a profile of your own. Settings → Show the demo sandbox brings it back.'

export function ProfilesScreen() {
  const { profiles, error, load } = useProfilesStore()
  const settings = useSettingsStore((s) => s.settings)
  const updateSettings = useSettingsStore((s) => s.update)
  const demoAvailable = useAppStore((s) => s.info?.demoAvailable ?? s.info?.demoMode ?? false)
  const fixRequest = useCredentialFix((s) => s.request)
  const [editing, setEditing] = useState<Editing>(null)
  const [deleting, setDeleting] = useState<ProfileView | null>(null)
  const { error: actionError, run } = useAction()
  const own = userProfiles(profiles)
  const demos = profiles.filter((p) => p.isDemo)
  const heading = useRef<HTMLHeadingElement>(null)
  const wasDeleting = useRef(false)
  /** Undoes the request for the first-run screen to take focus, when this screen stayed after all. */
  const firstRunFocus = useRef<(() => void) | null>(null)

  // The delete dialog gives focus back to its Delete button, which went with the deleted card: the screen's
  // heading takes it instead of <body>.
  useEffect(() => {
    const closed = wasDeleting.current && deleting === null
    wasDeleting.current = deleting !== null
    if (!closed) return
    firstRunFocus.current?.()
    firstRunFocus.current = null
    if (document.activeElement === null || document.activeElement === document.body) heading.current?.focus()
  }, [deleting])

  // A Fix button elsewhere (the credential banners) asked for this profile's edit form: it wins over local state.
  const fixProfile = fixRequest ? own.find((p) => p.id === fixRequest.profileId) : undefined
  const current: Editing =
    fixRequest && fixProfile
      ? { mode: 'edit', profile: fixProfile, fix: { focus: fixRequest.focus, reason: fixRequest.reason } }
      : editing
  const close = () => {
    setEditing(null)
    useCredentialFix.getState().clear()
  }
  /** Esc on the add or edit dialog: the form asks first when something was typed, as its Cancel does. */
  const form = useRef<ProfileFormHandle>(null)
  const requestClose = () => (form.current ? form.current.requestCancel() : close())

  const exportProfiles = () =>
    run(async () => {
      const r = await call((api) => api.profiles.export({}))
      if (r.savedTo)
        toast({
          kind: 'ok',
          title: `Exported ${r.count} ${r.count === 1 ? 'profile' : 'profiles'}`,
          body: `Saved to ${r.savedTo} (no secrets included).`
        })
    })

  const showDemo = (show: boolean) =>
    run(async () => {
      await updateSettings({ showDemo: show })
      await Promise.all([load(), useAppStore.getState().load()])
    })

  /** After a save: reload, and say so when main hid the demo because this was the first profile of the user's own. */
  const saved = async (title: string, unchecked = false) => {
    const demoWasShown = demos.length > 0 && own.length === 0
    await Promise.all([load(), useSettingsStore.getState().load(), useAppStore.getState().load()])
    const body = [unchecked ? UNCHECKED : '', demoWasShown ? DEMO_HIDDEN : ''].filter(Boolean).join(' ')
    toast({ kind: unchecked ? 'info' : 'ok', title, ...(body ? { body } : {}) })
  }

  const card = (p: ProfileView) => {
    const problem = p.isDemo ? null : credentialProblem(p.credentials)
    const fix = problem && !problem.retry ? fixFor(problem.kind) : null
    return (
      <li
        key={p.id}
        className={`card profile-card${p.isDemo ? ' profile-card-demo' : ''}`}
        data-testid="profile-card"
        data-demo={p.isDemo || undefined}
      >
        <div className="profile-card-row">
          <Avatar profile={p} size={36} />
          <div className="profile-card-text">
            <span className="profile-card-name">
              <strong>{p.name}</strong>
              {p.isDemo && <DemoBadge />}
            </span>
            <span className="muted small">
              {p.isDemo ? (
                <>Simulated project: nodes you create, power or delete here are not real</>
              ) : (
                <>
                  {p.location} · project {p.projectId}
                  {p.credentials.apiKeyHint ? ` · key ${p.credentials.apiKeyHint}` : ''}
                  {p.credentials.tokenExpiresAt ? ` · token until ${formatDate(p.credentials.tokenExpiresAt)}` : ''}
                </>
              )}
            </span>
          </div>
          {!p.isDemo && (
            <div className="profile-card-actions">
              <Button
                size="sm"
                icon={Pencil}
                onClick={() => setEditing({ mode: 'edit', profile: p })}
                aria-label={`Edit ${p.name}`}
              >
                Edit
              </Button>
              <Button size="sm" icon={Trash2} onClick={() => setDeleting(p)} aria-label={`Delete ${p.name}`}>
                Delete
              </Button>
            </div>
          )}
        </div>
        {problem && (
          <div className={`token-warning token-${problem.level}`} data-testid={`credential-${problem.kind}`}>
            <span>{problem.text}</span>
            {problem.retry ? (
              <Button
                size="sm"
                icon={RefreshCw}
                onClick={() => void retryKeychain(p.id)}
                aria-label={`Try the keychain again for ${p.name}`}
              >
                Try again
              </Button>
            ) : (
              fix && (
                <Button
                  size="sm"
                  icon={KeyRound}
                  onClick={() => setEditing({ mode: 'edit', profile: p, fix })}
                  aria-label={`${problem.fixLabel} for ${p.name}`}
                >
                  {problem.fixLabel}
                </Button>
              )
            )}
          </div>
        )}
      </li>
    )
  }

  return (
    <div className="screen stack profiles-screen">
      <div className="profiles-head">
        <h1 ref={heading} tabIndex={-1}>
          Profiles
        </h1>
        <span className="spacer" />
        <Button
          icon={Download}
          onClick={() => void exportProfiles()}
          disabledReason={own.length === 0 ? 'No profiles of your own to export yet.' : null}
        >
          Export…
        </Button>
        <Button icon={Upload} onClick={() => setEditing({ mode: 'import' })}>
          Import…
        </Button>
        <Button variant="primary" icon={Plus} onClick={() => setEditing({ mode: 'add' })}>
          Add profile
        </Button>
      </div>
      {error && <ErrorText error={error} onRetry={() => void load()} />}
      {actionError && <ErrorText error={actionError} />}
      {/* Named for screen readers only (the screen's title says it): keeps the headings in order, h1 → h2 → the
          empty state's h3, beside the demo sandbox's h2. */}
      <section aria-labelledby="profiles-own-title">
        <h2 id="profiles-own-title" className="sr-only">
          Your profiles
        </h2>
        {own.length === 0 ? (
          <EmptyState title="No profiles of your own yet">
            Add your E2E project with its API key and auth token, or import MyAccount’s token file.
          </EmptyState>
        ) : (
          <ul className="profile-list" aria-labelledby="profiles-own-title">
            {own.map(card)}
          </ul>
        )}
      </section>
      {(demoAvailable || demos.length > 0) && (
        <section className="profiles-demo" aria-labelledby="profiles-demo-title" data-testid="profiles-demo">
          <div className="profiles-demo-head">
            <h2 id="profiles-demo-title">Demo sandbox</h2>
            <span className="spacer" />
            {settings &&
              (settings.showDemo ? (
                <Button size="sm" icon={EyeOff} onClick={() => void showDemo(false)}>
                  Hide the demo sandbox
                </Button>
              ) : (
                <Button size="sm" icon={FlaskConical} onClick={() => void showDemo(true)}>
                  Show the demo sandbox
                </Button>
              ))}
          </div>
          <p className="muted small">
            {settings?.showDemo
              ? 'Simulated profiles and nodes to try Nodetray. Nothing done there is real or billed.'
              : 'Hidden. Simulated profiles and nodes to try Nodetray; nothing done there is real.'}
          </p>
          {demos.length > 0 && (
            <ul className="profile-list" aria-label="Demo sandbox profiles">
              {demos.map(card)}
            </ul>
          )}
        </section>
      )}
      {current?.mode === 'add' && (
        <Dialog title="Add profile" onClose={requestClose} wide>
          <ProfileForm
            ref={form}
            index={profiles.length}
            onCancel={close}
            onSaved={(p, info) => {
              close()
              void saved(`Added ${p.name}`, info?.unchecked)
            }}
          />
        </Dialog>
      )}
      {current?.mode === 'edit' && (
        <Dialog title={`Edit ${current.profile.name}`} onClose={requestClose} wide>
          <ProfileForm
            ref={form}
            profile={current.profile}
            {...(current.fix ? { focusField: current.fix.focus, reason: current.fix.reason } : {})}
            onCancel={close}
            onSaved={(p, info) => {
              close()
              void saved(`Saved ${p.name}`, info?.unchecked)
            }}
          />
        </Dialog>
      )}
      {current?.mode === 'import' && (
        <Dialog title="Import profiles" onClose={close} wide>
          <ImportFlow
            onCancel={close}
            onImported={(list) => {
              close()
              void saved(`Imported ${list.length} ${list.length === 1 ? 'profile' : 'profiles'}`)
            }}
          />
        </Dialog>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete profile ${deleting.name}?`}
          confirmLabel="Delete profile"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            // The last profile of the user's own: the first-run screen replaces this one, and this dialog with it.
            // Said before the call: main's profiles:changed event can switch the screens before the call answers.
            const left = profiles.filter((p) => p.id !== deleting.id)
            if (showsFirstRun(left, firstRunPassed(useUiStore.getState().firstRunDone, useAppStore.getState().info)))
              firstRunFocus.current = focusOnArrival('first-run')
            await call((api) => api.profiles.delete({ profileId: deleting.id }))
            toast({ kind: 'ok', title: `Deleted profile ${deleting.name}` })
            await load()
          }}
        >
          <p>
            This removes the profile, its stored API key and token from the keychain, and its cached node list. Your
            nodes at E2E are not touched.
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}
