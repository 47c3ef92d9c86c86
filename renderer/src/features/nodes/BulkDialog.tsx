// One confirm for many nodes: power on, power off or delete the checked rows. It states the count, lists the nodes
// the rules refuse (locked, protected, busy, profile offline) as skipped with the reason, calls out committed nodes
// and what deleting them loses, shows progress while a few requests at a time go out, and ends with the failures
// listed and "Retry failed". 105 failed nodes take one confirm, not 105.
import { useEffect, useRef, useState } from 'react'
import { daysLeft } from '../../../../shared/domain/running-cost'
import type { ProfileView } from '../../../../shared/domain/profile'
import { Dialog } from '../../components/Dialog'
import { DemoBadge } from '../../components/ui/Badge'
import { Button } from '../../components/ui/Button'
import { call } from '../../lib/ipc'
import { formatCount, formatInr } from '../../lib/format'
import { plainErrorText } from '../../lib/plain-error'
import { useNodesStore } from '../../stores/nodes.store'
import { toast } from '../../stores/notifications.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { profileBlockReason } from '../node-detail/node-action-model'
import { BULK_VERB, nodesWord, planBulk, runBulk, type BulkKind, type BulkOutcome, type BulkPlan } from './bulk'
import type { NodeRow } from './list-filter'
import { nodeKey } from './selection.store'

interface BulkDialogProps {
  kind: BulkKind
  rows: NodeRow[]
  onClose(): void
  /** The nodes the run reached (deleted or powered), to uncheck them. */
  onDone(keys: string[]): void
}

type Phase =
  { phase: 'confirm' } | { phase: 'running'; finished: number; total: number } | { phase: 'done'; outcome: BulkOutcome }

/** The rows as the stores have them now (a poll may have changed a node since it was checked). */
function freshPlan(kind: BulkKind, rows: readonly NodeRow[]): BulkPlan {
  const { byProfile } = useNodesStore.getState()
  const profiles = useProfilesStore.getState().profiles
  const live = rows.flatMap((r) => {
    const node = byProfile[r.profileId]?.nodes.find((n) => n.id === r.node.id)
    return node ? [{ ...r, node }] : []
  })
  return planBulk(kind, live, {
    blockReason: (id) =>
      profileBlockReason(
        profiles.find((p) => p.id === id),
        byProfile[id]
      ),
    isBusy: (r) => byProfile[r.profileId]?.pending[String(r.node.id)] !== undefined
  })
}

function send(kind: BulkKind, row: NodeRow, reserveIp: boolean): Promise<unknown> {
  const { profileId, node } = row
  if (kind === 'delete')
    // The name as the list has it: main checks it still matches, so a node renamed meanwhile is refused.
    return call((api) => api.nodes.delete({ profileId, nodeId: node.id, confirmName: node.name, reserveIp }))
  return call((api) => api.nodes.action({ profileId, nodeId: node.id, action: kind }))
}

