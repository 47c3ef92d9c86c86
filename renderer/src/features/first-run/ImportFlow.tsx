// Import a MyAccount token file or e2ectl profiles. Main opens the file dialog and keeps the secrets; the page only
// sees aliases and hints. Before anything is saved main checks each token (expiry, API address, E2E's answer,
// project lookup) and the page shows the checklist; Import stays disabled, saying why, until the checks pass.
import { useEffect, useId, useRef, useState } from 'react'
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

/** Why a row stops Import, in words, and the field it is about (its message is shown there, not twice). */
interface Block {
  text: string
  alias?: string
  field?: 'name' | 'projectId'
  /** The checks still run: the status line above says so. */
  checking?: true
}

function rowBlock(r: Row, c: CheckState | undefined): Block | null {
  if (!c || c.state === 'pending') return { text: 'Checking the tokens with E2E…', checking: true }
  if (c.state === 'error') return { text: `${r.alias} could not be checked: ${c.error.message}` }
  if (c.result.blockedBy)
    return { text: `${r.alias} cannot be imported: ${c.result.blockedBy} Untick it to import the others.` }
  const nameErr = fieldError('name', r.name)
  if (nameErr) return { text: `${r.alias}: ${nameErr}.`, alias: r.alias, field: 'name' }
  if (r.projectId.trim() === '')
    return { text: `Enter the project id for ${r.alias}.`, alias: r.alias, field: 'projectId' }
  const pidErr = fieldError('projectId', r.projectId.trim())
  if (pidErr) return { text: `${r.alias}: ${pidErr}.`, alias: r.alias, field: 'projectId' }
  return null
}

function importBlock(rows: Row[], checks: Record<string, CheckState>): Block | null {
  const included = rows.filter((r) => r.include)
  if (included.length === 0) return { text: 'Tick at least one token to import.' }
  for (const r of included) {
    const b = rowBlock(r, checks[r.alias])
    if (b) return b
  }
  return null
}

/** Why Import cannot run now, in words, or null when it can. */
export function importBlockedBy(rows: Row[], checks: Record<string, CheckState>): string | null {
  return importBlock(rows, checks)?.text ?? null
}

/** What the checks found, for the status line a screen reader announces when they finish. */
export function checksSummary(rows: Row[], checks: Record<string, CheckState>): string {
  const n = rows.length
  if (n === 0) return 'No tokens in this file.'
  const states = rows.map((r) => checks[r.alias])
  if (states.some((c) => !c || c.state === 'pending'))
    return `Checking ${n === 1 ? 'the token' : `${n} tokens`} with E2E…`
  const count = { accepted: 0, unchecked: 0, refused: 0, failed: 0 }
  for (const c of states) {
    if (!c || c.state === 'pending') continue
    if (c.state === 'error') count.failed++
    else if (c.result.blockedBy) count.refused++
    else if (c.result.checks.some((x) => x.id === 'credentials' && x.state === 'ok')) count.accepted++
    else count.unchecked++
  }
  const parts = [
    count.accepted ? `${count.accepted} accepted by E2E` : '',
    count.unchecked ? `${count.unchecked} not checked (E2E could not be reached)` : '',
    count.refused ? `${count.refused} cannot be imported` : '',
    count.failed ? `${count.failed} could not be checked` : ''
  ].filter(Boolean)
  return `Checks done: ${parts.join(', ')}.`
}

