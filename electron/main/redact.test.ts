// The scrubber's patterns must catch secrets nobody registered: an API key in a query string a server echoes back,
// a bearer token in a header dump, a JWT in an error message. Every secret below is one the scrubber was never
// given, so only the patterns stand between it and a log line or an envelope.
import { describe, expect, it } from 'vitest'
import { createLogger, scrubPatterns, SecretScrubber, secretHint } from './redact'

const KEY = 'f3a9c2d1-77aa-4b0e-9c1d-2e3f4a5b6c7d'
const TOKEN = 'tok_9Zx.y~z+/AbCdEf=='
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.S1gN4tUr3-_x'

describe('scrubPatterns: apikey in query strings', () => {
  it('redacts the whole value after ?apikey= and &apikey=, keeping the rest of the URL', () => {
    expect(scrubPatterns(`GET https://api.example/v1/nodes/?apikey=${KEY}&page_no=2 failed`)).toBe(
      'GET https://api.example/v1/nodes/?apikey=[redacted]&page_no=2 failed'
    )
    expect(scrubPatterns(`https://api.example/v1/nodes/?page_no=2&apikey=${KEY}`)).toBe(
      'https://api.example/v1/nodes/?page_no=2&apikey=[redacted]'
    )
  })

  it('ignores the case of the parameter name', () => {
    expect(scrubPatterns(`/nodes/?ApiKey=${KEY}`)).toBe('/nodes/?ApiKey=[redacted]')
    expect(scrubPatterns(`/nodes/?APIKEY=${KEY}`)).toBe('/nodes/?APIKEY=[redacted]')
  })

  it('stops at a space, a quote or the next parameter, so the text around survives', () => {
    expect(scrubPatterns(`url=/x/?apikey=${KEY} status=401`)).toBe('url=/x/?apikey=[redacted] status=401')
    expect(scrubPatterns(`{"url":"/x/?apikey=${KEY}","code":401}`)).toBe('{"url":"/x/?apikey=[redacted]","code":401}')
    expect(scrubPatterns(`href='/x/?apikey=${KEY}'>`)).toBe(`href='/x/?apikey=[redacted]'>`)
    expect(scrubPatterns(`/x/?apikey=${KEY}\ncontact=ops`)).toBe('/x/?apikey=[redacted]\ncontact=ops')
  })

  it('redacts every occurrence, not just the first', () => {
    const text = `first /a/?apikey=${KEY} then /b/?x=1&apikey=other-key-123`
    expect(scrubPatterns(text)).toBe('first /a/?apikey=[redacted] then /b/?x=1&apikey=[redacted]')
  })

  it('redacts a percent-encoded key too (the value runs to the next separator)', () => {
    const encoded = encodeURIComponent(`${KEY}+/=`)
    expect(scrubPatterns(`/x/?apikey=${encoded}&a=1`)).toBe('/x/?apikey=[redacted]&a=1')
  })

  it('redacts a bare apikey= (a form body, a log line) and a JSON "apikey" field', () => {
    expect(scrubPatterns(`apikey=${KEY}&x=1`)).toBe('apikey=[redacted]&x=1')
    expect(scrubPatterns(`body: apikey=${KEY}`)).toBe('body: apikey=[redacted]')
    expect(scrubPatterns(`{"apikey":"${KEY}","x":1}`)).toBe('{"apikey":"[redacted]","x":1}')
    expect(scrubPatterns(`{"ApiKey" : "${KEY}"}`)).toBe('{"ApiKey" : "[redacted]"}')
  })

  it('leaves other parameters whose names merely contain apikey alone', () => {
    expect(scrubPatterns('/x/?notapikey=visible')).toBe('/x/?notapikey=visible')
    expect(scrubPatterns('apikey_hint=…1a2b')).toBe('apikey_hint=…1a2b')
  })
})

