// Step 6: the call in flight, or why it failed and whether the node exists. Retry reuses the attempt's requestId.
// After an ambiguous failure main keeps checking whether E2E made the node; until it knows there is no Retry.
import { checkingText, type PendingCreate } from '../../../../shared/domain/node-state'
import { Spinner } from '../../components/Spinner'
import { Button } from '../../components/ui/Button'
import { ChevronLeft, ChevronRight, List, RotateCw } from 'lucide-react'
import { useNow } from '../../lib/use-now'
import { isCheckingRefusal, NOT_CREATED_TITLE } from './create-failure'
import type { CreatePhase } from './use-create-node'

interface Props {
  phase: CreatePhase
  /** Main's check of this attempt, when its outcome was unknown. */
  check: PendingCreate | null
  name: string
  onRetry(): void
  onBackToOptions(): void
  onCheckList(): void
}

export function CreateStep({ phase, check, name, onRetry, onBackToOptions, onCheckList }: Props) {
  if (phase.kind === 'creating' || phase.kind === 'idle') {
    return (
      <div className="stack">
        <Spinner label={`Asking E2E to create ${name}…`} />
        <p className="muted">This usually takes a few seconds. Keep this window open.</p>
      </div>
    )
  }
  if (phase.kind !== 'failed') return null
  const { failure, error } = phase
  if (failure.kind === 'unknown' && check) {
    // A refusal's message repeats, frozen, the countdown that CheckingLine ticks: leave it out.
    const detail = isCheckingRefusal(error) ? null : failure.detail
    return <CheckOutcome check={check} detail={detail} onRetry={onRetry} onCheckList={onCheckList} />
  }
  return (
    <div className="stack">
      <div
        className={`banner ${failure.kind === 'unknown' ? 'banner-warn' : 'banner-error'} cw-failure`}
        role="alert"
        data-testid="cw-create-failure"
      >
        <div className="stack cw-tight">
          <strong>{failure.title}</strong>
          <span>{failure.detail}</span>
          {error.field && <span className="muted">Field: {error.field}</span>}
        </div>
      </div>
      {failure.kind === 'unknown' && (
        <p className="muted">
          Retry is safe to press: it repeats this same request, so if the first one did create the node you get that
          node, not a second one.
        </p>
      )}
      <div className="row">
        {failure.canRetry && (
          <Button icon={RotateCw} variant="primary" onClick={onRetry}>
            Retry
          </Button>
        )}
        {failure.fixInOptions && (
          <Button icon={ChevronLeft} variant="primary" onClick={onBackToOptions}>
            Back to options
          </Button>
        )}
        {failure.kind === 'unknown' && (
          <Button icon={List} onClick={onCheckList}>
            Close and check the node list
          </Button>
        )}
      </div>
    </div>
  )
}

function CheckOutcome({
  check,
  detail,
  onRetry,
  onCheckList
}: {
  check: PendingCreate
  detail: string | null
  onRetry(): void
  onCheckList(): void
}) {
  if (check.state === 'created') {
    return <Spinner label={`E2E created ${check.names.join(', ')}. Opening it…`} />
  }
  if (check.state === 'not_created') {
    return (
      <div className="stack">
        <div className="banner banner-error cw-failure" role="alert" data-testid="cw-create-failure">
          <div className="stack cw-tight">
            <strong>{NOT_CREATED_TITLE}</strong>
            <span>
              E2E's node list, read after the create had time to land, does not show it. Retry sends it again.
            </span>
          </div>
        </div>
        <div className="row">
          <Button icon={RotateCw} variant="primary" onClick={onRetry}>
            Retry
          </Button>
        </div>
      </div>
    )
  }
  return (
    <div className="stack">
      <div className="banner banner-warn cw-failure" role="status" data-testid="cw-create-checking">
        <div className="stack cw-tight">
          <strong>
            <CheckingLine check={check} />
          </strong>
          {detail && <span>{detail}</span>}
          <span>
            E2E may still be making it, so Retry could make a second node. Nodetray reads the node list until it knows;
            you can close this, the tray shows the check too.
          </span>
        </div>
      </div>
      <div className="row">
        <Button icon={List} onClick={onCheckList}>
          Close and check the node list
        </Button>
      </div>
    </div>
  )
}

/**
 * On the review step while main still checks this wizard's create: why Create node waits, the same ticking line as
 * the create step's, and the way back to that step (the stepper no longer leads there) while it still shows that
 * create; after the choices changed it belongs to the next attempt, and the tray and the list show the check.
 */
export function ReviewChecking({ check, onShow }: { check: PendingCreate; onShow: (() => void) | undefined }) {
  return (
    <div className="banner banner-warn cw-review-checking" role="status" data-testid="cw-review-checking">
      <div className="stack cw-tight">
        <strong>
          <CheckingLine check={check} />
        </strong>
        <span>Create node waits until Nodetray knows, so that E2E never makes it twice.</span>
      </div>
      {onShow && (
        <Button icon={ChevronRight} size="sm" onClick={onShow}>
          Show the check
        </Button>
      )}
    </div>
  )
}

/** Ticks on its own so the countdown re-renders only this line. */
function CheckingLine({ check }: { check: PendingCreate }) {
  const now = useNow(1000)
  return <>{checkingText(check.names, check.checkAfter, now)}</>
}
