// shell.openExternal only for parsed https URLs on hosts we trust (the template forwards any URL).
const ALLOWED_HOSTS = new Set([
  'myaccount.e2enetworks.com',
  'www.e2enetworks.com',
  'docs.e2enetworks.com',
  'e2enetworks.com'
])

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && ALLOWED_HOSTS.has(url.hostname)
}
