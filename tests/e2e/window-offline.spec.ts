import { test, expect } from './fixtures'
import { checkScreen, exploreDemo } from './window-helpers'

test('simulator stopped: the cached list stays with its age and an offline banner', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await preview.hook('sim/stop', {})
  await page.getByRole('button', { name: 'Refresh', exact: true }).click()
  const banner = page.getByTestId('stale-banner').first()
  await expect(banner).toContainText(/offline|cannot be reached|did not answer/, { timeout: 30_000 })
  await expect(banner).toContainText(/Showing the list from/)
  await expect(page.getByRole('button', { name: 'web-01', exact: true })).toBeVisible()
  await checkScreen(page, 'offline')

  // After a reload the last-known list comes back at once, still with its age.
  await page.reload()
  await expect(page.getByRole('button', { name: 'web-01', exact: true })).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('stale-banner').first()).toContainText(/Showing the list from/, { timeout: 30_000 })
})

test('an HTML 429 shows the rate-limit backoff', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await preview.hook('sim/injectFault', { kind: 'http429', html: true, retryAfterSec: 120, route: 'nodes/', times: 20 })
  await page.getByRole('button', { name: 'Refresh', exact: true }).click()
  const banner = page.getByTestId('stale-banner').filter({ hasText: 'rate limited' }).first()
  await expect(banner).toContainText(/waiting \d+ (s|min)|backing off/, { timeout: 30_000 })
  await checkScreen(page, 'rate-limited')
})
