// The sticky footer: Cancel, what the choices cost so far, whether the draft is kept, Back and Next (or Create).
import type { Ref } from 'react'
import { Check, ChevronLeft, ChevronRight, CloudOff, Rocket, Undo2, X } from 'lucide-react'
import type { Plan } from '../../../../shared/domain/catalog'
import { Button } from '../../components/ui/Button'
import type { DraftSaveStatus } from './use-wizard-draft'
import { costFor } from './wizard.cost'
import { inr, perHour, perMonth } from './wizard-money'
import type { StepId } from './wizard.types'

interface Props {
  step: StepId
  failed: boolean
  creating: boolean
  /** Why Create is not possible now (this wizard's create is in flight or being checked), or null. */
  createBlocked: string | null
  /** Why Next is not possible yet, or null. */
  nextBlocked: string | null
  /** Back on an earlier step from the review: the way straight back there, and why it waits (or null). */
  toReview: { blocked: string | null; go(): void } | null
  plan: Plan | null
  count: number
  committedSkuId: number | null
  draftStatus: DraftSaveStatus
  /** The resume offer is up: only Cancel, the offer has its own buttons. */
  offerShown: boolean
  onCancel(): void
  onBack(): void
  onNext(): void
  onCreate(): void
  onDone(): void
  /** Done, for the follow step to give the focus to when the control that had it goes away. */
  doneRef?: Ref<HTMLButtonElement>
}

export function WizardFooter({ doneRef, ...props }: Props) {
  const { step, failed, creating } = props
  if (step === 'follow') {
    return (
      <>
        <span className="spacer" />
        <Button ref={doneRef} icon={Check} variant="primary" onClick={props.onDone}>
          Done
        </Button>
      </>
    )
  }
  const busy = creating ? 'Wait until E2E answers the create' : null
  if (props.offerShown) {
    return (
      <Button icon={X} variant="ghost" onClick={props.onCancel}>
        Cancel
      </Button>
    )
  }
  return (
    <>
      <Button icon={X} variant="ghost" onClick={props.onCancel} disabledReason={busy}>
        Cancel
      </Button>
      <CostSummary
        plan={props.plan}
        count={props.count}
        committedSkuId={props.committedSkuId}
        waitingFor={step === 'setup' || step === 'plan' ? props.nextBlocked : null}
      />
      <DraftStatus status={props.draftStatus} step={step} />
      {step !== 'setup' && (step !== 'create' || failed) && (
        <Button icon={ChevronLeft} onClick={props.onBack} disabledReason={busy}>
          {step === 'create' ? 'Back to review' : 'Back'}
        </Button>
      )}
      {step === 'review' ? (
        <Button icon={Rocket} variant="primary" onClick={props.onCreate} disabledReason={props.createBlocked ?? busy}>
          {props.count > 1 ? `Create ${props.count} nodes` : 'Create node'}
        </Button>
      ) : step !== 'create' ? (
        <Button
          variant={props.toReview ? 'default' : 'primary'}
          className="cw-next"
          onClick={props.onNext}
          disabledReason={props.nextBlocked}
        >
          Next
          <ChevronRight size={16} aria-hidden="true" strokeWidth={2} />
        </Button>
      ) : null}
      {props.toReview && (
        <Button icon={Undo2} variant="primary" onClick={props.toReview.go} disabledReason={props.toReview.blocked}>
          Back to review
        </Button>
      )}
    </>
  )
}

interface CostProps {
  plan: Plan | null
  count: number
  committedSkuId: number | null
  /** Before a plan: what Next waits for, said beside it rather than only in its tooltip. */
  waitingFor: string | null
}

function CostSummary({ plan, count, committedSkuId, waitingFor }: CostProps) {
  if (!plan) {
    return (
      <span className="cw-foot-cost muted" data-testid="cw-foot-cost">
        {waitingFor ?? 'Choose a plan to see the cost'}
      </span>
    )
  }
  const cost = costFor(plan, count, committedSkuId)
  const many = count > 1 ? ` × ${count}` : ''
  return (
    <span className="cw-foot-cost" data-testid="cw-foot-cost">
      <span className="cw-foot-sku mono">
        {plan.sku}
        {many}
      </span>
      {cost.committed ? (
        <strong>
          {inr(cost.committed.total)} for {cost.committed.days} days
        </strong>
      ) : (
        <>
          <strong>{perHour(cost.hourlyTotal)}</strong>
          <span className="muted">about {perMonth(cost.monthlyTotal)}</span>
        </>
      )}
    </span>
  )
}

function DraftStatus({ status, step }: { status: DraftSaveStatus; step: StepId }) {
  if (step === 'create' || status === 'none') return null
  if (status === 'not-kept' || status === 'failed') {
    return (
      <span className="cw-draft-status cw-draft-warn small" role="status" data-testid="cw-draft-status">
        <CloudOff size={14} aria-hidden="true" />
        {status === 'failed' ? 'Draft not kept' : 'Too large to keep as a draft'}
      </span>
    )
  }
  return (
    <span
      className="cw-draft-status small muted"
      role="status"
      data-testid="cw-draft-status"
      data-state={status}
      title="Kept in Nodetray's memory until you create, discard it or quit; never written to disk"
    >
      <Check size={14} aria-hidden="true" />
      {/* The same words while a keystroke is on its way: the text does not flicker as the user types. */}
      Draft kept
    </span>
  )
}
