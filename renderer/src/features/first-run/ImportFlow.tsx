// Import a MyAccount token file or e2ectl profiles. Main opens the file dialog and keeps the secrets; the page
// only sees aliases and hints, and gives each alias a name, project id and location.
import { useState } from 'react'
import { LOCATIONS, type Location } from '../../../../shared/domain/location'
import { LocationOptions } from '../../components/LocationOptions'
import type { ProfileView } from '../../../../shared/domain/profile'
import type { ImportPreview } from '../../../../shared/ipc/contract'
import { ImportEntryInput } from '../../../../shared/ipc/schemas'
import { ErrorText } from '../../components/ErrorText'
import { formatDate } from '../../lib/format'
import { call, type AppError } from '../../lib/ipc'
import { useAction } from '../../lib/use-action'
import './first-run.css'

interface Row {
  alias: string
  include: boolean
  name: string
  projectId: string
  location: Location
}

const fieldError = (key: 'name' | 'projectId', value: string): string | undefined => {
  const r = ImportEntryInput.shape[key].safeParse(value)
  return r.success ? undefined : r.error.issues[0]?.message
}

export function ImportFlow({ onImported, onCancel }: { onImported(list: ProfileView[]): void; onCancel(): void }) {
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [rows, setRows] = useState<Row[]>([])
  const { busy, error, run } = useAction()
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const [cancelled, setCancelled] = useState(false)

  const pick = (kind: 'token-file' | 'e2ectl') => {
    setCancelled(false)
    return run(async () => {
      const p = await call((api) => api.profiles.pickImport({ kind }))
      if (!p) setCancelled(true)
      else {
        setPreview(p)
        setRows(
          p.entries.map((e) => ({
            alias: e.alias,
            include: true,
            name: e.nameTaken ? `${e.alias}-2` : e.alias,
            projectId: e.suggestedProjectId ?? '',
            location: e.suggestedLocation ?? (LOCATIONS[0] as Location)
          }))
        )
      }
    })
  }

  const included = rows.filter((r) => r.include)
  const invalid = included.some((r) => fieldError('name', r.name) || fieldError('projectId', r.projectId))

  const submit = async () => {
    if (!preview || invalid || included.length === 0) return
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

  const update = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))

  if (!preview) {
    return (
      <div className="stack">
        <p>Choose what to import. Nodetray opens the file itself; its secrets go straight to the system keychain.</p>
        <div className="row">
          <button type="button" className="btn btn-primary" onClick={() => void pick('token-file')} disabled={busy}>
            MyAccount token file…
          </button>
          <button type="button" className="btn" onClick={() => void pick('e2ectl')} disabled={busy}>
            e2ectl profiles…
          </button>
          <span className="spacer" />
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            Cancel
          </button>
        </div>
        {cancelled && <p className="muted">No file chosen.</p>}
        {error && <ErrorText error={error} />}
      </div>
    )
  }

  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <p className="muted">From {preview.source}: give each profile a name, its project id and location.</p>
      {rows.map((r, i) => {
        const entry = preview.entries[i]
        const nameErr =
          serverErrors[`${r.alias}.name`] ??
          (r.include ? fieldError('name', r.name) : undefined) ??
          (entry?.nameTaken && r.name === r.alias ? 'A profile with this name exists' : undefined)
        const pidErr =
          serverErrors[`${r.alias}.projectId`] ??
          (r.include && r.projectId !== '' ? fieldError('projectId', r.projectId) : undefined)
        return (
          <fieldset key={r.alias} className="card import-entry">
            <legend>
              <label className="check">
                <input type="checkbox" checked={r.include} onChange={(e) => update(i, { include: e.target.checked })} />{' '}
                {r.alias}
              </label>
            </legend>
            <p className="muted small">
              Key {entry?.apiKeyHint ?? '—'}
              {entry?.tokenExpiresAt ? ` · token until ${formatDate(entry.tokenExpiresAt)}` : ''}
            </p>
            <div className="grid-3">
              <div className="field">
                <label htmlFor={`imp-${i}-name`}>Name</label>
                <input
                  id={`imp-${i}-name`}
                  value={r.name}
                  disabled={!r.include}
                  aria-invalid={nameErr !== undefined}
                  onChange={(e) => update(i, { name: e.target.value })}
                />
                {nameErr && <span className="error">{nameErr}</span>}
              </div>
              <div className="field">
                <label htmlFor={`imp-${i}-project`}>Project id</label>
                <input
                  id={`imp-${i}-project`}
                  inputMode="numeric"
                  value={r.projectId}
                  disabled={!r.include}
                  aria-invalid={pidErr !== undefined}
                  onChange={(e) => update(i, { projectId: e.target.value })}
                />
                {pidErr && <span className="error">{pidErr}</span>}
              </div>
              <div className="field">
                <label htmlFor={`imp-${i}-loc`}>Location</label>
                <select
                  id={`imp-${i}-loc`}
                  value={r.location}
                  disabled={!r.include}
                  onChange={(e) => update(i, { location: e.target.value as Location })}
                >
                  <LocationOptions />
                </select>
              </div>
            </div>
          </fieldset>
        )
      })}
      {error && <ErrorText error={error} />}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy || invalid || included.length === 0}>
          {busy ? 'Importing…' : `Import ${included.length} ${included.length === 1 ? 'profile' : 'profiles'}`}
        </button>
        <button type="button" className="btn" onClick={() => setPreview(null)}>
          Back
        </button>
      </div>
    </form>
  )
}
