// Profiles: list with colour, location, project, key hint and token warnings; add, edit, delete, export.
// Demo profiles are read-only; the demo can be hidden from here.
import { useState } from 'react'
import type { ProfileView } from '../../../../shared/domain/profile'
import { Avatar } from '../../components/Avatar'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Dialog } from '../../components/Dialog'
import { EmptyState } from '../../components/EmptyState'
import { ErrorText } from '../../components/ErrorText'
import { formatDate } from '../../lib/format'
import { call } from '../../lib/ipc'
import { useAction } from '../../lib/use-action'
import { toast } from '../../stores/notifications.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { useSettingsStore } from '../../stores/settings.store'
import { ImportFlow } from '../first-run/ImportFlow'
import { ProfileForm } from './ProfileForm'
import { retryKeychain } from './retry-keychain'
import { credentialProblem } from './token-warning'
import './profiles.css'

type Editing = { mode: 'add' } | { mode: 'edit'; profile: ProfileView } | { mode: 'import' } | null

export function ProfilesScreen() {
  const { profiles, error, load } = useProfilesStore()
  const settings = useSettingsStore((s) => s.settings)
  const updateSettings = useSettingsStore((s) => s.update)
  const [editing, setEditing] = useState<Editing>(null)
  const [deleting, setDeleting] = useState<ProfileView | null>(null)
  const { error: actionError, run } = useAction()
  const hasDemo = profiles.some((p) => p.isDemo)

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

  const toggleDemo = (hide: boolean) =>
    run(async () => {
      await updateSettings({ hideDemo: hide })
      await load()
    })

  return (
    <div className="screen stack">
      <div className="row">
        <h1>Profiles</h1>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => void exportProfiles()}>
          Export…
        </button>
        <button type="button" className="btn" onClick={() => setEditing({ mode: 'import' })}>
          Import…
        </button>
        <button type="button" className="btn btn-primary" onClick={() => setEditing({ mode: 'add' })}>
          Add profile
        </button>
      </div>
      {error && <ErrorText error={error} onRetry={() => void load()} />}
      {actionError && <ErrorText error={actionError} />}
      {settings && (
        <label className="check">
          <input type="checkbox" checked={settings.hideDemo} onChange={(e) => void toggleDemo(e.target.checked)} /> Hide
          the demo profiles
        </label>
      )}
      {profiles.length === 0 ? (
        <EmptyState title="No profiles">Add a profile with your E2E API key and auth token, or import one.</EmptyState>
      ) : (
        <ul className="profile-list" aria-label="Profiles">
          {profiles.map((p) => {
            const problem = p.isDemo ? null : credentialProblem(p.credentials)
            return (
              <li key={p.id} className="card profile-card" data-testid="profile-card">
                <div className="row">
                  <Avatar profile={p} size={36} />
                  <div className="stack" style={{ gap: 2 }}>
                    <strong>
                      {p.name} {p.isDemo && <span className="tag">Demo · read-only</span>}
                    </strong>
                    <span className="muted small">
                      {p.location} · project {p.projectId}
                      {p.credentials.apiKeyHint ? ` · key ${p.credentials.apiKeyHint}` : ''}
                      {p.credentials.tokenExpiresAt ? ` · token until ${formatDate(p.credentials.tokenExpiresAt)}` : ''}
                    </span>
                  </div>
                  <span className="spacer" />
                  {!p.isDemo && (
                    <>
                      <button
                        type="button"
                        className="btn btn-sm"
                        onClick={() => setEditing({ mode: 'edit', profile: p })}
                        aria-label={`Edit ${p.name}`}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="btn btn-sm"
                        onClick={() => setDeleting(p)}
                        aria-label={`Delete ${p.name}`}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </div>
                {problem && (
                  <p className={`token-warning token-${problem.level}`} data-testid={`credential-${problem.kind}`}>
                    {problem.text}
                    {problem.retry && (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="btn btn-sm"
                          onClick={() => void retryKeychain(p.id)}
                          aria-label={`Try the keychain again for ${p.name}`}
                        >
                          Try again
                        </button>
                      </>
                    )}
                  </p>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {!hasDemo && settings && !settings.hideDemo && (
        <p className="muted small">The demo is not available in this build.</p>
      )}
      {editing?.mode === 'add' && (
        <Dialog title="Add profile" onClose={() => setEditing(null)} wide>
          <ProfileForm
            index={profiles.length}
            onCancel={() => setEditing(null)}
            onSaved={(p) => {
              setEditing(null)
              toast({ kind: 'ok', title: `Added ${p.name}` })
              void load()
            }}
          />
        </Dialog>
      )}
      {editing?.mode === 'edit' && (
        <Dialog title={`Edit ${editing.profile.name}`} onClose={() => setEditing(null)} wide>
          <ProfileForm
            profile={editing.profile}
            onCancel={() => setEditing(null)}
            onSaved={(p) => {
              setEditing(null)
              toast({ kind: 'ok', title: `Saved ${p.name}` })
              void load()
            }}
          />
        </Dialog>
      )}
      {editing?.mode === 'import' && (
        <Dialog title="Import profiles" onClose={() => setEditing(null)} wide>
          <ImportFlow
            onCancel={() => setEditing(null)}
            onImported={(list) => {
              setEditing(null)
              toast({ kind: 'ok', title: `Imported ${list.length} ${list.length === 1 ? 'profile' : 'profiles'}` })
              void load()
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
