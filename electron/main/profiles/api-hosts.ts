// Which API hosts a profile may point at. The keys open a whole cloud account, so by default only E2E's own
// https hosts. Other hosts (a staging API, the simulator) only when main was started with them allowed:
// NODETRAY_ALLOW_API_HOSTS="127.0.0.1,staging.example.com" (read where main is composed; the page cannot set it).
import { checkBaseUrl } from '../api/http'
import { DomainError } from '../errors'

export const ALLOW_API_HOSTS_ENV = 'NODETRAY_ALLOW_API_HOSTS'
const E2E_DOMAIN = 'e2enetworks.com'

/** "127.0.0.1, staging.example.com" → ['127.0.0.1', 'staging.example.com']. */
export function parseAllowedHosts(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\s,]+/)
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean)
}

export interface ApiHostPolicy {
  /** The normalised URL when allowed; throws VALIDATION (field apiBaseUrl) otherwise. */
  check(rawUrl: string): string
}

export function createApiHostPolicy(extraHosts: readonly string[]): ApiHostPolicy {
  const extra = new Set(extraHosts.map((h) => h.toLowerCase()))
  return {
    check(rawUrl) {
      const normalised = checkBaseUrl(rawUrl)
      const url = new URL(normalised)
      const host = url.hostname.toLowerCase()
      const e2e =
        url.protocol === 'https:' && url.port === '' && (host === E2E_DOMAIN || host.endsWith(`.${E2E_DOMAIN}`))
      if (e2e || extra.has(host) || extra.has(url.host.toLowerCase())) return normalised
      throw new DomainError(
        'VALIDATION',
        `Nodetray sends your API key only to E2E Networks (https://…${E2E_DOMAIN}). To use ${url.host}, start Nodetray with ${ALLOW_API_HOSTS_ENV}=${url.hostname}.`,
        { field: 'apiBaseUrl' }
      )
    }
  }
}
