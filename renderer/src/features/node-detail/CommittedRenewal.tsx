// What happens at the end of a committed term: renew, fall back to hourly billing, or terminate. Terminating
// deletes the node AND its backups, so it needs an explicit acknowledgement.
import { useEffect, useState } from 'react'
import type { CommittedMode, NodeDetail } from '../../../../shared/domain/node'
import { Banner } from '../../components/Banner'
import { ErrorText } from '../../components/ErrorText'
import { formatDateTime } from '../../lib/format'
import { call } from '../../lib/ipc'
import { useAction } from '../../lib/use-action'
import { toast } from '../../stores/notifications.store'
import { loadRenewChoices, ownSku, type RenewChoice } from './committed-plans'

const MODE_LABEL: Record<CommittedMode, string> = {
  auto_renew: 'Renew automatically',
  hourly_billing: 'Switch to hourly billing',
  auto_terminate: 'Terminate the node'
}

export function CommittedRenewal({ profileId, detail }: { profileId: string; detail: NodeDetail }) {
  const [mode, setMode] = useState<CommittedMode | null>(null)
  const [choices, setChoices] = useState<RenewChoice[]>(() => ownSku(detail))
  const [planId, setPlanId] = useState<number | null>(detail.committed?.skuId ?? null)
  const [ack, setAck] = useState(false)
  const { busy, error, run } = useAction()
  const [saved, setSaved] = useState<CommittedMode | null>(null)

  useEffect(() => {
    let live = true
    void loadRenewChoices(profileId, detail).then((c) => {
      if (!live) return
      setChoices(c)
      setPlanId((cur) => (cur !== null && c.some((x) => x.id === cur) ? cur : (c[0]?.id ?? null)))
    })
    return () => {
      live = false
    }
  }, [profileId, detail])

  const c = detail.committed
  const termEnd = c?.termEnd ? formatDateTime(c.termEnd) : (c?.termEndRaw ?? 'unknown')
  const canSave =
    mode !== null && !busy && (mode !== 'auto_renew' || planId !== null) && (mode !== 'auto_terminate' || ack)

  const save = async () => {
    if (!mode) return
    const ok = await run(() =>
      call((api) =>
        api.nodes.committedSettings({
          profileId,
          nodeId: detail.id,
          mode,
          ...(mode === 'auto_renew' && planId !== null ? { committedPlanId: planId } : {})
        })
      )
    )
    if (!ok) return
    setSaved(mode)
    toast({ kind: 'ok', title: 'Committed billing updated', body: `${detail.name}: ${MODE_LABEL[mode]} at term end.` })
  }

  return (
    <section className="stack" aria-labelledby="renewal-title" data-testid="renewal">
      <h3 id="renewal-title">Committed term</h3>
      <p>
        {c?.skuName ?? 'Committed plan'}
        {c?.days ? ` (${c.days} days)` : ''} · term ends <strong>{termEnd}</strong>
      </p>
      {c?.message && <p className="muted">{c.message}</p>}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <fieldset className="radio-group">
          <legend>At the end of the term</legend>
          {(Object.keys(MODE_LABEL) as CommittedMode[]).map((m) => (
            <label key={m} className="check">
              <input
                type="radio"
                name="committed-mode"
                value={m}
                checked={mode === m}
                onChange={() => (setMode(m), setAck(false), setSaved(null))}
              />{' '}
              {MODE_LABEL[m]}
            </label>
          ))}
        </fieldset>
        {mode === 'auto_renew' && (
          <div className="field">
            <label htmlFor="renew-plan">Renew with</label>
            {choices.length > 0 ? (
              <select id="renew-plan" value={planId ?? ''} onChange={(e) => setPlanId(Number(e.target.value))}>
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
        {mode === 'auto_terminate' && (
          <>
            <Banner kind="error">
              At the end of the term ({termEnd}) E2E deletes <strong>{detail.name}</strong> AND all of its backups. This
              cannot be undone.
            </Banner>
            <label className="check">
              <input type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} /> I understand that{' '}
              {detail.name} and its backups will be deleted at term end
            </label>
          </>
        )}
        <div className="row">
          <button
            type="submit"
            className={`btn ${mode === 'auto_terminate' ? 'btn-danger' : 'btn-primary'}`}
            disabled={!canSave}
          >
            {busy ? 'Saving…' : 'Save term-end choice'}
          </button>
          {saved && (
            <span role="status" className="ok-text">
              Saved: {MODE_LABEL[saved]}.
            </span>
          )}
        </div>
        {error && <ErrorText error={error} onRetry={() => void save()} />}
      </form>
    </section>
  )
}
