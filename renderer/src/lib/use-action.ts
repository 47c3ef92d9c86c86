// One user action at a time: busy while it runs (and which one, for a row of buttons), its typed error kept to show
// beside the control that started it. The one way screens roll busy/error state.
import { useState } from 'react'
import { asAppError, type AppError } from './ipc'

export interface RunOptions<L> {
  /** Which action runs (a row of buttons shows a spinner on that one); `running` holds it meanwhile. */
  label?: L
  /** Called with a failure first; return true when it was shown elsewhere (a field, a row), so `error` stays null. */
  onError?(error: AppError): boolean
}

export function useAction<L = true>() {
  const [running, setRunning] = useState<L | true | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  /** Runs `work`; resolves true when it succeeded, false when it failed (the error is then in `error`). */
  const run = async (work: () => Promise<unknown>, opts: RunOptions<L> = {}): Promise<boolean> => {
    setRunning(opts.label ?? true)
    setError(null)
    try {
      await work()
      return true
    } catch (e) {
      const err = asAppError(e)
      if (!opts.onError?.(err)) setError(err)
      return false
    } finally {
      setRunning(null)
    }
  }
  const clearError = () => setError(null)
  return { busy: running !== null, running, error, run, clearError }
}
