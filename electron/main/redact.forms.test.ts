// A server echoes a registered secret back in spellings nobody asked for. The token below is chosen so that its
// base64 has `+`, `/` and padding at every offset it can sit at, so the standard, unpadded and URL-safe forms all
// differ and dropping any one of them shows.
import { describe, expect, it } from 'vitest'
import { SecretScrubber } from './redact'

const TOKEN = 'nt~?Kq7~?vRz~?X4Lp~?Wd'

function scrubber(): SecretScrubber {
  const s = new SecretScrubber()
  s.add(TOKEN)
  return s
}

const b64 = (text: string) => Buffer.from(text).toString('base64')
const b64url = (text: string) => Buffer.from(text).toString('base64url')
const unpadded = (text: string) => b64(text).replace(/=+$/, '')

/** Every way a debug dump spells bytes: standard with and without padding, and URL-safe. */
const ALPHABETS = { standard: b64, unpadded, 'url-safe': b64url }

describe('SecretScrubber: base64 echoes', () => {
  it('uses a token whose base64 has + and / at every offset, and padding', () => {
    for (const prefix of ['', ':', 'n:']) {
      expect(b64(prefix + TOKEN), prefix).toMatch(/\+.*\/|\/.*\+/)
      expect(b64url(prefix + TOKEN), prefix).not.toBe(b64(prefix + TOKEN).replace(/=+$/, ''))
    }
    expect(b64(TOKEN)).toMatch(/==$/)
  })

  it('redacts the whole encoding of the token in each alphabet, padding and all', () => {
    const s = scrubber()
    for (const [name, encode] of Object.entries(ALPHABETS))
      expect(s.scrub(`debug: ${encode(TOKEN)} end`), name).toBe('debug: [redacted] end')
  })

  // Review finding: only a token starting on a 3-byte boundary was found; `user:token` in a Basic header with a user
  // of any other length passed whole and decoded back to the token.
  it('redacts the token at any offset in the encoded data, whatever follows it', () => {
    const s = scrubber()
    for (let before = 0; before <= 5; before++)
      for (let after = 0; after <= 4; after++)
        for (const [name, encode] of Object.entries(ALPHABETS)) {
          const plain = 'admin:'.slice(6 - before) + TOKEN + '\n"}x'.slice(0, after)
          const label = `${name}, ${before} bytes before, ${after} after`
          const out = s.scrub(`Basic ${encode(plain)} end`)
          const match = /^Basic ([A-Za-z0-9+/_-]*)\[redacted\]([A-Za-z0-9+/_-]*)=* end$/.exec(out)
          expect(match, `${label}: ${out}`).not.toBeNull()
          // Only the characters that carry bits of the bytes around the token may survive: none holds a whole
          // character of it.
          const [, lead = '', tail = ''] = match ?? []
          expect(lead.length, label).toBeLessThanOrEqual(Math.ceil((before * 8) / 6))
          expect(tail.length, label).toBeLessThanOrEqual(Math.ceil((after * 8) / 6) + 1)
        }
  })

  it('redacts a shifted encoding echoed inside a JSON string (`\\/`) or a query string (percent-encoded)', () => {
    const s = scrubber()
    for (const before of ['', ':', 'n:']) {
      const encoded = b64(before + TOKEN + '!')
      expect(encoded).toMatch(/\//)
      const json = s.scrub(`{"header":"Basic ${encoded.replace(/\//g, '\\/')}"}`)
      expect(json, before).toMatch(/^\{"header":"Basic [A-Za-z0-9]{0,3}\[redacted\][A-Za-z0-9+/]{0,3}=*"\}$/)
      const query = s.scrub(`GET /cb?auth=${encodeURIComponent(encoded)}&x=1`)
      expect(query, before).toMatch(/^GET \/cb\?auth=[A-Za-z0-9]{0,3}\[redacted\][A-Za-z0-9%]{0,9}&x=1$/)
    }
  })

  it('still leaves ordinary text alone, and a six-character secret only in its aligned base64', () => {
    const s = scrubber()
    const text = 'Node web-1 is RUNNING; Basic YWRtaW46aHVudGVyMg== rejected; id QUFudH4 and bnR+P0 short'
    expect(s.scrub(text)).toBe(text)
    const short = new SecretScrubber()
    short.add('zyxwvu')
    expect(short.scrub(`a ${b64('zyxwvu')} b`)).toBe('a [redacted] b')
    // Shifted, only seven characters depend on the secret alone: too short to look for without blanking out words.
    expect(short.scrub(`a ${b64(':zyxwvu')} b`)).toBe(`a ${b64(':zyxwvu')} b`)
  })
})

describe('SecretScrubber: entities escaped twice', () => {
  // Review finding: `&amp;` was decoded after the numeric entities, so `&amp;#x2F;` came out as `&#x2F;` and the rest
  // of the token stayed readable around it.
  it('redacts a token whose characters are entities escaped again, or entities inside \\u escapes', () => {
    const s = scrubber()
    const spellings = [
      (c: string) => `&amp;#${c.charCodeAt(0)};`,
      (c: string) => `&amp;#x${c.charCodeAt(0).toString(16).toUpperCase()};`,
      (c: string) => `&AMP;amp;#${c.charCodeAt(0)};`,
      (c: string) => `&#38;#${c.charCodeAt(0)};`,
      (c: string) => `\\u0026#x${c.charCodeAt(0).toString(16)};`,
      (c: string) => `&amp;${c === '~' ? 'tilde' : 'quest'};`
    ]
    for (const spell of spellings) {
      const echo = `<p>token ${TOKEN.replace(/[~?]/g, spell)} rejected</p>`
      expect(s.scrub(echo), echo).toBe('<p>token [redacted] rejected</p>')
    }
  })

  it('decodes ordinary double-escaped text once more but keeps a double-escaped control character escaped', () => {
    const s = scrubber()
    expect(s.scrub('path &amp;#x2F;nodes&amp;#x2F; and Tom &amp;amp; Jerry')).toBe('path /nodes/ and Tom & Jerry')
    expect(s.scrub('body: &amp;#10;2026-12-02 ERROR forged')).toBe('body: &#10;2026-12-02 ERROR forged')
    expect(s.scrub('esc \\u0026#x1b;[31m and &#38;#0;')).toBe('esc &#x1b;[31m and &#0;')
  })
})

describe('SecretScrubber: C1 control characters', () => {
  // Review finding: `&#133;` became a raw NEL (a line break to some log viewers) and `&#155;` a raw 8-bit CSI.
  it('keeps U+0080 to U+009F escaped in every spelling, as it does C0 controls', () => {
    const s = scrubber()
    for (const text of [
      'body: &#133;2026-12-02 ERROR forged',
      'csi &#155;31m red &#x9B;0m',
      'edges &#128; &#x80; &#159; &#x9f;',
      'json \\u0085 and \\u009b[2J'
    ]) {
      const out = s.scrub(text)
      expect(out, text).toBe(text)
      expect(out, text).not.toMatch(/[\u0080-\u009f]/)
    }
    expect(s.scrub('twice &amp;#155;31m')).toBe('twice &#155;31m')
  })

  it('still decodes the printable neighbours of the C1 range', () => {
    const s = scrubber()
    expect(s.scrub('&#126; &#160; &#xA9; \\u00a0')).toBe('~ \u00a0 © \u00a0')
    expect(s.scrub('&#127; &#x7F;')).toBe('&#127; &#x7F;')
  })
})
