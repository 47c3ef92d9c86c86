// Step 6: the call in flight, or why it failed and whether the node exists. Retry reuses the attempt's requestId.
// After an ambiguous failure main keeps checking whether E2E made the node; until it knows there is no Retry.
import { checkingText, describeNames, type PendingCreate } from '../../../../shared/domain/node-state'
import { Spinner } from '../../components/Spinner'
import { Button } from '../../components/ui/Button'
import { ChevronLeft, ChevronRight, List, PanelRightOpen, RotateCw } from 'lucide-react'
import { useNow } from '../../lib/use-now'
import { isCheckingRefusal, NOT_CREATED_TITLE } from './create-failure'
import { moreNodes } from './SecondNodeDialog'
import type { CreatePhase } from './use-create-node'

interface Props {
  phase: CreatePhase
  /** Main's check of this attempt, when its outcome was unknown. */
  check: PendingCreate | null
  name: string
  /** Why Retry must wait (a create of this wizard is still being checked), or null. */
  retryBlocked: string | null
  onRetry(): void
  onBackToOptions(): void
  onCheckList(): void
}

export function CreateStep({ phase, check, name, retryBlocked, onRetry, onBackToOptions, onCheckList }: Props) {
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
    return (
      <CheckOutcome
        check={check}
        detail={detail}
        retryBlocked={retryBlocked}
        onRetry={onRetry}
        onCheckList={onCheckList}
      />
    )
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
          <Button icon={RotateCw} variant="primary" onClick={onRetry} disabledReason={retryBlocked}>
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
  retryBlocked,
  onRetry,
  onCheckList
}: {
  check: PendingCreate
  detail: string | null
  retryBlocked: string | null
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
          <Button icon={RotateCw} variant="primary" onClick={onRetry} disabledReason={retryBlocked}>
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

/**
 * On the steps where the user chooses, once an earlier create of this wizard turned out to have made its node while
 * the draft changed: that node exists and is billed, and what this draft's Create node would add. Stays said for
 * the rest of the wizard, even after main forgets the check.
 */
export function MadeBefore({
  made,
  names,
  onOpen,
  onCheckList
}: {
  made: readonly string[]
  /** The nodes the draft's Create node would make. */
  names: readonly string[]
  /** Closes the wizard on the node that was made; undefined when it is not in the node list yet. */
  onOpen: (() => void) | undefined
  onCheckList(): void
}) {
  const many = made.length > 1
  return (
    <div className="banner banner-warn cw-made-before" role="alert" data-testid="cw-made-before">
      <div className="stack cw-tight">
        <strong>
          {describeNames(made)} {many ? 'were' : 'was'} created after all.
        </strong>
        <span>
          The create that was interrupted did make {many ? 'them' : 'it'}, and E2E bills {many ? 'them' : 'it'} like any
          node. Creating {describeNames(names)} as well makes {moreNodes(names.length, made.length)}, billed too.
        </span>
      </div>
      {onOpen ? (
        <Button icon={PanelRightOpen} size="sm" onClick={onOpen}>
          {many ? 'Open them' : `Open ${made[0] ?? 'it'}`}
        </Button>
      ) : (
        <Button icon={List} size="sm" onClick={onCheckList}>
          Close and check the node list
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
