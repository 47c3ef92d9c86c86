// One fetch with its loading and error states, the one hook that guards stale replies: `key` changes refetch,
// reload() repeats, and an answer for an older key or attempt never lands. `latest` is the newest data that did
// land (and `latestError`), for screens that keep showing it while the next answer is on its way.
import { useCallback, useEffect, useRef, useState } from 'react'
import { asAppError, type AppError } from './ipc'

export type FetchState<T> = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; data: T }

export type Fetched<T> = FetchState<T> & {
  reload(): void
  /** The newest data any request returned (null before the first); kept across key changes and errors. */
  latest: T | null
  /** The error of the newest answer when it was one, even while a newer request is in flight. */
  latestError: AppError | null
  /** Some request has answered (data or error). */
  answered: boolean
}

interface Landed<T> {
  key: string | null
  attempt: number
  value: FetchState<T>
  latest: T | null
  latestError: AppError | null
}

/** `key` null: nothing is fetched (and what landed before stays in `latest`). */
export function useFetch<T>(key: string | null, load: () => Promise<T>): Fetched<T> {
  const loadRef = useRef(load)
  useEffect(() => {
    loadRef.current = load
  })
  const [attempt, setAttempt] = useState(0)
  const [landed, setLanded] = useState<Landed<T> | null>(null)

  useEffect(() => {
    if (key === null) return undefined
    let live = true
    loadRef.current().then(
      (data) => live && setLanded({ key, attempt, value: { status: 'ready', data }, latest: data, latestError: null }),
      (e: unknown) =>
        live &&
        setLanded((prev) => {
          const error = asAppError(e)
          return { key, attempt, value: { status: 'error', error }, latest: prev?.latest ?? null, latestError: error }
        })
    )
    return () => {
      live = false
    }
  }, [key, attempt])

  const reload = useCallback(() => setAttempt((a) => a + 1), [])
  // A result for an older key or attempt is stale: show loading until the current one lands.
  const current: FetchState<T> =
    landed && landed.key === key && landed.attempt === attempt ? landed.value : { status: 'loading' }
  return {
    ...current,
    reload,
    latest: landed?.latest ?? null,
    latestError: landed?.latestError ?? null,
    answered: landed !== null
  }
}
