// "Check credentials": asks main to try the key and token, then lists the account's projects to pick from. While a
// check runs the button stays focusable (aria-disabled, clicks ignored): a disabled button would drop focus to
// <body>, and Esc would then no longer reach the dialog.
import { useRef, useState } from 'react'
import type { Project } from '../../../../shared/domain/resources'
import { ErrorText } from '../../components/ErrorText'
import { call } from '../../lib/ipc'
import { useAction } from '../../lib/use-action'
import { isNoApiAtAddress, NO_API_AT_ADDRESS } from './profile-form.model'

interface ProjectPickerProps {
  /** Builds the check input; returns a message instead when the form is not ready for a check. */
  checkInput():
    { input: { profileId: string } | { apiKey: string; authToken: string; apiBaseUrl?: string } } | { notReady: string }
  value: string
  onPick(projectId: string): void
  idPrefix: string
}

export function ProjectPicker({ checkInput, value, onPick, idPrefix }: ProjectPickerProps) {
  const [projects, setProjects] = useState<Project[] | null>(null)
  const { busy, error, run: runCheck } = useAction()
  const [notReady, setNotReady] = useState<string | null>(null)
  /** The check reached no E2E API at the address (a 404): said in words about the address, not about a node. */
  const [noApi, setNoApi] = useState(false)
  /** Set at once, before React re-renders with `busy`: a second click or Enter in the same moment starts nothing. */
  const checking = useRef(false)

  const run = async () => {
    if (checking.current) return
    const built = checkInput()
    if ('notReady' in built) {
      setNotReady(built.notReady)
      return
    }
    setNotReady(null)
    setNoApi(false)
    checking.current = true
    try {
      await runCheck(
        async () => {
          const res = await call((api) => api.profiles.checkCredentials(built.input))
          setProjects(res.projects)
          const only =
            res.projects.length === 1 ? res.projects[0] : res.projects.find((p) => p.isDefault && value === '')
          if (only && value === '') onPick(String(only.projectId))
        },
        {
          onError: (err) => {
            setProjects(null)
            if (!isNoApiAtAddress(err)) return false
            setNoApi(true)
            return true
          }
        }
      )
    } finally {
      checking.current = false
    }
  }

  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="btn" onClick={() => void run()} aria-disabled={busy || undefined}>
          {busy ? 'Checking…' : 'Check credentials'}
        </button>
        {projects && (
          <span role="status" className="ok-text">
            Credentials work: {projects.length} {projects.length === 1 ? 'project' : 'projects'}.
          </span>
        )}
      </div>
      {notReady && (
        <p className="error-text" role="alert">
          {notReady}
        </p>
      )}
      {noApi && (
        <p className="error-text" role="alert" data-testid="check-no-api">
          {NO_API_AT_ADDRESS}
        </p>
      )}
      {error && <ErrorText error={error} typedCredentials onRetry={() => void run()} />}
      {projects && projects.length > 0 && (
        <fieldset className="radio-group">
          <legend>Pick a project</legend>
          {projects.map((p) => (
            <label key={p.projectId} className="check">
              <input
                type="radio"
                name={`${idPrefix}-project`}
                checked={value === String(p.projectId)}
                onChange={() => onPick(String(p.projectId))}
              />{' '}
              {p.name}{' '}
              <span className="muted">
                ({p.projectId}
                {p.isDefault ? ', default' : ''})
              </span>
            </label>
          ))}
          <p className="muted small" style={{ margin: 0 }}>
            A project shared with you through IAM is not listed here: type its id below.
          </p>
        </fieldset>
      )}
    </div>
  )
}