describe('scrubPatterns: bearer tokens', () => {
  it('redacts the token after Bearer in an Authorization header, whatever the case', () => {
    expect(scrubPatterns(`Authorization: Bearer ${TOKEN}`)).toBe('Authorization: Bearer [redacted]')
    expect(scrubPatterns(`authorization: bearer ${TOKEN}`)).toBe('authorization: bearer [redacted]')
    expect(scrubPatterns(`"Authorization":"BEARER ${TOKEN}"`)).toBe('"Authorization":"BEARER [redacted]"')
  })

  it('takes every token character (letters, digits, . _ ~ + / = -) and keeps the separators', () => {
    expect(scrubPatterns(`Bearer  ${TOKEN}, next`)).toBe('Bearer  [redacted], next')
    expect(scrubPatterns(`Bearer\t${TOKEN}`)).toBe('Bearer\t[redacted]')
    for (const c of ['.', '_', '~', '+', '/', '=', '-', '9', 'Z']) {
      expect(scrubPatterns(`Bearer a${c}b`)).toBe('Bearer [redacted]')
    }
  })

  it('redacts every bearer token in a text', () => {
    expect(scrubPatterns(`Bearer one.two and Bearer three`)).toBe('Bearer [redacted] and Bearer [redacted]')
  })

  it('needs the word Bearer followed by space', () => {
    expect(scrubPatterns('Bearer')).toBe('Bearer')
    expect(scrubPatterns('Bearer: x')).toBe('Bearer: x')
  })
})

describe('scrubPatterns: JWT-looking tokens', () => {
  it('replaces a three-part JWT anywhere in a text', () => {
    expect(scrubPatterns(`token ${JWT} expired`)).toBe('token [redacted-jwt] expired')
    expect(scrubPatterns(`{"token":"${JWT}"}`)).toBe('{"token":"[redacted-jwt]"}')
  })

  it('replaces a JWT with an empty signature and a two-part one', () => {
    expect(scrubPatterns('x eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0. y')).toBe('x [redacted-jwt] y')
    expect(scrubPatterns('x eyJhbGciOi.eyJzdWIiOi y')).toBe('x [redacted-jwt] y')
  })

  it('replaces every JWT and keeps what follows the signature', () => {
    expect(scrubPatterns(`${JWT} and ${JWT}!`)).toBe('[redacted-jwt] and [redacted-jwt]!')
  })

  it('leaves short eyJ words and dotted names alone', () => {
    expect(scrubPatterns('eyJab.cdefg')).toBe('eyJab.cdefg')
    expect(scrubPatterns('eyJabcde.cdef')).toBe('eyJabcde.cdef')
    expect(scrubPatterns('node.example.com')).toBe('node.example.com')
    expect(scrubPatterns('EYJabcdefgh.ijklmnop')).toBe('EYJabcdefgh.ijklmnop')
  })

  it('is case-sensitive about the eyJ prefix but takes - and _ in every part', () => {
    expect(scrubPatterns('eyJa-b_cd.e-f_gh.i-j_k')).toBe('[redacted-jwt]')
  })
})

describe('scrubPatterns: plain text', () => {
  it('leaves ordinary messages untouched', () => {
    const text = 'Node web-1 (164.52.0.9) is RUNNING; plan C3.8GB; https://api.example/v1/nodes/?page_no=2'
    expect(scrubPatterns(text)).toBe(text)
  })
})

