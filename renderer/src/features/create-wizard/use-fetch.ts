// One fetch with its loading and error states; `key` changes refetch, reload() repeats after an error.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError } from '../../lib/ipc'
import { asAppError } from '../../stores/app.store'

export type FetchState<T> = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; data: T }

export function useFetch<T>(key: string | null, load: () => Promise<T>): FetchState<T> & { reload(): void } {
  const loadRef = useRef(load)
  useEffect(() => {
    loadRef.current = load
  })
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<{ key: string | null; attempt: number; value: FetchState<T> }>({
    key,
    attempt,
    value: { status: 'loading' }
  })

  useEffect(() => {
    if (key === null) return undefined
    let live = true
    loadRef.current().then(
      (data) => live && setState({ key, attempt, value: { status: 'ready', data } }),
      (e: unknown) => live && setState({ key, attempt, value: { status: 'error', error: asAppError(e) } })
    )
    return () => {
      live = false
    }
  }, [key, attempt])

  const reload = useCallback(() => setAttempt((a) => a + 1), [])
  // A result for an older key or attempt is stale: show loading until the current one lands.
  const current: FetchState<T> = state.key === key && state.attempt === attempt ? state.value : { status: 'loading' }
  return { ...current, reload }
}
