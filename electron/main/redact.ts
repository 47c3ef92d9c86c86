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
 * URL-encoded, inside a JSON string (`\/`, `\"`, `\uXXXX`), base64 at any offset (a Basic header or a debug dump),
 * or with numeric or named HTML entities (`&#47;`, `&sol;`, `&amp;#47;`). Scrub whole texts before cutting them to a
 * snippet, or a secret cut in two survives in part.
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
  const bytes = Buffer.from(secret, 'utf8')
  const base64 = bytes.toString('base64')
  // Whole encodings first, so a plain echo goes with its padding; then the runs that encode the secret alone at each
  // of the three offsets it can sit at in encoded data (`user:token` in a Basic header), more bytes following or not.
  const encoded = [
    base64,
    base64.replace(/=+$/, ''),
    bytes.toString('base64url'),
    ...[0, 1, 2].flatMap((shift) => base64Runs(bytes, shift))
  ]
    // A base64 spelling of a very short secret could match an unrelated run of letters, so those only from 8 up.
    .filter((f) => f.length >= 8)
    // Base64 echoed inside a JSON string or a query string has its `/`, `+` and `=` escaped in turn.
    .flatMap((f) => [f, f.replace(/\//g, '\\/'), encodeURIComponent(f)])
  const forms = [...new Set([secret, encodeURIComponent(secret), json, json.replace(/\//g, '\\/'), ...encoded])].map(
    (f) => ({ lower: f.toLowerCase(), pattern: new RegExp(escapeRegExp(f), 'gi') })
  )
  if (FORMS.size >= FORMS_KEPT) FORMS.clear()
  FORMS.set(secret, forms)
  return forms
}

/**
 * The base64 characters, standard and URL-safe, that depend on nothing but the secret when `shift` (0 to 2) unknown
 * bytes precede it in the encoded data: the first characters carry bits of those bytes, the last partial one bits of
 * whatever follows or the padding.
 */
function base64Runs(bytes: Buffer, shift: number): string[] {
  const run = Buffer.concat([Buffer.alloc(shift), bytes])
    .toString('base64')
    .slice(Math.ceil((shift * 8) / 6), Math.floor(((shift + bytes.length) * 8) / 6))
  return [run, run.replace(/\+/g, '-').replace(/\//g, '_')]
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

const DECODE_ROUNDS = 4

/**
 * Numeric and common named HTML entities and JSON's `\uXXXX` escapes, decoded (error texts only, never sent on). Not
 * control characters (C0, DEL or C1), line separators or surrogate halves: those stay escaped, so an echoed `\u000a`
 * cannot start a forged line in the log and a log line never gains a raw ESC, CSI or NUL.
 */
function decodeEscapes(text: string): string {
  // A text escaped twice (`\u0026#x2F;`, `&#38;#47;`) needs another round. Bounded: each round peels one layer, and
  // a text nested a thousand deep must not make every log line quadratic.
  let out = text
  for (let round = 0; round < DECODE_ROUNDS; round++) {
    const next = decodeOnce(out)
    if (next === out) break
    out = next
  }
  return out
}

function decodeOnce(text: string): string {
  let out = text
  if (out.includes('&')) {
    // `&amp;` first, however often repeated: decoded last, it left `&amp;#x2F;` in a secret as `&#x2F;`, unmatched.
    out = out.replace(/&(?:amp;)+/gi, '&')
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
  return (
    n >= 0x20 &&
    !(n >= 0x7f && n <= 0x9f) &&
    n < 0x110000 &&
    n !== 0x2028 &&
    n !== 0x2029 &&
    !(n >= 0xd800 && n <= 0xdfff)
  )
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
