import { test, expect } from './fixtures'
import { addDemoNodes, checkScreen, exploreDemo } from './window-helpers'

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

  // E2E comes back (the same simulator, address and credentials): the next refresh clears the banner.
  await preview.hook('sim/start', {})
  await page.getByRole('button', { name: 'Refresh', exact: true }).click()
  await expect(page.getByTestId('stale-banner')).toHaveCount(0, { timeout: 30_000 })
  await expect(page.getByText(/Updated (just now|\d+ s ago)/)).toBeVisible()
})

test('an HTML 429 shows the rate-limit backoff', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await preview.hook('sim/injectFault', { kind: 'http429', html: true, retryAfterSec: 120, route: 'nodes/', times: 20 })
  await page.getByRole('button', { name: 'Refresh', exact: true }).click()
  const banner = page.getByTestId('stale-banner').filter({ hasText: 'rate limited' }).first()
  await expect(banner).toContainText(/waiting \d+ (s|min)|backing off/, { timeout: 30_000 })
  await checkScreen(page, 'rate-limited')
})

test("the list paints from the window's saved first screen before main answers, then main's answer takes over", async ({
  page,
  preview
}) => {
  await exploreDemo(page, preview)
  // The window saves its first screen a moment after the lists settle.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('nodetray.firstScreen.v1')?.includes('web-01') ?? false))
    .toBe(true)
  const saved = await page.evaluate(() => localStorage.getItem('nodetray.firstScreen.v1') ?? '')
  expect(saved).not.toContain(preview.secret)

  // Main does not answer at all: the saved rows still show, with their age.
  let release: () => void = () => undefined
  const held = new Promise<void>((r) => (release = r))
  await page.route('**/ipc/**', async (route) => {
    await held
    await route.continue()
  })
  await page.reload()
  await expect(page.getByRole('button', { name: 'web-01', exact: true })).toBeVisible()
  await expect(page.getByTestId('data-age')).toContainText(/Updated/)

  // Main answers with a node the saved copy never had: it appears.
  await addDemoNodes(preview, 1, 'aaa-fresh', 'Running')
  await preview.ipc('nodes:refresh', {})
  release()
  await expect(page.getByRole('button', { name: 'aaa-fresh-1', exact: true })).toBeVisible({ timeout: 20_000 })
})
