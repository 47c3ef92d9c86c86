import { describe, expect, it } from 'vitest'
import { startMainHarness } from '../../../tests/integration/harness'
import { allowedExternalHref, isAllowedExternalUrl } from './external-links'

describe('openExternal allow-list', () => {
  it('allows https links to E2E pages', () => {
    expect(isAllowedExternalUrl('https://myaccount.e2enetworks.com/services/apiiam')).toBe(true)
    expect(isAllowedExternalUrl('https://docs.e2enetworks.com/')).toBe(true)
  })

  it("allows MyAccount's home page, which the node detail's Open in MyAccount opens", () => {
    // docs/e2e-api.md names no per-node MyAccount page, so the detail opens MyAccount itself
    // (renderer/src/features/node-detail/node-facts.ts MYACCOUNT_URL).
    expect(allowedExternalHref('https://myaccount.e2enetworks.com/')).toBe('https://myaccount.e2enetworks.com/')
    expect(isAllowedExternalUrl('http://myaccount.e2enetworks.com/')).toBe(false)
  })

  it('refuses other schemes, hosts, credentials and look-alikes', () => {
    for (const url of [
      'http://myaccount.e2enetworks.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://e2enetworks.com.evil.example/',
      'https://evil.example/?https://myaccount.e2enetworks.com',
      'https://user:pw@myaccount.e2enetworks.com/',
      'smb://myaccount.e2enetworks.com/share',
      ''
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false)
    }
  })

  it('refuses links that another URL parser could read as a different host', () => {
    for (const url of [
      // WHATWG reads `\` as `/`; an RFC 3986 parser reads `myaccount.e2enetworks.com\` as userinfo of evil.com.
      'https://myaccount.e2enetworks.com\\@evil.com',
      'https://myaccount.e2enetworks.com\\\\evil.com/',
      'https:/\\myaccount.e2enetworks.com/x',
      'https://myaccount.e2enetworks.com\t@evil.com',
      'https://myaccount.e2enetworks.com\n@evil.com',
      'https://myaccount.e2enetworks.com @evil.com',
      'https://myaccount.e2enetworks.com\u0000@evil.com',
      'https://myaccount.e2enetworks.com%2F@evil.com',
      'https://evil.com%23@myaccount.e2enetworks.com/',
      'https://myaccount.e2enetworks.com@evil.com/',
      'https://myaccount.e2enetworks.com:8443/',
      'https://myaccount.e2enetworks.com:0/',
      'https://e2enetworks.com./',
      'https://myaccount.e2enetworks.com../',
      // Cyrillic "о": punycode, another host.
      'https://myaccount.e2enetw\u043erks.com/',
      'https://xn--myaccount-e2enetworks.com/'
    ]) {
      expect(allowedExternalHref(url), JSON.stringify(url)).toBeNull()
    }
  })

  it('returns the normalised href, which is what gets opened', () => {
    expect(allowedExternalHref('https://MyAccount.E2ENetworks.com:443/services/apiiam')).toBe(
      'https://myaccount.e2enetworks.com/services/apiiam'
    )
    // Full-width dots are the same host after IDNA mapping; the href is plain ASCII.
    expect(allowedExternalHref('https://myaccount\uff0ee2enetworks\uff0ecom/a')).toBe(
      'https://myaccount.e2enetworks.com/a'
    )
    // An empty userinfo is dropped: the href names the allowed host alone.
    expect(allowedExternalHref('https://:@myaccount.e2enetworks.com/')).toBe('https://myaccount.e2enetworks.com/')
    expect(allowedExternalHref('https:docs.e2enetworks.com/x?q=1#top')).toBe('https://docs.e2enetworks.com/x?q=1#top')
    expect(allowedExternalHref('https://docs.e2enetworks.com/a/../b/%7e')).toBe('https://docs.e2enetworks.com/b/%7e')
  })
})

describe('app:open-external', () => {
  it('opens the normalised href, not the string the page sent', async () => {
    const h = await startMainHarness()
    try {
      const ok = await h.call('app:open-external', { url: 'https://MyAccount.E2ENetworks.com:443/services/apiiam' })
      expect(ok).toMatchObject({ ok: true })
      const refused = await h.call('app:open-external', { url: 'https://myaccount.e2enetworks.com\\@evil.com' })
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'url' } })
      expect(h.recorded.external).toEqual(['https://myaccount.e2enetworks.com/services/apiiam'])
    } finally {
      await h.close()
    }
  })
})