export function ImportFlow({ onImported, onCancel }: { onImported(list: ProfileView[]): void; onCancel(): void }) {
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [rows, setRows] = useState<Row[]>([])
  const [checks, setChecks] = useState<Record<string, CheckState>>({})
  const { busy, error, run } = useAction()
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const [cancelled, setCancelled] = useState(false)
  const uid = useId()
  /** The pick button pressed: the file dialog takes focus (and the buttons are disabled meanwhile), so focus is
   * given back once the pick settles: to the preview's heading when a file was read, else to this button. */
  const pickedWith = useRef<HTMLButtonElement | null>(null)
  const firstPick = useRef<HTMLButtonElement>(null)
  const previewHeading = useRef<HTMLHeadingElement>(null)
  /** "Pick another file" goes away with the preview: focus moves to the first pick button. */
  const [backToPick, setBackToPick] = useState(false)

  useEffect(() => {
    if (busy || !pickedWith.current) return
    if (preview) previewHeading.current?.focus()
    else pickedWith.current.focus()
    pickedWith.current = null
  }, [busy, preview])

  useEffect(() => {
    if (!backToPick || preview) return
    firstPick.current?.focus()
    setBackToPick(false)
  }, [backToPick, preview])

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

  const pick = (kind: 'token-file' | 'e2ectl', button: HTMLButtonElement) => {
    pickedWith.current = button
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
  const block = importBlock(rows, checks)
  const blockedBy = block?.text ?? null

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
            ref={firstPick}
            variant="primary"
            icon={FileDown}
            onClick={(e) => void pick('token-file', e.currentTarget)}
            disabledReason={busy ? 'Waiting for the file you pick…' : null}
          >
            MyAccount token file…
          </Button>
          <Button
            icon={TerminalSquare}
            onClick={(e) => void pick('e2ectl', e.currentTarget)}
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
  const statusId = `${uid}-status`
  const rowOf = (alias: string | undefined) => rows.findIndex((r) => r.alias === alias)
  const nameMsgId = (i: number) => `${uid}-${i}-name-msg`
  const projectMsgId = (i: number) => `${uid}-${i}-project-msg`
  // A reason about one field is shown beside that field only; the Import button points at it from there.
  const whyId = block?.field
    ? (block.field === 'name' ? nameMsgId : projectMsgId)(rowOf(block.alias))
    : block?.checking
      ? statusId
      : reasonId
  const n = preview.entries.length
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <div className="import-intro">
        <h3 ref={previewHeading} tabIndex={-1} className="import-preview-title">
          Found {n} {n === 1 ? 'token' : 'tokens'}
        </h3>
        <p className="muted small">
          From <span className="mono">{preview.source}</span>. Give each profile a name, its project id and location.
        </p>
        <p id={statusId} role="status" className="muted small" data-testid="import-status">
          {checksSummary(rows, checks)}
        </p>
      </div>
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
        const why = r.include ? rowBlock(r, c) : null
        // A missing project id is a prompt, not an error: said here, once, and not again beside Import.
        const pidPrompt = !pidErr && why?.field === 'projectId' ? why.text : undefined
        const isBlock = (field: Block['field']) =>
          block?.field === field && block?.alias === r.alias ? { 'data-testid': 'import-blocked' } : {}
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
                  aria-describedby={nameErr ? nameMsgId(i) : undefined}
                  onChange={(e) => update(r.alias, { name: e.target.value })}
                />
                {nameErr && (
                  <span id={nameMsgId(i)} className="error" {...isBlock('name')}>
                    {nameErr}
                  </span>
                )}
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
                  aria-describedby={pidErr || pidPrompt ? projectMsgId(i) : undefined}
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
                {pidErr && (
                  <span id={projectMsgId(i)} className="error" {...isBlock('projectId')}>
                    {pidErr}
                  </span>
                )}
                {pidPrompt && (
                  <span id={projectMsgId(i)} className="help" {...isBlock('projectId')}>
                    {pidPrompt}
                  </span>
                )}
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
        {/* Disabled with the reason in its tooltip and, for a screen reader, the visible reason's text (one copy). */}
        <Button
          type="submit"
          variant="primary"
          disabledReason={busy ? 'Importing…' : null}
          disabled={blockedBy !== null}
          title={busy ? undefined : (blockedBy ?? undefined)}
          aria-describedby={blockedBy && !busy ? whyId : undefined}
        >
          {busy ? 'Importing…' : `Import ${included.length} ${included.length === 1 ? 'profile' : 'profiles'}`}
        </Button>
        <Button
          onClick={() => {
            setPreview(null)
            setBackToPick(true)
          }}
        >
          Pick another file
        </Button>
        {blockedBy && !busy && !block?.field && !block?.checking && (
          <span id={reasonId} className="import-blocked" data-testid="import-blocked">
            {blockedBy}
          </span>
        )}
      </div>
    </form>
  )
}
