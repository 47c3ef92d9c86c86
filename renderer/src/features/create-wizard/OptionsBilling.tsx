// Billing: hourly, or one of the plan's committed terms (paid for the whole term at launch).
import type { Plan } from '../../../../shared/domain/catalog'
import type { WizardDraft } from './wizard.types'
import { inr, perHour, perMonth } from './wizard-money'

interface Props {
  plan: Plan
  draft: WizardDraft
  update(patch: Partial<WizardDraft>): void
}

export function OptionsBilling({ plan, draft, update }: Props) {
  return (
    <fieldset className="cw-fieldset cw-opt-billing">
      <legend>Billing</legend>
      <div className="stack cw-tight">
        <label className="cw-check">
          <input
            type="radio"
            name="cw-billing"
            checked={draft.committedSkuId === null}
            onChange={() => update({ committedSkuId: null })}
          />
          Hourly: {perHour(plan.pricePerHour)} per node (about {perMonth(plan.pricePerMonth)})
        </label>
        {plan.committed.map((c) => (
          <label key={c.id} className="cw-check">
            <input
              type="radio"
              name="cw-billing"
              checked={draft.committedSkuId === c.id}
              onChange={() => update({ committedSkuId: c.id })}
            />
            Committed for {c.days} days: {inr(c.price)} per node
          </label>
        ))}
      </div>
      {plan.committed.length === 0 ? (
        <p className="help muted cw-small">This plan has no committed terms.</p>
      ) : (
        <p className="help muted cw-small">A committed term is billed in full when the node is created.</p>
      )}
    </fieldset>
  )
}
