// The preview host's guard and its router must read a request's path the same way, even one that is not a URL.
import { describe, expect, it } from 'vitest'
import { pathOf } from '../../electron/preview/request-guard'

describe('the path the guard decides on', () => {
  it('resolves dot segments and drops the query, as the router does', () => {
    expect(pathOf('/ipc/../events?x=1')).toBe('/events')
    expect(pathOf('/ipc/app:info?k=v')).toBe('/ipc/app:info')
  })

  it('reads a missing or unparsable target as the root page', () => {
    expect(pathOf(undefined)).toBe('/')
    expect(pathOf('//')).toBe('/')
  })
})
