// A committed node's term as a card: what was paid, when the term ends, and what happens then (the current choice,
// selected). Saving a new choice updates the card at once; terminating deletes the node AND its backups, so it
// needs an explicit acknowledgement.
import { useEffect, useId, useRef, useState } from 'react'
import { CalendarClock, Save } from 'lucide-react'
import type { CommittedMode, NodeDetail } from '../../../../shared/domain/node'
import { COMMITTED_MODES } from '../../../../shared/domain/node'
import { termEndDeleteAvailability } from '../../../../shared/domain/node-rules'
import { daysLeft } from '../../../../shared/domain/running-cost'
import { Banner } from '../../components/Banner'
import { ErrorText } from '../../components/ErrorText'
import { Button } from '../../components/ui/Button'
import { formatDate, formatInrForDays } from '../../lib/format'
import { call } from '../../lib/ipc'
import { plainError, plainWords } from '../../lib/plain-error'
import { useAction } from '../../lib/use-action'
import { useNow } from '../../lib/use-now'
import { toast } from '../../stores/notifications.store'
import { loadRenewChoices, ownSku, type RenewChoice } from './committed-plans'
import { MODE_LABEL, modeSummary } from './node-facts'

const MODE_HINT: Record<CommittedMode, string> = {
  auto_renew: 'Another term starts and is billed in full.',
  hourly_billing: 'The node keeps running and is billed by the hour.',
  auto_terminate: 'E2E deletes the node and its backups.'
}

interface Props {
  profileId: string
  detail: NodeDetail
  /** After a save: read the detail again. */
  onSaved?(): void
}

