// Loading and error states of one fetch, shown where the data would be.
import { RotateCw } from 'lucide-react'
import { Spinner } from '../../components/Spinner'
import { Button } from '../../components/ui/Button'
import type { FetchState } from '../../lib/use-fetch'

export function FetchStatus<T>({ state, what, onRetry }: { state: FetchState<T>; what: string; onRetry(): void }) {
  if (state.status === 'loading') return <Spinner label={`Loading ${what}…`} />
  if (state.status === 'error') {
    return (
      <div className="banner banner-error" role="alert">
        <span>
          Could not load {what}. {state.error.message}
        </span>
        <span className="spacer" />
        <Button icon={RotateCw} size="sm" onClick={onRetry}>
          Retry
        </Button>
      </div>
    )
  }
  return null
}
