// The create call. One requestId per attempt, kept across Retry so main can answer a repeat with the first
// call's node; a ref (not state) blocks a second call while one is in flight, even within the same event loop.
import { useCallback, useRef, useState } from 'react'
import type { CreateNodeResult } from '../../../../shared/ipc/contract'
import { asAppError, call, type AppError } from '../../lib/ipc'
import { describeCreateFailure, type CreateFailure } from './create-failure'
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
}

export function useCreateNode(newId: () => string = () => crypto.randomUUID()): CreateNode {
  const [phase, setPhase] = useState<CreatePhase>({ kind: 'idle' })
  const [attemptId, setAttemptId] = useState<string | null>(null)
  const requestId = useRef<string | null>(null)
  const inFlight = useRef(false)
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
        setPhase({ kind: 'done', result })
      },
      (e: unknown) => {
        inFlight.current = false
        const error = asAppError(e)
        setPhase({ kind: 'failed', error, failure: describeCreateFailure(error) })
      }
    )
  }, [])

  const newAttempt = useCallback(() => {
    if (inFlight.current) return
    requestId.current = null
    setAttemptId(null)
    setPhase((p) => (p.kind === 'idle' ? p : { kind: 'idle' }))
  }, [])

  return { phase, requestId: attemptId, submit, newAttempt }
}
