import type { AppErrorData, ErrorCode } from '../../shared/domain/errors'

/** The one error type services throw. It is plain data inside, so it crosses IPC as-is. */
export class DomainError extends Error {
  readonly data: AppErrorData
  constructor(code: ErrorCode, message: string, extra: Omit<AppErrorData, 'code' | 'message'> = {}) {
    super(message)
    this.name = 'DomainError'
    this.data = { code, message, ...extra }
  }
  get code(): ErrorCode {
    return this.data.code
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError
