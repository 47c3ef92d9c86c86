// Secrets must never reach a log, an envelope, a file or the page. Services register every secret they load
// here, and every outgoing error message and log line passes through scrub() as the last line of defence.

const MIN_SECRET_LENGTH = 6

export class SecretScrubber {
  private readonly secrets = new Set<string>()

  add(secret: string | null | undefined): void {
    if (secret && secret.length >= MIN_SECRET_LENGTH) this.secrets.add(secret)
  }

  remove(secret: string | null | undefined): void {
    if (secret) this.secrets.delete(secret)
  }

  scrub(text: string): string {
    return scrubSecrets(text, this.secrets)
  }
}

/**
 * Patterns, then each known secret in any letter case and in every spelling a server has been seen to echo it in:
 * URL-encoded, inside a JSON string (`\/`, `\"`, `\uXXXX`), base64 (a Basic header or a debug dump), or with
 * numeric or named HTML entities (`&#47;`, `&sol;`). Scrub whole texts before cutting them to a snippet, or a secret
 * cut in two survives in part.
 */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  let out = scrubPatterns(decodeEscapes(text))
  let lower = out.toLowerCase()
  for (const secret of secrets) {
    for (const form of secretForms(secret)) {
      if (!lower.includes(form.lower)) continue
      out = out.replace(form.pattern, '[redacted]')
      lower = out.toLowerCase()
    }
  }
  return out
}

interface SecretForm {
  lower: string
  pattern: RegExp
}

/** Every log line and error text is scrubbed: a secret's spellings are worked out once, not per line. */
const FORMS = new Map<string, SecretForm[]>()
const FORMS_KEPT = 64

/** The spellings of a secret to look for once the text's escapes are decoded. */
function secretForms(secret: string): SecretForm[] {
  const known = FORMS.get(secret)
  if (known) return known
  const json = JSON.stringify(secret).slice(1, -1)
  const base64 = Buffer.from(secret, 'utf8').toString('base64')
  const base64url = Buffer.from(secret, 'utf8').toString('base64url')
  // A base64 spelling of a very short secret could match an unrelated run of letters, so those only from 8 up.
  const encoded = [base64, base64.replace(/=+$/, ''), base64url].filter((f) => f.length >= 8)
  const forms = [...new Set([secret, encodeURIComponent(secret), json, json.replace(/\//g, '\\/'), ...encoded])].map(
    (f) => ({ lower: f.toLowerCase(), pattern: new RegExp(escapeRegExp(f), 'gi') })
  )
  if (FORMS.size >= FORMS_KEPT) FORMS.clear()
  FORMS.set(secret, forms)
  return forms
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  sol: '/',
  bsol: '\\',
  plus: '+',
  equals: '=',
  tilde: '~',
  period: '.',
  lowbar: '_',
  hyphen: '-',
  dash: '-',
  colon: ':',
  percnt: '%',
  num: '#',
  excl: '!',
  quest: '?',
  commat: '@',
  dollar: '$'
}

/**
 * Numeric and common named HTML entities and JSON's `\uXXXX` escapes, decoded (error texts only, never sent on). Not
 * control characters, line separators or surrogate halves: those stay escaped, so an echoed `\u000a` cannot start a
 * forged line in the log and a log line never gains a raw ESC or NUL.
 */
function decodeEscapes(text: string): string {
  let out = text
  if (out.includes('&')) {
    out = out.replace(/&#(x[0-9a-f]+|\d+);/gi, (whole, code: string) => {
      const n = code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : parseInt(code, 10)
      return printable(n) ? String.fromCodePoint(n) : whole
    })
    out = out.replace(/&([a-z]+);/gi, (whole, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? whole)
  }
  if (out.includes('\\u'))
    out = out.replace(/\\u([0-9a-f]{4})/gi, (whole, hex: string) => {
      const n = parseInt(hex, 16)
      return printable(n) ? String.fromCharCode(n) : whole
    })
  return out
}

function printable(n: number): boolean {
  return n >= 0x20 && n < 0x110000 && n !== 0x7f && n !== 0x2028 && n !== 0x2029 && !(n >= 0xd800 && n <= 0xdfff)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Patterns that are secrets whoever they belong to: apikey query values, bearer tokens, JWTs. */
export function scrubPatterns(text: string): string {
  return (
    text
      .replace(/((?:^|[^A-Za-z0-9_])apikey=)[^&\s"'<]*/gi, '$1[redacted]')
      .replace(/("apikey"\s*:\s*")[^"]*/gi, '$1[redacted]')
      // A backslash too: a token echoed inside a JSON string has its slashes escaped (`\/`).
      .replace(/(bearer\s+)[A-Za-z0-9._~+/=\\-]+/gi, '$1[redacted]')
      .replace(/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}(\.[A-Za-z0-9_-]*)?/g, '[redacted-jwt]')
  )
}

/** Last four characters, for "…1a2b" hints. */
export function secretHint(secret: string): string {
  return `…${secret.slice(-4)}`
}

export interface Logger {
  info(msg: string, meta?: Record<string, unknown>): void
  warn(msg: string, meta?: Record<string, unknown>): void
  error(msg: string, meta?: Record<string, unknown>): void
}

/** A logger that scrubs every line; `sink` receives finished lines (console, file, or a test array). */
export function createLogger(scrubber: SecretScrubber, sink: (line: string) => void): Logger {
  const write = (level: string, msg: string, meta?: Record<string, unknown>) => {
    const tail = meta ? ' ' + safeJson(meta) : ''
    sink(scrubber.scrub(`${new Date().toISOString()} ${level} ${msg}${tail}`))
  }
  return {
    info: (m, meta) => write('INFO', m, meta),
    warn: (m, meta) => write('WARN', m, meta),
    error: (m, meta) => write('ERROR', m, meta)
  }
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v)
  } catch {
    return '[unserialisable]'
  }
}
