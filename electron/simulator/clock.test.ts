// The simulator writes E2E's long dates in India time, as E2E does; the client reads them back as India time.
import { describe, expect, it } from 'vitest'
import { parseIstDate } from '../main/api/lenient'
import { longDate } from './clock'

describe('longDate', () => {
  it('writes India time, so the client reads back the same instant (not 5 h 30 min early)', () => {
    const at = Date.UTC(2027, 0, 21, 8, 35)
    expect(longDate(at)).toBe('21-January-2027 14:05')
    expect(parseIstDate(longDate(at))).toBe(new Date(at).toISOString())
  })
})
