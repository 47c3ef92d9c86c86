// Step 6: the call in flight, or why it failed and whether the node exists. Retry reuses the attempt's requestId.
import { Spinner } from '../../components/Spinner'
import type { CreatePhase } from './use-create-node'

interface Props {
  phase: CreatePhase
  name: string
  onRetry(): void
  onBackToOptions(): void
  onCheckList(): void
}

export function CreateStep({ phase, name, onRetry, onBackToOptions, onCheckList }: Props) {
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
          <button type="button" className="btn btn-primary" onClick={onRetry}>
            Retry
          </button>
        )}
        {failure.fixInOptions && (
          <button type="button" className="btn btn-primary" onClick={onBackToOptions}>
            Back to options
          </button>
        )}
        {failure.kind === 'unknown' && (
          <button type="button" className="btn" onClick={onCheckList}>
            Close and check the node list
          </button>
        )}
      </div>
    </div>
  )
}
