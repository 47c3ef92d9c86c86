// The renderer's only door to main. It unwraps envelopes and turns error envelopes into typed errors,
// so stores and screens branch on `code`, never on message text.
import type { AppErrorData, ErrorCode } from '../../../shared/domain/errors'
import { BRIDGE_GLOBAL, type BridgeApi } from '../../../shared/ipc/bridge'
import type { Envelope } from '../../../shared/ipc/envelope'

export class AppError extends Error {
  readonly code: ErrorCode
  readonly data: AppErrorData
  constructor(data: AppErrorData) {
    super(data.message)
    this.name = 'AppError'
    this.code = data.code
    this.data = data
  }
  get field(): string | undefined {
    return this.data.field
  }
  /** Safe to offer a retry button. */
  get retryable(): boolean {
    return this.data.retryable ?? false
  }
}
/** Main's error data as a typed error. Branch on `code` (the codes are the contract), never on message text. */
export function toAppError(data: AppErrorData): AppError {
  return new AppError(data)
}

/** Anything caught → an AppError: main's stay as they are, anything else is INTERNAL with its message. */
export function asAppError(e: unknown): AppError {
  if (e instanceof AppError) return e
  return new AppError({ code: 'INTERNAL', message: e instanceof Error ? e.message : 'Something went wrong.' })
}

export async function unwrap<T>(call: Promise<Envelope<T>>): Promise<T> {
  let envelope: Envelope<T>
  try {
    envelope = await call
  } catch {
    // The transport itself failed (preview host gone, preload missing): not an API error.
    throw new AppError({ code: 'INTERNAL', message: 'Nodetray lost contact with its background process.' })
  }
  if (envelope.ok) return envelope.value
  throw toAppError(envelope.error)
}

/** The page's bridge: the preload's (Electron), the preview's, or a test's fake (tests' installBridge). */
export function bridge(): BridgeApi {
  const api = (globalThis as unknown as Record<string, BridgeApi | undefined>)[BRIDGE_GLOBAL]
  if (!api) throw new Error('The Nodetray bridge is missing: the page was opened outside the app.')
  return api
}

/** `await call((api) => api.nodes.delete({...}))` → the value, or throws a typed AppError. Never throws before it
 * returns: a missing bridge is a rejected promise like any other failure, so `call(…).then(ok, failed)` handles it
 * (an effect that ran after its page's bridge had gone threw out of React instead). */
export async function call<T>(fn: (api: BridgeApi) => Promise<Envelope<T>>): Promise<T> {
  return unwrap(fn(bridge()))
}
