// One user action in flight: busy while it runs, its typed error kept to show beside the control that started it.
import { useState } from 'react'
import { asAppError } from '../stores/app.store'
import type { AppError } from './ipc'

export function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  /** Runs `work`; resolves true when it succeeded, false when it failed (the error is then in `error`). */
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true)
    setError(null)
    try {
      await work()
      return true
    } catch (e) {
      setError(asAppError(e))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run }
}
