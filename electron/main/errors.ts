import type { z } from 'zod'
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

/** Zod issues → a VALIDATION error naming the first bad field, e.g. "projectId: Project id must be digits only". */
export function validationError(error: z.ZodError): AppErrorData {
  // An unknown key that reads as a name is reported as the field itself, so the reply points at what to remove.
  const issues = error.issues.map((i) => {
    const unknown = i.code === 'unrecognized_keys' ? i.keys.find((k) => /^[A-Za-z_$][\w$-]{0,63}$/.test(k)) : undefined
    return { field: fieldPath(unknown ? [...i.path, unknown] : i.path), message: issueMessage(i) }
  })
  const first = issues[0] ?? { field: 'input', message: 'Invalid input' }
  return {
    code: 'VALIDATION',
    field: first.field,
    message: `${first.field}: ${first.message}`,
    issues: issues.slice(0, 10)
  }
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `Unknown field(s): ${issue.keys.slice(0, 5).join(', ')}`
  if (issue.code === 'invalid_union') return 'Does not match any accepted shape'
  return issue.message
}

function fieldPath(path: readonly PropertyKey[]): string {
  // A problem with the input as a whole (not an object, say) is reported against "input".
  if (path.length === 0) return 'input'
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[')
}
