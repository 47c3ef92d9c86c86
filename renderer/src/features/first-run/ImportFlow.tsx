// Import a MyAccount token file or e2ectl profiles. Main opens the file dialog and keeps the secrets; the page only
// sees aliases and hints. Before anything is saved main checks each token (expiry, API address, E2E's answer,
// project lookup) and the page shows the checklist; Import stays disabled, saying why, until the checks pass.
import { useEffect, useId, useState } from 'react'
import { FileDown, RefreshCw, TerminalSquare } from 'lucide-react'
import { LOCATIONS, type Location } from '../../../../shared/domain/location'
import type { ImportCheckResult, ProfileView } from '../../../../shared/domain/profile'
import type { ImportPreview } from '../../../../shared/ipc/contract'
import { ImportEntryInput } from '../../../../shared/ipc/schemas'
import { ErrorText } from '../../components/ErrorText'
import { LocationOptions } from '../../components/LocationOptions'
import { Button } from '../../components/ui/Button'
import { asAppError, call, type AppError } from '../../lib/ipc'
import { useAction } from '../../lib/use-action'
import { Checklist, projectCheck, type ChecklistLine } from '../profiles/Checklist'
import './first-run.css'

interface Row {
  alias: string
  include: boolean
  name: string
  projectId: string
  location: Location
}

type CheckState =
  { state: 'pending' } | { state: 'done'; result: ImportCheckResult } | { state: 'error'; error: AppError }

const fieldError = (key: 'name' | 'projectId', value: string): string | undefined => {
  const r = ImportEntryInput.shape[key].safeParse(value)
  return r.success ? undefined : r.error.issues[0]?.message
}

/** Why Import cannot run now, in words, or null when it can. */
export function importBlockedBy(rows: Row[], checks: Record<string, CheckState>): string | null {
  const included = rows.filter((r) => r.include)
  if (included.length === 0) return 'Tick at least one token to import.'
  for (const r of included) {
    const c = checks[r.alias]
    if (!c || c.state === 'pending') return 'Checking the tokens with E2E…'
    if (c.state === 'error') return `${r.alias} could not be checked: ${c.error.message}`
    if (c.result.blockedBy)
      return `${r.alias} cannot be imported: ${c.result.blockedBy} Untick it to import the others.`
    const nameErr = fieldError('name', r.name)
    if (nameErr) return `${r.alias}: ${nameErr}.`
    if (r.projectId.trim() === '') return `Enter the project id for ${r.alias}.`
    const pidErr = fieldError('projectId', r.projectId.trim())
    if (pidErr) return `${r.alias}: ${pidErr}.`
  }
  return null
}

