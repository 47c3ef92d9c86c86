// DomainError is what every service throws and what the registry turns into the envelope the page reads: its code
// must be the envelope's code, and its data must survive a structured clone (IPC) unchanged.
import { describe, expect, it } from 'vitest'
import { DomainError, isDomainError } from '../../electron/main/errors'

describe('DomainError', () => {
  it('answers its code from its data, and its data crosses IPC as plain data', () => {
    const e = new DomainError('RATE_LIMITED', 'E2E is limiting requests (429).', {
      retryable: true,
      retryAfterMs: 30_000
    })
    expect(e.code).toBe('RATE_LIMITED')
    expect(isDomainError(e)).toBe(true)
    expect(structuredClone(e.data)).toEqual({
      code: 'RATE_LIMITED',
      message: 'E2E is limiting requests (429).',
      retryable: true,
      retryAfterMs: 30_000
    })
    expect(isDomainError(new Error('x'))).toBe(false)
  })
})