describe('SecretScrubber', () => {
  it('applies the patterns even with no secret registered', () => {
    const s = new SecretScrubber()
    expect(s.scrub(`?apikey=${KEY} Bearer ${TOKEN} ${JWT}`)).toBe('?apikey=[redacted] Bearer [redacted] [redacted-jwt]')
  })

  it('redacts every occurrence of a registered secret, and stops after it is removed', () => {
    const s = new SecretScrubber()
    s.add('hunter2-secret')
    expect(s.scrub('a hunter2-secret b hunter2-secret')).toBe('a [redacted] b [redacted]')
    s.remove('hunter2-secret')
    expect(s.scrub('a hunter2-secret')).toBe('a hunter2-secret')
  })

  it('registers secrets of six characters or more only, so short words are never blanked out', () => {
    const s = new SecretScrubber()
    s.add('abcde')
    s.add('')
    s.add(null)
    s.add(undefined)
    s.add('zyxwvu')
    expect(s.scrub('abcde zyxwvu')).toBe('abcde [redacted]')
    s.remove(null)
    s.remove(undefined)
    s.remove('')
    expect(s.scrub('zyxwvu')).toBe('[redacted]')
  })

  // Outside tester, December 2026: a non-JWT token with a slash, echoed by a server inside a JSON string, came back
  // to the page with its `\/` intact; base64 and named-entity echoes passed too.
  it('redacts a registered secret however a server escapes it: JSON, \\uXXXX, base64, named and numeric entities', () => {
    const token = 'abcDEF123~/+=xyz.tok_en-QQQQzzzz'
    const s = new SecretScrubber()
    s.add(token)
    const echoes = [
      `{"detail":"token ${JSON.stringify(token).slice(1, -1).replace(/\//g, '\\/')} is not valid"}`,
      `{"detail":"token ${token.replace('/', '\\u002f')} is not valid"}`,
      `debug: ${Buffer.from(token).toString('base64')} end`,
      `debug: ${Buffer.from(token).toString('base64').replace(/=+$/, '')} end`,
      `debug: ${Buffer.from(token).toString('base64url')} end`,
      `<p>token ${token.replace('/', '&sol;').replace('+', '&plus;').replace('=', '&equals;')} rejected</p>`,
      `<p>token ${token.replace('/', '&#x2F;')} rejected</p>`,
      `"Authorization": "Bearer ${token.replace('/', '\\/')}"`
    ]
    for (const echo of echoes) {
      const out = s.scrub(echo)
      expect(out, echo).toContain('[redacted]')
      // No run of the token longer than its hint survives in any spelling.
      for (const part of ['abcDEF123', 'xyz.tok_en', 'QQQQzzzz']) expect(out, echo).not.toContain(part)
    }
  })

  it('leaves a text without the secret as it was, escapes and all, apart from entities', () => {
    const s = new SecretScrubber()
    s.add('abcDEF123~/+=xyz.tok_en-QQQQzzzz')
    expect(s.scrub('{"path":"nodes\\/48001\\/","ok":false}')).toBe('{"path":"nodes\\/48001\\/","ok":false}')
    expect(s.scrub('Tom &amp; Jerry &#169;')).toBe('Tom & Jerry ©')
  })

  // Review finding: decoding escapes let an echoed `\u000a` start a forged log line, and put raw ESC/NUL in logs.
  it('keeps control characters, line separators and surrogate halves escaped', () => {
    const s = new SecretScrubber()
    s.add('abcDEF123~/+=xyz.tok_en-QQQQzzzz')
    for (const text of [
      'body: \\u000a2026-12-02 ERROR forged',
      'body: &#10;2026-12-02 ERROR forged',
      'esc \\u001b[31m nul \\u0000',
      'line sep \\u2028 and half \\uD800',
      'entity &#x7f; &#xD800;'
    ])
      expect(s.scrub(text), text).toBe(text)
  })

  it('redacts several registered secrets', () => {
    const s = new SecretScrubber()
    s.add('first-secret')
    s.add('second-secret')
    expect(s.scrub('first-secret/second-secret')).toBe('[redacted]/[redacted]')
  })
})

describe('secretHint', () => {
  it('shows only the last four characters', () => {
    expect(secretHint('abcdef1a2b')).toBe('…1a2b')
  })
})

describe('createLogger', () => {
  it('writes one scrubbed line per call with time, level, message and metadata', () => {
    const lines: string[] = []
    const log = createLogger(new SecretScrubber(), (l) => lines.push(l))
    log.info('fetched', { url: `/nodes/?apikey=${KEY}` })
    log.warn('rejected', { header: `Bearer ${TOKEN}` })
    log.error(`failed with ${JWT}`)
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO fetched \{"url":"\/nodes\/\?apikey=\[redacted\]"\}$/
    )
    expect(lines[1]).toMatch(/ WARN rejected \{"header":"Bearer \[redacted\]"\}$/)
    expect(lines[2]).toMatch(/ ERROR failed with \[redacted-jwt\]$/)
    for (const l of lines) for (const s of [KEY, TOKEN, JWT]) expect(l).not.toContain(s)
  })

  it('scrubs the secrets registered with its scrubber, even ones added later', () => {
    const lines: string[] = []
    const scrubber = new SecretScrubber()
    const log = createLogger(scrubber, (l) => lines.push(l))
    scrubber.add('late-secret-value')
    log.info('saw late-secret-value')
    expect(lines[0]).toMatch(/ INFO saw \[redacted\]$/)
  })

  it('still writes a line when the metadata cannot be serialised', () => {
    const lines: string[] = []
    const log = createLogger(new SecretScrubber(), (l) => lines.push(l))
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    log.error('odd', cyclic)
    expect(lines[0]).toMatch(/ ERROR odd \[unserialisable\]$/)
  })
})
