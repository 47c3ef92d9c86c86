import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from './external-links'

describe('openExternal allow-list', () => {
  it('allows https links to E2E pages', () => {
    expect(isAllowedExternalUrl('https://myaccount.e2enetworks.com/services/apiiam')).toBe(true)
    expect(isAllowedExternalUrl('https://docs.e2enetworks.com/')).toBe(true)
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
})