export function BulkDialog({ kind, rows, onClose, onDone }: BulkDialogProps) {
  const profiles = useProfilesStore((s) => s.profiles)
  const [plan, setPlan] = useState<BulkPlan>(() => freshPlan(kind, rows))
  const [state, setState] = useState<Phase>({ phase: 'confirm' })
  const [typed, setTyped] = useState('')
  const [reserveIp, setReserveIp] = useState(false)
  const stopRef = useRef(false)
  const sending = useRef(false)
  const verb = BULK_VERB[kind]
  const count = plan.ready.length
  const profileOf = (id: string): ProfileView | undefined => profiles.find((p) => p.id === id)
  const profileCount = new Set(plan.ready.map((r) => r.profileId)).size
  // More than one node: type the count; one node: its name, as the single delete asks.
  const confirmWord = count === 1 ? (plan.ready[0]?.node.name ?? '') : String(count)
  const typedOk = kind !== 'delete' || typed.trim() === confirmWord

  const start = async (toRun: NodeRow[]) => {
    if (sending.current || toRun.length === 0) return
    sending.current = true
    stopRef.current = false
    setState({ phase: 'running', finished: 0, total: toRun.length })
    const outcome = await runBulk(toRun, (row) => send(kind, row, reserveIp), {
      onProgress: (finished, total) => setState({ phase: 'running', finished, total }),
      stopped: () => stopRef.current
    })
    sending.current = false
    onDone(outcome.done.map((r) => nodeKey(r.profileId, r.node.id)))
    if (outcome.failed.length === 0 && outcome.notSent.length === 0) {
      toast({ kind: 'ok', title: `${capital(nodesWord(outcome.done.length))} ${verb.past}` })
      onClose()
      return
    }
    setState({ phase: 'done', outcome })
  }

  const retry = () => {
    if (state.phase !== 'done') return
    const again = [...state.outcome.failed.map((f) => f.row), ...state.outcome.notSent]
    const next = freshPlan(kind, again)
    setPlan(next)
    setTyped('')
    if (next.skipped.length > 0 || kind === 'delete') setState({ phase: 'confirm' })
    else void start(next.ready)
  }

  const running = state.phase === 'running'
  const title =
    state.phase === 'done'
      ? `${verb.title}: ${formatCount(state.outcome.done.length)} of ${formatCount(state.outcome.done.length + state.outcome.failed.length + state.outcome.notSent.length)} done`
      : count === 0
        ? `Nothing to ${verb.title.toLowerCase()}`
        : `${verb.title} ${nodesWord(count)}?`

  const footer =
    state.phase === 'confirm' ? (
      <>
        <span className="spacer" />
        <button type="button" className="btn" onClick={onClose} data-autofocus={kind !== 'delete' || count === 0}>
          {count === 0 ? 'Close' : 'Cancel'}
        </button>
        {count > 0 && (
          <Button
            type="submit"
            form="bulk-form"
            variant={kind === 'power_on' ? 'primary' : 'danger'}
            disabledReason={typedOk ? null : `Type ${confirmWord} above to confirm`}
            data-testid="bulk-confirm"
          >
            {verb.button} {nodesWord(count)}
          </Button>
        )}
      </>
    ) : state.phase === 'running' ? (
      <>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => (stopRef.current = true)} data-autofocus>
          Stop
        </button>
      </>
    ) : (
      <>
        <span className="spacer" />
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
        <button type="button" className="btn btn-primary" onClick={retry} data-autofocus data-testid="bulk-retry">
          Retry failed ({state.outcome.failed.length + state.outcome.notSent.length})
        </button>
      </>
    )

  return (
    <Dialog
      title={title}
      // Closing mid-run would hide what is still being sent: Esc stops sending instead.
      onClose={running ? () => (stopRef.current = true) : onClose}
      role="alertdialog"
      wide
      testId="bulk-dialog"
      footer={footer}
    >
      {state.phase === 'confirm' && (
        <form
          id="bulk-form"
          className="stack"
          onSubmit={(e) => {
            e.preventDefault()
            if (typedOk) void start(plan.ready)
          }}
        >
          {count > 0 && (
            <p>
              {kind === 'delete' ? (
                <>
                  This deletes <strong>{nodesWord(count)}</strong>
                  {profileCount > 1 ? ` in ${profileCount} profiles` : ''}.{' '}
                  {count === 1 ? 'Its disk is' : 'Their disks are'} erased and this cannot be undone.
                </>
              ) : kind === 'power_off' ? (
                <>
                  <strong>{capital(nodesWord(count))}</strong> stop at once; anything running on them is interrupted.
                </>
              ) : (
                <>
                  This powers on <strong>{nodesWord(count)}</strong>. Running nodes are billed by the hour.
                </>
              )}
            </p>
          )}
          {count > 0 && <NodeList rows={plan.ready} profileOf={profileOf} testId="bulk-ready" />}
          {kind === 'delete' && <CommittedCallout rows={plan.ready.filter((r) => r.node.isCommitted)} />}
          {plan.skipped.length > 0 && (
            <section className="bulk-section" data-testid="bulk-skipped">
              <h3>{plan.skipped.length === 1 ? '1 node is skipped' : `${plan.skipped.length} nodes are skipped`}</h3>
              <ul className="bulk-list" tabIndex={0} aria-label="Skipped nodes">
                {plan.skipped.map(({ row, reason }) => (
                  <li key={nodeKey(row.profileId, row.node.id)}>
                    <strong>{row.node.name}</strong>
                    <span className="muted"> — {reason}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {kind === 'delete' && count > 0 && (
            <>
              {plan.ready.some((r) => r.node.publicIp) && (
                <label className="check">
                  <input type="checkbox" checked={reserveIp} onChange={(e) => setReserveIp(e.target.checked)} /> Keep
                  their public IPs as reserved IPs
                </label>
              )}
              <div className="field">
                <label htmlFor="bulk-confirm-input">
                  Type <span className="mono">{confirmWord}</span> to confirm
                </label>
                <input
                  id="bulk-confirm-input"
                  className="input"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  autoComplete="off"
                  spellCheck={false}
                  data-autofocus
                />
              </div>
            </>
          )}
        </form>
      )}
      {state.phase === 'running' && (
        <div className="stack">
          <progress className="bulk-progress" value={state.finished} max={state.total} aria-label={verb.running} />
          <p role="status" data-testid="bulk-progress">
            {verb.running}… {state.finished} of {state.total} done
          </p>
        </div>
      )}
      {state.phase === 'done' && (
        <div className="stack" data-testid="bulk-result">
          {state.outcome.done.length > 0 && (
            <p className="ok-text">
              {capital(nodesWord(state.outcome.done.length))} {verb.past}.
            </p>
          )}
          {state.outcome.failed.length > 0 && (
            <section className="bulk-section" data-testid="bulk-failed">
              <h3>{state.outcome.failed.length === 1 ? '1 failed' : `${state.outcome.failed.length} failed`}</h3>
              <ul className="bulk-list" tabIndex={0} aria-label="Failed nodes">
                {state.outcome.failed.map(({ row, error }) => (
                  <li key={nodeKey(row.profileId, row.node.id)}>
                    <strong>{row.node.name}</strong>
                    <span className="muted"> — {plainErrorText(error)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {state.outcome.notSent.length > 0 && (
            <p className="muted">
              Stopped: {nodesWord(state.outcome.notSent.length)} {state.outcome.notSent.length === 1 ? 'was' : 'were'}{' '}
              not sent.
            </p>
          )}
        </div>
      )}
    </Dialog>
  )
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** The names, with their profile when several are involved; long lists scroll. */
function NodeList({
  rows,
  profileOf,
  testId
}: {
  rows: NodeRow[]
  profileOf(id: string): ProfileView | undefined
  testId: string
}) {
  const several = new Set(rows.map((r) => r.profileId)).size > 1
  return (
    // Focusable: a long list scrolls, and the keyboard must be able to scroll it too.
    <ul className="bulk-list bulk-names" data-testid={testId} tabIndex={0} aria-label="Nodes">
      {rows.map((r) => {
        const p = profileOf(r.profileId)
        return (
          <li key={nodeKey(r.profileId, r.node.id)}>
            <strong>{r.node.name}</strong>
            {/* The demo's profile names start with "Demo": with the name shown, the badge would say it twice. */}
            {p?.isDemo && !(several && /\bdemo\b/i.test(p.name)) && <DemoBadge compact />}
            {several && <span className="muted"> · {p?.name ?? r.profileId}</span>}
            {r.node.publicIp && <span className="muted mono"> · {r.node.publicIp}</span>}
          </li>
        )
      })}
    </ul>
  )
}

interface Term {
  paid: number | null
  left: number | null
}

/** Committed nodes were paid for their whole term: say which, what was paid and how many days are lost. */
function CommittedCallout({ rows }: { rows: NodeRow[] }) {
  const [terms, setTerms] = useState<Record<string, Term | 'unknown'>>({})
  const keys = rows.map((r) => nodeKey(r.profileId, r.node.id)).join(',')
  useEffect(() => {
    let live = true
    const now = Date.now()
    // The list has no terms: read the details, a few at a time and at most 20 (the rest say "paid up front").
    void runBulk(
      rows.slice(0, 20),
      async (r) => {
        const key = nodeKey(r.profileId, r.node.id)
        try {
          const d = await call((api) => api.nodes.detail({ profileId: r.profileId, nodeId: r.node.id }))
          const c = d.committed
          if (live)
            setTerms((t) => ({ ...t, [key]: c ? { paid: c.price, left: daysLeft(c.termEnd, now) } : 'unknown' }))
        } catch {
          if (live) setTerms((t) => ({ ...t, [key]: 'unknown' }))
        }
      },
      { concurrency: 3 }
    )
    return () => {
      live = false
    }
    // The rows' identity changes with each poll; the keys say whether they are other nodes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys])
  if (rows.length === 0) return null
  return (
    <div className="bulk-committed" data-testid="bulk-committed">
      <p>
        {rows.length === 1 ? (
          <>
            <strong>1 is a committed node</strong>: its term was paid in full up front.
          </>
        ) : (
          <>
            <strong>{rows.length} are committed nodes</strong>: their terms were paid in full up front.
          </>
        )}{' '}
        Deleting {rows.length === 1 ? 'it' : 'them'} now loses the rest of the term; nothing is refunded.
      </p>
      <ul className="bulk-list" tabIndex={0} aria-label="Committed nodes">
        {rows.map((r) => {
          const t = terms[nodeKey(r.profileId, r.node.id)]
          return (
            <li key={nodeKey(r.profileId, r.node.id)}>
              <strong>{r.node.name}</strong>
              <span>
                {' '}
                —{' '}
                {t === undefined
                  ? 'checking the term…'
                  : t === 'unknown'
                    ? 'paid up front'
                    : `${formatInr(t.paid)} paid${t.left !== null ? `, ${t.left === 1 ? '1 day' : `${t.left} days`} left` : ''}`}
              </span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
