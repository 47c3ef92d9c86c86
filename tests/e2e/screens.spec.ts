// Every screen of the window at the two sizes the issue names (800 × 600, the smallest window; 1600 × 1000, a
// large one), in light and in dark: axe finds nothing serious or critical, nothing spills sideways, no button or
// tab cuts its own label, and a screenshot of each goes to docs/screenshots/window/.
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { exploreDemo, expectAccessible, openApp, openNode, openWizard } from './window-helpers'

const SIZES = [
  { width: 800, height: 600 },
  { width: 1600, height: 1000 }
] as const

/** Labels that are cut (text wider than its control) among the visible buttons, tabs and column headers. */
async function clippedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, [role="tab"], th, .badge, .status'))) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      if (getComputedStyle(el).visibility === 'hidden') continue
      // Deliberately truncated cells say so with a title; anything else must fit.
      if (el.title && el.classList.contains('truncate')) continue
      if (el.scrollWidth > el.clientWidth + 1) out.push((el.getAttribute('aria-label') ?? el.textContent ?? '').trim())
    }
    return out
  })
}

async function gallery(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.waitForTimeout(150)
      const label = `${name} ${size.width}×${size.height} ${scheme}`
      await expectAccessible(page, label)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `${label}: the page scrolls sideways`).toBeLessThanOrEqual(0)
      expect(await clippedLabels(page), `${label}: labels cut`).toEqual([])
      await page.screenshot({
        path: join('docs', 'screenshots', 'window', `${name}-${size.width}x${size.height}-${scheme}.png`)
      })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1200, height: 800 })
}

test.describe('first run', () => {
  // As the installed app starts: the demo is offered, not shown.
  test.use({ hostOptions: { demo: 'opt-in' } })
  test('first run', async ({ page, preview }) => {
    await openApp(page, preview)
    await expect(page.getByRole('button', { name: /demo/i }).first()).toBeVisible()
    await gallery(page, 'first-run')
  })
})

test('node list, node detail and the delete dialog', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await gallery(page, 'node-list')
  await openNode(page, 'web-01')
  await gallery(page, 'node-detail')
  await page.getByTestId('delete-node').click()
  await expect(page.getByTestId('delete-dialog')).toBeVisible()
  await gallery(page, 'delete-dialog')
})

test('the create wizard, step by step', async ({ page, preview }) => {
  const wizard = await openWizard(page, preview)
  const heading = wizard.getByRole('heading', { level: 3 })
  const next = wizard.getByRole('button', { name: 'Next' })
  await expect(heading).toHaveText('Location and operating system')
  await wizard.getByRole('radio', { name: 'Ubuntu 24.04' }).check()
  await gallery(page, 'wizard-1-location-os')
  await next.click()
  await expect(heading).toHaveText('Plan')
  await wizard.getByRole('radio', { name: 'C3.8GB', exact: true }).check()
  await gallery(page, 'wizard-2-plan')
  await next.click()
  await expect(heading).toHaveText('Options')
  await wizard.getByLabel('Name', { exact: true }).fill('web-gallery')
  await gallery(page, 'wizard-3-options')
  await next.click()
  await expect(heading).toHaveText('Review and create')
  await gallery(page, 'wizard-4-review')
})

test('the create wizard from "All profiles": where the node goes', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await expect(page.getByTestId('profile-picker').locator('option:checked')).toHaveText('All profiles')
  await page.getByRole('button', { name: 'Create node', exact: true }).click()
  const wizard = page.getByTestId('create-wizard')
  await expect(wizard.locator('legend', { hasText: 'Where the node goes' })).toBeVisible()
  await gallery(page, 'wizard-0-where')
})

test('profiles and settings', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await page.getByRole('tab', { name: 'Profiles' }).click()
  await expect(page.getByRole('heading', { name: /Profiles/ }).first()).toBeVisible()
  await gallery(page, 'profiles')
  await page.getByRole('tab', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: /Settings/ }).first()).toBeVisible()
  await gallery(page, 'settings')
})

test('offline: the cached list with its age', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await preview.hook('sim/stop')
  await page
    .getByRole('button', { name: /Refresh/ })
    .first()
    .click()
  await expect(page.getByText(/offline|can.t reach/i).first()).toBeVisible({ timeout: 20_000 })
  await gallery(page, 'offline')
})
