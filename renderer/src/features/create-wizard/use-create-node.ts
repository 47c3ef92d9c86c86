// The create call. One requestId per attempt, kept across Retry so main can answer a repeat with the first
// call's node; a ref (not state) blocks a second call while one is in flight, even within the same event loop. A
// repeat main refuses because it still checks the first try keeps showing that first failure.
import { useCallback, useRef, useState } from 'react'
import type { CreateNodeResult } from '../../../../shared/ipc/contract'
import { asAppError, call, type AppError } from '../../lib/ipc'
import { describeCreateFailure, isCheckingRefusal, type CreateFailure } from './create-failure'
import type { CreateNodeInput } from './wizard.rules'

export type CreatePhase =
  | { kind: 'idle' }
  | { kind: 'creating' }
  | { kind: 'failed'; error: AppError; failure: CreateFailure }
  | { kind: 'done'; result: CreateNodeResult }

export interface CreateNode {
  phase: CreatePhase
  /** The current attempt's requestId; null before the first Create of an attempt. */
  requestId: string | null
  /** Starts the call unless one is in flight; `build` gets this attempt's requestId. */
  submit(build: (requestId: string) => CreateNodeInput): void
  /** The draft changed: the next Create is a new attempt with a new requestId. */
  newAttempt(): void
  /**
   * This wizard's last attempt whose outcome was unknown, kept across new attempts: main may still be checking it,
   * and until it knows no other create should go out. Null once a create succeeded.
   */
  watch: WatchedCreate | null
}

export interface WatchedCreate {
  profileId: string
  requestId: string
}

export function useCreateNode(newId: () => string = () => crypto.randomUUID()): CreateNode {
  const [phase, setPhase] = useState<CreatePhase>({ kind: 'idle' })
  const [attemptId, setAttemptId] = useState<string | null>(null)
  const [watch, setWatch] = useState<WatchedCreate | null>(null)
  const requestId = useRef<string | null>(null)
  const inFlight = useRef(false)
  /** This attempt's failure whose outcome was unknown: what a refused repeat shows instead of the refusal. */
  const unknownFailure = useRef<{ error: AppError; failure: CreateFailure } | null>(null)
  const newIdRef = useRef(newId)

  const submit = useCallback((build: (requestId: string) => CreateNodeInput) => {
    if (inFlight.current) return
    const id = (requestId.current ??= newIdRef.current())
    setAttemptId(id)
    const input = build(id)
    inFlight.current = true
    setPhase({ kind: 'creating' })
    call((api) => api.nodes.create(input)).then(
      (result) => {
        inFlight.current = false
        setWatch(null)
        setPhase({ kind: 'done', result })
      },
      (e: unknown) => {
        inFlight.current = false
        const error = asAppError(e)
        const earlier = unknownFailure.current
        if (earlier && isCheckingRefusal(error)) {
          // Main still checks the first try: what the user needs is still why that one failed, and main's check.
          setPhase({ kind: 'failed', ...earlier })
          return
        }
        const failure = describeCreateFailure(error)
        unknownFailure.current = failure.kind === 'unknown' ? { error, failure } : null
        if (failure.kind === 'unknown') setWatch({ profileId: input.profileId, requestId: id })
        setPhase({ kind: 'failed', error, failure })
      }
    )
  }, [])

  const newAttempt = useCallback(() => {
    if (inFlight.current) return
    requestId.current = null
    unknownFailure.current = null
    setAttemptId(null)
    setPhase((p) => (p.kind === 'idle' ? p : { kind: 'idle' }))
  }, [])

  return { phase, requestId: attemptId, submit, newAttempt, watch }
}
