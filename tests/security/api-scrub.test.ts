// The API client scrubs every server text before it can reach an error or a log: its own key and token (as sent,
// and URL-encoded as they travel in the query string), and the patterns that catch anyone's secrets.
import { describe, expect, it } from 'vitest'
import { createHttp } from '../../electron/main/api/http'

const KEY = 'K3y/with+odd=chars-0a1b2c3d'
const TOKEN = 'tok.body_part~9876543210'

const scrubFor = (apiKey: string, authToken: string) =>
  createHttp({ baseUrl: 'https://api.example.test/v1/', apiKey, authToken, projectId: 1, location: 'Delhi' }).scrub

describe("the API client's scrubber", () => {
  it('redacts its own key and token wherever they appear, every time', () => {
    const scrub = scrubFor(KEY, TOKEN)
    expect(scrub(`key ${KEY} token ${TOKEN} again ${KEY}`)).toBe('key [redacted] token [redacted] again [redacted]')
  })

  it('redacts the URL-encoded form an echoed query string carries', () => {
    const scrub = scrubFor(KEY, TOKEN)
    const encoded = encodeURIComponent(KEY)
    expect(encoded).not.toBe(KEY)
    expect(scrub(`echo: key=${encoded}; raw ${KEY}`)).toBe('echo: key=[redacted]; raw [redacted]')
  })

  it('applies the patterns to secrets it was never given', () => {
    const scrub = scrubFor(KEY, TOKEN)
    expect(scrub('GET /nodes/?apikey=someone-elses-key&page_no=1')).toBe('GET /nodes/?apikey=[redacted]&page_no=1')
    expect(scrub('Authorization: Bearer other.token')).toBe('Authorization: Bearer [redacted]')
  })

  it('treats key and token alike, and ignores blank or tiny ones instead of blanking every short word', () => {
    expect(scrubFor('', TOKEN)(`a ${TOKEN} b`)).toBe('a [redacted] b')
    expect(scrubFor(KEY, '')(`a ${KEY} b`)).toBe('a [redacted] b')
    expect(scrubFor('abc', 'xyz')('abc xyz abcd')).toBe('abc xyz abcd')
    expect(scrubFor('abcd', 'wxyz')('abcd wxyz')).toBe('[redacted] [redacted]')
  })

  it('leaves text without secrets as it was', () => {
    const text = 'Node web-1 is RUNNING on plan C3.8GB'
    expect(scrubFor(KEY, TOKEN)(text)).toBe(text)
  })
})