export function CommittedRenewal({ profileId, detail, onSaved }: Props) {
  const c = detail.committed
  // What E2E (or main, for a choice saved here) says; replaced at once by what the user saves.
  const [saved, setSaved] = useState<{ mode: CommittedMode; planId: number | null } | null>(null)
  const current: CommittedMode | null = saved?.mode ?? c?.mode ?? null
  const currentPlanId = saved ? saved.planId : (c?.renewPlanId ?? c?.skuId ?? null)
  const [mode, setMode] = useState<CommittedMode | null>(current)
  const [choices, setChoices] = useState<RenewChoice[]>(() => ownSku(detail))
  const [planId, setPlanId] = useState<number | null>(currentPlanId)
  const [ack, setAck] = useState(false)
  const { busy, error, run } = useAction()
  const uid = useId()
  const [justSaved, setJustSaved] = useState<CommittedMode | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const saveRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    let live = true
    void loadRenewChoices(profileId, detail).then((list) => {
      if (!live) return
      setChoices(list)
      setPlanId((cur) => (cur !== null && list.some((x) => x.id === cur) ? cur : (list[0]?.id ?? null)))
    })
    return () => {
      live = false
    }
  }, [profileId, detail])

  const termEnd = c?.termEnd ? formatDate(c.termEnd) : (c?.termEndRaw ?? null)
  const now = useNow(60_000)
  const left = daysLeft(c?.termEnd ?? null, now)
  const renewWith = choices.find((x) => x.id === currentPlanId) ?? ownSku(detail)[0] ?? null
  const changed = mode !== current || (mode === 'auto_renew' && planId !== currentPlanId)
  // The node's lock and delete protection stop a delete at the end of the term too (node-rules.ts).
  const terminateRule = termEndDeleteAvailability(detail)
  const saveBlocked =
    mode === null
      ? 'Choose what happens at the end of the term'
      : !changed
        ? 'This is already the choice'
        : mode === 'auto_renew' && planId === null
          ? 'Choose the committed plan to renew with'
          : mode === 'auto_terminate' && !terminateRule.allowed
            ? (terminateRule.reason ?? 'The node cannot be deleted')
            : mode === 'auto_terminate' && !ack
              ? 'Tick the box to confirm the node and its backups will be deleted'
              : null

  const save = async () => {
    if (!mode || saveBlocked) return
    // Save is disabled while saving and after ("already the choice"), which would drop focus to the page: keep
    // the keyboard on the choice being saved instead.
    if (document.activeElement === saveRef.current)
      formRef.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus()
    const chosenPlan = mode === 'auto_renew' ? planId : null
    const ok = await run(
      () =>
        call((api) =>
          api.nodes.committedSettings({
            profileId,
            nodeId: detail.id,
            mode,
            ...(chosenPlan !== null ? { committedPlanId: chosenPlan } : {})
          })
        ),
      {
        onError: (e) => {
          // Beside the Save button (useAction keeps it) and as a toast.
          const p = plainError(e)
          toast({
            kind: 'error',
            title: `Couldn’t save the term-end choice for ${detail.name}`,
            body: plainWords(p),
            ...(p.technical ? { detail: p.technical } : {})
          })
          return false
        }
      }
    )
    if (!ok) return
    setSaved({ mode, planId: chosenPlan })
    setJustSaved(mode)
    setAck(false)
    toast({ kind: 'ok', title: 'Term-end choice saved', body: `${detail.name}: ${MODE_LABEL[mode].toLowerCase()}.` })
    onSaved?.()
  }

  return (
    <section className="nd-card nd-committed" aria-labelledby="renewal-title" data-testid="renewal">
      <h3 id="renewal-title" className="nd-card-title">
        <CalendarClock size={16} aria-hidden="true" /> Committed plan
      </h3>
      <dl className="nd-facts">
        <dt>Plan</dt>
        <dd data-testid="committed-plan">{c ? formatInrForDays(c.price, c.days) : '—'}</dd>
        <dt>Term ends</dt>
        <dd>
          {termEnd ?? 'Not known'}
          {left !== null && <span className="muted"> · {left === 1 ? 'in 1 day' : `in ${left} days`}</span>}
        </dd>
        <dt>Then</dt>
        <dd data-testid="renewal-summary">
          {modeSummary(current, current === 'auto_renew' && renewWith ? renewWith : null)}
        </dd>
      </dl>
      <form
        ref={formRef}
        className="stack nd-renew-form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <fieldset className="nd-choices">
          <legend>At the end of the term</legend>
          {COMMITTED_MODES.map((m) => (
            <label key={m} className={`nd-choice${mode === m ? ' nd-choice-on' : ''}`}>
              <input
                type="radio"
                name="committed-mode"
                value={m}
                checked={mode === m}
                aria-labelledby={`${uid}-${m}`}
                aria-describedby={`${uid}-${m}-hint`}
                onChange={() => (setMode(m), setAck(false), setJustSaved(null))}
              />
              <span className="nd-choice-text">
                <span>
                  <span id={`${uid}-${m}`}>{MODE_LABEL[m]}</span>
                  {m === current && (
                    <span className="nd-current" aria-hidden="true">
                      Current
                    </span>
                  )}
                </span>
                <span id={`${uid}-${m}-hint`} className="muted small">
                  {MODE_HINT[m]}
                  {m === current && <span className="sr-only"> This is the current choice.</span>}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        {mode === 'auto_renew' && (
          <div className="field">
            <label htmlFor="renew-plan">Renew with</label>
            {choices.length > 0 ? (
              <select
                id="renew-plan"
                className="input"
                value={planId ?? ''}
                onChange={(e) => setPlanId(Number(e.target.value))}
              >
                {choices.map((ch) => (
                  <option key={ch.id} value={ch.id}>
                    {ch.label}
                  </option>
                ))}
              </select>
            ) : (
              <span className="error">No committed plan is known for this node; choose another option.</span>
            )}
          </div>
        )}
        {mode === 'auto_terminate' && mode !== current && !terminateRule.allowed && (
          <Banner kind="warn">{terminateRule.reason}</Banner>
        )}
        {mode === 'auto_terminate' && mode !== current && terminateRule.allowed && (
          <>
            <Banner kind="error">
              At the end of the term{termEnd ? ` (${termEnd})` : ''} E2E deletes <strong>{detail.name}</strong> and all
              of its backups. This cannot be undone.
            </Banner>
            <label className="check">
              <input type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} /> I understand that{' '}
              {detail.name} and its backups will be deleted at the end of the term
            </label>
          </>
        )}
        <div className="row">
          <Button
            ref={saveRef}
            type="submit"
            icon={Save}
            size="sm"
            variant={mode === 'auto_terminate' ? 'danger' : 'primary'}
            disabled={busy}
            disabledReason={busy ? null : saveBlocked}
          >
            {busy ? 'Saving…' : 'Save choice'}
          </Button>
          {/* Always there, so "Saved" is announced when it appears. */}
          <span role="status" className="nd-saved" data-testid="renewal-status">
            {justSaved && `Saved: ${MODE_LABEL[justSaved]}.`}
          </span>
        </div>
        {error && <ErrorText compact error={error} onRetry={() => void save()} />}
      </form>
    </section>
  )
}
