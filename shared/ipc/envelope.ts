import type { AppErrorData } from '../domain/errors'

/** Every invoke answers with this on both hops (main → preload → page); nothing throws across IPC. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }

export const okEnvelope = <T>(value: T): Envelope<T> => ({ ok: true, value })
export const errEnvelope = (error: AppErrorData): Envelope<never> => ({ ok: false, error })
