// Axe on every screen of the window and on the tray popover, in light and dark: nothing serious or critical, and
// none of the landmark and heading rules either. Axe rates those moderate, but a screen reader user moves through
// a page by its landmarks and headings: a missing main or a second banner makes that navigation lie.
import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { axeViolations } from './axe'
import { test, expect, type PreviewHandle } from './fixtures'
import { exploreDemo, openApp, openNode, openWizard } from './window-helpers'

/** Failures whatever their impact. */
const STRUCTURE_RULES = new Set([
  'aria-allowed-role',
  'landmark-one-main',
  'landmark-no-duplicate-main',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-contentinfo',
  'landmark-unique',
  'region',
  'page-has-heading-one',
  'heading-order'
])

/** What axe finds that this spec fails on: rule, impact and up to three elements, one line each. */
async function structureAndSerious(page: Page): Promise<string[]> {
  return (await axeViolations(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || STRUCTURE_RULES.has(v.id))
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`
    )
}

async function expectClean(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    // Transitions and late renders settle before contrast is judged.
    await page.waitForTimeout(150)
    expect(await structureAndSerious(page), `axe on ${name} (${scheme})`).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test.describe('first run', () => {
  test.use({ hostOptions: { demo: 'opt-in' } })
  test('first run', async ({ page, preview }) => {
    await openApp(page, preview)
    await expect(page.getByTestId('first-run')).toBeVisible()
    await expectClean(page, 'first run')
  })
})

test('node list, the detail panel and the create wizard', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  // The panel names the tab that shows it, and the tab names the panel: one relation both ways.
  const main = page.getByRole('main')
  await expect(main).toHaveCount(1)
  const panel = main.getByRole('tabpanel', { name: 'Nodes' })
  await expect(panel).toBeVisible()
  const panelId = await panel.getAttribute('id')
  await expect(page.getByRole('tab', { name: 'Nodes' })).toHaveAttribute('aria-controls', panelId ?? '')
  await expectClean(page, 'node list')

  await openNode(page, 'web-01')
  await expectClean(page, 'node detail')
  await openWizard(page, preview, { goto: false })
  await expectClean(page, 'create wizard')
})

test('profiles and settings', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await page.getByRole('tab', { name: 'Profiles' }).click()
  await expect(page.getByRole('tabpanel', { name: 'Profiles' }).getByRole('heading', { level: 1 })).toBeVisible()
  await expectClean(page, 'profiles')
  await page.getByRole('tab', { name: 'Settings' }).click()
  await expect(page.getByRole('tabpanel', { name: 'Settings' }).getByRole('heading', { level: 1 })).toBeVisible()
  await expectClean(page, 'settings')
})

test.describe('tray popover', () => {
  // Its real window.
  test.use({ viewport: { width: 380, height: 560 }, screen: { width: 1440, height: 900 } })

  async function openGlance(page: Page, preview: PreviewHandle): Promise<void> {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(`${preview.origin}/tray#secret=${preview.secret}`)
    await expect(page.getByTestId('glance-section')).toHaveCount(4, { timeout: 20_000 })
  }

  test('tray popover', async ({ page, preview }) => {
    await openGlance(page, preview)
    await expect(page.getByRole('main').getByRole('searchbox', { name: /Search nodes/ })).toBeVisible()
    await expectClean(page, 'tray popover')
    // A row is read as one phrase of the parts it has: no empty part, no space before a comma.
    const web = page.locator('[data-testid="glance-row"][data-node="web-01"]').getByRole('button').first()
    await expect(web).toHaveAccessibleName(
      /^web-01 \(demo sandbox, not real\), Running, [\d.]+, C3\.8GB, ₹[\d.]+\/h, ₹\S+ so far$/
    )
    for (const button of await page.locator('.glance-row-main').all())
      await expect(button).not.toHaveAccessibleName(/ ,|,\s*,|·/)
  })
})

test('the quick axe run the specs use finds what axe’s default run finds, in the page and in a frame', async ({
  page
}) => {
  const broken = `<main><h1>x</h1><img src="data:,"><p style="color:#bbb;background:#fff">faint</p>
    <button></button><input type="text"></main>`
  const fullRun = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}:${v.nodes.length}`).sort()
  const quickRun = async () => (await axeViolations(page)).map((v) => `${v.id}:${v.nodes.length}`).sort()

  await page.setContent(`<!doctype html><html lang="en"><title>t</title>${broken}</html>`)
  const inPage = await quickRun()
  expect(inPage).toEqual(expect.arrayContaining(['image-alt:1', 'color-contrast:1', 'button-name:1', 'label:1']))
  expect(inPage).toEqual(await fullRun())

  // A frame's problems count too (the quick run falls back to axe's default there).
  await page.setContent(
    `<!doctype html><html lang="en"><title>t</title><main><h1>x</h1><iframe title="f" srcdoc='${broken}'></iframe></main></html>`
  )
  await expect.poll(() => page.frames().length).toBe(2)
  const inFrame = await quickRun()
  expect(inFrame).toEqual(expect.arrayContaining(['image-alt:1', 'button-name:1']))
  expect(inFrame).toEqual(await fullRun())
})