export function ImportFlow({ onImported, onCancel }: { onImported(list: ProfileView[]): void; onCancel(): void }) {
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [rows, setRows] = useState<Row[]>([])
  const [checks, setChecks] = useState<Record<string, CheckState>>({})
  const { busy, error, run } = useAction()
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const [cancelled, setCancelled] = useState(false)
  const uid = useId()

  const update = (alias: string, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.alias === alias ? { ...r, ...patch } : r)))

  const check = async (importId: string, alias: string) => {
    setChecks((c) => ({ ...c, [alias]: { state: 'pending' } }))
    try {
      const result = await call((api) => api.profiles.checkImport({ importId, alias }))
      setChecks((c) => ({ ...c, [alias]: { state: 'done', result } }))
      // A refused token starts unticked (the user may tick it back and read why Import is disabled); the only or
      // default project fills an empty project id.
      const pick = result.projects.length === 1 ? result.projects[0] : result.projects.find((p) => p.isDefault)
      setRows((rs) =>
        rs.map((r) =>
          r.alias !== alias
            ? r
            : {
                ...r,
                include: result.blockedBy ? false : r.include,
                projectId: r.projectId === '' && pick ? String(pick.projectId) : r.projectId
              }
        )
      )
    } catch (e) {
      setChecks((c) => ({ ...c, [alias]: { state: 'error', error: asAppError(e) } }))
    }
  }

  useEffect(() => {
    if (!preview) return
    for (const e of preview.entries) void check(preview.importId, e.alias)
    // Runs once per picked file.
  }, [preview])

  const pick = (kind: 'token-file' | 'e2ectl') => {
    setCancelled(false)
    return run(async () => {
      const p = await call((api) => api.profiles.pickImport({ kind }))
      if (!p) {
        setCancelled(true)
        return
      }
      setChecks({})
      setServerErrors({})
      setRows(
        p.entries.map((e) => ({
          alias: e.alias,
          include: true,
          name: e.nameTaken ? `${e.alias}-2` : e.alias,
          projectId: e.suggestedProjectId ?? '',
          location: e.suggestedLocation ?? (LOCATIONS[0] as Location)
        }))
      )
      setPreview(p)
    })
  }

  const included = rows.filter((r) => r.include)
  const blockedBy = importBlockedBy(rows, checks)

  const submit = async () => {
    if (!preview || blockedBy) return
    setServerErrors({})
    // "entries.<i>.<field>" points at one row: that error shows on its field, not above the form.
    const onRow = (err: AppError) => {
      const m = /^entries\.(\d+)\.(\w+)/.exec(err.field ?? '')
      const row = m ? included[Number(m[1])] : undefined
      if (!m || !row) return false
      setServerErrors({ [`${row.alias}.${m[2]}`]: err.message })
      return true
    }
    await run(
      async () => {
        const list = await call((api) =>
          api.profiles.import({
            importId: preview.importId,
            entries: included.map((r) => ({
              alias: r.alias,
              name: r.name.trim(),
              projectId: r.projectId.trim(),
              location: r.location
            }))
          })
        )
        onImported(list)
      },
      { onError: onRow }
    )
  }

  if (!preview) {
    return (
      <div className="stack">
        <p className="muted">
          Nodetray opens the file itself and never changes it. The keys go straight to the system keychain, and only
          after each token has been checked.
        </p>
        <div className="row">
          <Button
            variant="primary"
            icon={FileDown}
            onClick={() => void pick('token-file')}
            disabledReason={busy ? 'Waiting for the file you pick…' : null}
          >
            MyAccount token file…
          </Button>
          <Button
            icon={TerminalSquare}
            onClick={() => void pick('e2ectl')}
            disabledReason={busy ? 'Waiting for the file you pick…' : null}
          >
            e2ectl profiles…
          </Button>
          <span className="spacer" />
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
        {cancelled && <p className="muted">No file chosen.</p>}
        {error && <ErrorText error={error} />}
      </div>
    )
  }

  const reasonId = `${uid}-blocked`
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <p className="muted small">
        From <span className="mono">{preview.source}</span>. Give each profile a name, its project id and location.
      </p>
      {rows.map((r, i) => {
        const entry = preview.entries.find((e) => e.alias === r.alias)
        const c = checks[r.alias]
        const result = c?.state === 'done' ? c.result : null
        const nameErr =
          serverErrors[`${r.alias}.name`] ??
          (r.include ? fieldError('name', r.name) : undefined) ??
          (entry?.nameTaken && r.name === r.alias ? 'A profile with this name exists' : undefined)
        const pidErr =
          serverErrors[`${r.alias}.projectId`] ??
          (r.include && r.projectId !== '' ? fieldError('projectId', r.projectId.trim()) : undefined)
        const lines: ChecklistLine[] =
          c?.state === 'done'
            ? [...c.result.checks, ...projectCheck(r.projectId.trim(), c.result)]
            : c?.state === 'error'
              ? [{ id: 'credentials', state: 'fail', text: `Could not check this token: ${c.error.message}` }]
              : [{ id: 'credentials', state: 'pending', text: 'Checking the token with E2E…' }]
        const aliasErr = serverErrors[`${r.alias}.alias`]
        const canRecheck =
          result?.checks.some((x) => x.id === 'credentials' && x.state === 'warn') || c?.state === 'error'
        const listId = `${uid}-projects-${i}`
        const offWhy = r.include ? undefined : `Tick ${r.alias} to import it`
        return (
          <fieldset
            key={r.alias}
            className="card import-entry"
            data-testid="import-entry"
            data-included={r.include}
            aria-busy={c?.state === 'pending' || undefined}
          >
            <legend>
              <label className="check">
                <input
                  type="checkbox"
                  checked={r.include}
                  onChange={(e) => update(r.alias, { include: e.target.checked })}
                />{' '}
                {r.alias}
              </label>
            </legend>
            <p className="muted small" style={{ margin: 0 }}>
              API key {entry?.apiKeyHint ?? '—'}
            </p>
            <Checklist lines={lines} label={`Checks for ${r.alias}`} />
            {aliasErr && (
              <p className="error-text" role="alert">
                {aliasErr}
              </p>
            )}
            {canRecheck && (
              <div>
                <Button size="sm" icon={RefreshCw} onClick={() => void check(preview.importId, r.alias)}>
                  Check again
                </Button>
              </div>
            )}
            <div className="import-fields">
              <div className="field">
                <label htmlFor={`${uid}-${i}-name`}>Name</label>
                <input
                  id={`${uid}-${i}-name`}
                  value={r.name}
                  disabled={!r.include}
                  title={offWhy}
                  aria-invalid={nameErr !== undefined}
                  onChange={(e) => update(r.alias, { name: e.target.value })}
                />
                {nameErr && <span className="error">{nameErr}</span>}
              </div>
              <div className="field">
                <label htmlFor={`${uid}-${i}-project`}>Project id</label>
                <input
                  id={`${uid}-${i}-project`}
                  inputMode="numeric"
                  autoComplete="off"
                  list={result && result.projects.length > 0 ? listId : undefined}
                  value={r.projectId}
                  disabled={!r.include}
                  title={offWhy}
                  aria-invalid={pidErr !== undefined}
                  onChange={(e) => update(r.alias, { projectId: e.target.value })}
                />
                {result && result.projects.length > 0 && (
                  <datalist id={listId}>
                    {result.projects.map((p) => (
                      <option key={p.projectId} value={String(p.projectId)}>
                        {p.name}
                      </option>
                    ))}
                  </datalist>
                )}
                {pidErr && <span className="error">{pidErr}</span>}
              </div>
              <div className="field">
                <label htmlFor={`${uid}-${i}-loc`}>Location</label>
                <select
                  id={`${uid}-${i}-loc`}
                  value={r.location}
                  disabled={!r.include}
                  title={offWhy}
                  onChange={(e) => update(r.alias, { location: e.target.value as Location })}
                >
                  <LocationOptions />
                </select>
              </div>
            </div>
          </fieldset>
        )
      })}
      {error && <ErrorText error={error} />}
      <div className="import-actions">
        <Button type="submit" variant="primary" disabledReason={busy ? 'Importing…' : blockedBy}>
          {busy ? 'Importing…' : `Import ${included.length} ${included.length === 1 ? 'profile' : 'profiles'}`}
        </Button>
        <Button onClick={() => setPreview(null)}>Pick another file</Button>
        {blockedBy && !busy && (
          <span id={reasonId} className="import-blocked" data-testid="import-blocked">
            {blockedBy}
          </span>
        )}
      </div>
    </form>
  )
}
