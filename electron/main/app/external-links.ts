// shell.openExternal only for parsed https URLs on hosts we trust (the template forwards any URL). The OS hands
// the string to another parser (xdg-open, the default browser, ShellExecute) that may read it differently, so
// callers open the normalised `href` this returns, never the raw string.
const ALLOWED_HOSTS = new Set([
  'myaccount.e2enetworks.com',
  'www.e2enetworks.com',
  'docs.e2enetworks.com',
  'e2enetworks.com'
])

// Backslashes, whitespace and control characters are where URL parsers disagree
// (`https://myaccount.e2enetworks.com\@evil.com`): such a string is refused, not repaired.
const AMBIGUOUS = /[\\\s\p{Cc}]/u

/** The normalised href to open, or null when the link is not an https link to an E2E page. */
export function allowedExternalHref(raw: string): string | null {
  if (AMBIGUOUS.test(raw)) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  const ok =
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    ALLOWED_HOSTS.has(url.hostname)
  return ok ? url.href : null
}

export function isAllowedExternalUrl(raw: string): boolean {
  return allowedExternalHref(raw) !== null
}
