// The node list's power tools through the preview host: the toolbar and table at 800 × 600 and 1600 × 1000 (nothing
// clipped, columns kept beside the detail), header sort with aria-sort, status chips, grouping, demo rows marked,
// running cost, the row menu (button, right-click, keyboard), multi-select with bulk power and one bulk delete of
// 105 failed nodes (skipped, committed, failures, retry), and the shortcuts. Axe on each screen, light and dark
// screenshots under artifacts/power-tools/.
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { ProfileNodes } from '../../shared/domain/node-state'
import { test, expect } from './fixtures'
import { addDemoNodes, expectAccessible, exploreDemo, nodeRow } from './window-helpers'

/** Axe (0 serious or critical) and a screenshot, light then dark. */
async function look(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.waitForTimeout(150)
    await page.screenshot({ path: join('artifacts', 'power-tools', `${name}-${scheme}.png`) })
    await expectAccessible(page, `${name} (${scheme})`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** Elements inside `selector` whose text is cut (scrollWidth beyond the box), by their text. */
async function clipped(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => (e.textContent ?? '').trim()))
}

const header = (page: Page, name: string) => page.getByRole('columnheader', { name: new RegExp(`^${name}`) })
const names = (page: Page) =>
  page.getByTestId('node-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-node')))

test.describe('at 800 × 600', () => {
  test.use({ viewport: { width: 800, height: 600 } })

  test('the toolbar and the table hold: nothing clipped, the detail lays over the list', async ({ page, preview }) => {
    await exploreDemo(page, preview)
    await expect(page.getByTestId('list-cost-total')).toContainText(/≈ ₹.*\/h/, { timeout: 20_000 })
    const toolbar = page.locator('.nodes-toolbar')
    // One row of controls: search, profile, sort, group, refresh, pause, create.
    const box = await toolbar.boundingBox()
    expect(box?.height ?? 0).toBeLessThanOrEqual(40)
    await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Create node' })).toBeVisible()
    // Status words and IPs are whole; the copy button is an icon and is inside its cell.
    expect(await clipped(page, '[data-testid="node-row"] .col-status')).toEqual([])
    expect(await clipped(page, '[data-testid="node-row"] .ip-copy')).toEqual([])
    for (const copy of await page.getByRole('button', { name: /^Copy IP/ }).all()) {
      const b = await copy.boundingBox()
      const cell = await copy.locator('xpath=ancestor::td').boundingBox()
      if (b && cell) expect(b.x + b.width).toBeLessThanOrEqual(cell.x + cell.width + 0.5)
    }
    // Demo rows say so in the row itself: the mark after the name (CSS-drawn: the flask at this width), read as "Demo".
    const mark = await nodeRow(page, 'web-01')
      .locator('.name-cell')
      .evaluate((el) => {
        const after = getComputedStyle(el, '::after')
        return { content: after.content, width: parseFloat(after.width) }
      })
    expect(mark.content).toContain('Demo')
    expect(mark.width).toBeGreaterThan(0)
    await look(page, 'list-800')

    await nodeRow(page, 'web-01').getByRole('button', { name: 'web-01', exact: true }).click()
    await expect(page.getByTestId('node-detail')).toBeVisible()
    await expect(header(page, 'Status')).toBeVisible()
    expect(await clipped(page, '[data-testid="node-row"] .col-status')).toEqual([])
    await look(page, 'list-800-detail')
  })
})

test.describe('at 1600 × 1000', () => {
  test.use({ viewport: { width: 1600, height: 1000 } })

  test('every column stays when the detail opens; grouped by profile with per-profile cost', async ({
    page,
    preview
  }) => {
    await exploreDemo(page, preview)
    await expect(page.getByTestId('list-cost-total')).toContainText(/≈ ₹.*\/h/, { timeout: 20_000 })
    for (const col of ['Name', 'Status', 'Public IP', 'Plan', 'Location', 'Profile', 'Cost', 'Created'])
      await expect(header(page, col)).toBeVisible()
    await look(page, 'list-1600')
    await nodeRow(page, 'web-01').getByRole('button', { name: 'web-01', exact: true }).click()
    await expect(page.getByTestId('node-detail')).toBeVisible()
    for (const col of ['Name', 'Status', 'Public IP', 'Plan', 'Location', 'Profile', 'Cost', 'Created'])
      await expect(header(page, col)).toBeVisible()
    expect(await clipped(page, '[data-testid="node-row"] .profile-name')).toEqual([])
    await look(page, 'list-1600-detail')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('node-detail')).toHaveCount(0)
    // Focus went back to the row the detail showed.
    await expect(nodeRow(page, 'web-01').getByRole('button', { name: 'web-01', exact: true })).toBeFocused()

    await page.getByRole('button', { name: 'Group by profile' }).click()
    const groups = page.getByTestId('group-row')
    await expect(groups.first()).toBeVisible()
    expect(await groups.count()).toBeGreaterThan(1)
    await expect(groups.first()).toContainText(/\d+ nodes?/)
    await expect(groups.first()).toContainText(/Demo/)
    await look(page, 'list-1600-grouped')
    // A group folds away and comes back.
    const first = groups.first()
    const before = await page.getByTestId('node-row').count()
    await first.getByRole('button', { expanded: true }).click()
    await expect(first.getByRole('button', { expanded: false })).toBeVisible()
    expect(await page.getByTestId('node-row').count()).toBeLessThan(before)
    await first.getByRole('button', { expanded: false }).click()
    await expect(page.getByTestId('node-row')).toHaveCount(before)
  })
})

test('grouping: the first grouped frame already spans exactly the columns shown (no jump one way and back)', async ({
  page,
  preview
}) => {
  // At 800 px the container queries hide four columns. The group row spanned every column in the DOM for one frame,
  // which added empty columns and moved the IP column 445 → 247 → 595 px in two frames.
  await page.setViewportSize({ width: 800, height: 600 })
  await exploreDemo(page, preview)
  await page.evaluate(() => {
    const w = window as unknown as { firstGroupedFrame?: { span: number; shown: number } }
    new MutationObserver((_, obs) => {
      const row = document.querySelector('[data-testid="group-row"]')
      if (!row) return
      obs.disconnect()
      // The next frame is the first one painted with the group rows in it.
      requestAnimationFrame(() => {
        const shown = [...document.querySelectorAll('thead th')].filter((th) => getComputedStyle(th).display !== 'none')
        w.firstGroupedFrame = { span: (row.querySelector('td') as HTMLTableCellElement).colSpan, shown: shown.length }
      })
    }).observe(document.body, { childList: true, subtree: true })
  })
  await page.getByRole('button', { name: 'Group by profile' }).click()
  await expect(page.getByTestId('group-row').first()).toBeVisible()
  const frame = await page.waitForFunction(
    () => (window as unknown as { firstGroupedFrame?: { span: number; shown: number } }).firstGroupedFrame
  )
  const { span, shown } = (await frame.jsonValue()) as { span: number; shown: number }
  expect(shown).toBeLessThan(10)
  expect(span).toBe(shown)
})

// Outside tester (polish pass): five small things that moved or were cut.
test('nothing moves or is cut: the bulk bar stays one line, sorted labels fit, group headers line up, a short name keeps its demo mark', async ({
  page,
  preview
}) => {
  await page.setViewportSize({ width: 800, height: 600 })
  await exploreDemo(page, preview)
  await addDemoNodes(preview, 2, 'x', 'Running')
  await page.getByRole('button', { name: 'Refresh', exact: true }).click()
  await expect(nodeRow(page, 'x-1')).toBeVisible({ timeout: 20_000 })

  // Checking two nodes, then hiding one: the bar says so on one line, and the list under it does not drop.
  await nodeRow(page, 'api-staging').getByRole('checkbox').check()
  await nodeRow(page, 'web-01').getByRole('checkbox').check()
  const tableTop = async () => (await page.getByTestId('node-table-scroll').boundingBox())?.y
  const before = await tableTop()
  await page.getByTestId('node-search').fill('api')
  await expect(page.getByTestId('bulk-bar')).toContainText('1 hidden')
  expect(await tableTop()).toBe(before)
  await page.getByTestId('node-search').fill('')
  await page.getByRole('button', { name: 'Uncheck all' }).click()

  // A three-letter name: its demo mark sits next to it, not after a 56px box.
  const name = nodeRow(page, 'x-1').getByRole('button', { name: 'x-1', exact: true })
  expect((await name.boundingBox())?.width).toBeLessThan(40)

  // Grouped: the profile's name sits on the same line as "N nodes" beside it.
  await page.getByRole('button', { name: 'Group by profile' }).click()
  const group = page.getByTestId('group-row').first()
  const middles = await group.evaluate((row) => {
    const mid = (e: Element | null) => {
      const r = e?.getBoundingClientRect()
      return r ? r.top + r.height / 2 : NaN
    }
    const toggle = row.querySelector('.group-toggle')
    const count = [...row.querySelectorAll('td > *')].find((e) => /\d+ nodes?/.test(e.textContent ?? ''))
    return [mid(toggle), mid(count ?? null)]
  })
  expect(Math.abs((middles[0] ?? 0) - (middles[1] ?? 99))).toBeLessThan(1.5)
  await page.getByRole('button', { name: 'Group by profile' }).click()

  // Sorted by Location or by Cost, the label and its arrow fit the column.
  await page.setViewportSize({ width: 1200, height: 800 })
  for (const col of ['Location', 'Cost']) {
    await header(page, col).getByRole('button').click()
    await expect(header(page, col)).toHaveAttribute('aria-sort', /ascending|descending/)
    expect(await clipped(page, 'thead .th-label')).toEqual([])
  }
})

test('headers sort both ways with aria-sort; status chips count and filter', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await expect(header(page, 'Name')).toHaveAttribute('aria-sort', 'ascending')
  const asc = await names(page)
  await header(page, 'Name').getByRole('button').click()
  await expect(header(page, 'Name')).toHaveAttribute('aria-sort', 'descending')
  expect(await names(page)).toEqual([...asc].reverse())
  // The whole header cell is the control, not only its word: a click near the cell's right edge sorts too.
  const cell = await header(page, 'Status').boundingBox()
  await page.mouse.click((cell?.x ?? 0) + (cell?.width ?? 0) - 12, (cell?.y ?? 0) + (cell?.height ?? 0) / 2)
  await expect(header(page, 'Status')).toHaveAttribute('aria-sort', 'ascending')
  await expect(header(page, 'Name')).not.toHaveAttribute('aria-sort', /.+/)
  const statuses = await page
    .getByTestId('node-row')
    .locator('[data-status]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))
  expect(statuses[0]).toBe('RUNNING')
  expect(statuses[statuses.length - 1]).not.toBe('RUNNING')

  const chips = page.getByTestId('status-chips')
  const failed = chips.getByRole('button', { name: /^Failed \d+$/ })
  const n = Number((await failed.textContent())?.match(/\d+/)?.[0])
  await failed.click()
  await expect(failed).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('node-row')).toHaveCount(n)
  await look(page, 'chips-failed')
  // The cost estimate follows the filter as the counts do (it stayed at the whole list's before).
  const cost = page.getByTestId('list-cost-total')
  await expect(cost).toContainText(`for ${n} shown`, { timeout: 20_000 })
  await chips.getByRole('button', { name: /^All [\d,]+$/ }).click()
  expect(await page.getByTestId('node-row').count()).toBeGreaterThan(n)
  await expect(cost).not.toContainText('shown')
  await expect(cost).toContainText(/≈ ₹.*\/h/)
})

test('the row menu: from its button and a right-click, by keyboard; power off from it', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  const menuButton = nodeRow(page, 'web-02').getByRole('button', { name: 'Actions for web-02' })
  await menuButton.click()
  const menu = page.getByRole('menu', { name: 'Actions for web-02' })
  await expect(menu).toBeVisible()
  // web-02 is locked: power items are disabled and say why.
  const powerOff = menu.getByRole('menuitem', { name: /Power off/ })
  await expect(powerOff).toHaveAttribute('aria-disabled', 'true')
  await expect(powerOff).toContainText('locked')
  await expect(menu.getByRole('menuitem').first()).toBeFocused()
  await look(page, 'row-menu')
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem').nth(1)).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await expect(menuButton).toBeFocused()

  // Right-click opens it at the pointer.
  const row = nodeRow(page, 'web-01')
  const box = (await row.locator('.col-plan').boundingBox())!
  await page.mouse.click(box.x + 10, box.y + 10, { button: 'right' })
  const menu1 = page.getByRole('menu', { name: 'Actions for web-01' })
  await expect(menu1).toBeVisible()
  const m = (await menu1.boundingBox())!
  expect(Math.abs(m.x - (box.x + 10))).toBeLessThan(4)
  await menu1.getByRole('menuitem', { name: /^Power off/ }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Power off web-01?' })
  await confirm.getByRole('button', { name: 'Power off' }).click()
  await expect(row.locator('[data-status="OFF"]')).toBeVisible({ timeout: 30_000 })
})

test('bulk: 105 failed nodes go with one confirm; skipped, committed and failed are listed; retry', async ({
  page,
  preview
}) => {
  await exploreDemo(page, preview)
  await addDemoNodes(preview, 105, 'broken')
  // The demo's committed node has delete protection on: turn it off, so the committed call-out has a node to name.
  const snapshot = await preview.ipc<ProfileNodes[]>('nodes:snapshot')
  const db = snapshot.flatMap((p) => p.nodes).find((n) => n.name === 'db-primary')
  if (!db) throw new Error('no db-primary in the demo')
  await preview.hook('sim/setNode', { nodeId: db.id, isAccidentalProtection: false })
  await page.getByRole('button', { name: 'Refresh', exact: true }).click()
  await page.getByTestId('node-search').fill('broken-')
  await expect(page.getByTestId('node-count')).toHaveText(/^105 of \d+ nodes$/, { timeout: 20_000 })
  // Shift-click checks a range; the header checks everything shown.
  await nodeRow(page, 'broken-001').getByRole('checkbox').click()
  await nodeRow(page, 'broken-004')
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] })
  await expect(page.getByTestId('bulk-bar')).toContainText('4 nodes checked')
  await page.getByTestId('check-all').check()
  await expect(page.getByTestId('bulk-bar')).toContainText('105 nodes checked')
  // A locked node and a committed one join with a Ctrl-click each; checks outlive a new search.
  for (const name of ['web-02', 'db-primary']) {
    await page.getByTestId('node-search').fill(name)
    await nodeRow(page, name)
      .locator('.col-plan')
      .click({ modifiers: ['Control'] })
  }
  await page.getByTestId('node-search').fill('')
  await expect(page.getByTestId('bulk-bar')).toContainText('107 nodes checked')
  await look(page, 'bulk-bar')

  // Two deletes fail on the way (E2E answers 503), the rest go.
  await preview.hook('sim/injectFault', {
    kind: 'http5xx',
    status: 503,
    body: 'json',
    route: 'DELETE nodes/*/',
    times: 2
  })
  await page.getByTestId('bulk-delete').click()
  const dialog = page.getByTestId('bulk-dialog')
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Delete 106 nodes?')
  await expect(dialog.getByTestId('bulk-skipped')).toContainText(/web-02 — The node is locked/)
  await expect(dialog.getByTestId('bulk-committed')).toContainText(/db-primary — ₹[\d,]+ paid, \d+ days? left/, {
    timeout: 15_000
  })
  const confirm = dialog.getByTestId('bulk-confirm')
  await expect(confirm).toBeDisabled()
  await dialog.getByLabel(/to confirm/).fill('106')
  await look(page, 'bulk-delete-confirm')
  await confirm.click()
  const failed = dialog.getByTestId('bulk-failed')
  await expect(failed).toBeVisible({ timeout: 60_000 })
  await expect(failed.locator('li')).toHaveCount(2)
  await expect(failed).toContainText('E2E’s service had a problem')
  await expect(failed).not.toContainText('nodes/')
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Delete: 104 of 106 done')
  await look(page, 'bulk-delete-failures')
  await dialog.getByTestId('bulk-retry').click()
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Delete 2 nodes?')
  await dialog.getByLabel(/to confirm/).fill('2')
  await dialog.getByTestId('bulk-confirm').click()
  await expect(dialog).toHaveCount(0, { timeout: 30_000 })
  await page.getByTestId('node-search').fill('broken-')
  await expect(page.getByTestId('node-row')).toHaveCount(0, { timeout: 30_000 })
  // The locked node was skipped and is still there, still checked.
  await page.getByTestId('node-search').fill('web-02')
  await expect(nodeRow(page, 'web-02')).toBeVisible()
  await expect(page.getByTestId('bulk-bar')).toContainText('1 node checked')
})

test('bulk power off skips what is not running, then powers the rest on', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await page.getByTestId('node-search').fill('web-')
  await page.getByTestId('check-all').check()
  const off = page.getByTestId('bulk-power_off')
  await off.click()
  const dialog = page.getByTestId('bulk-dialog')
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(/^Power off \d+ nodes?\?$/)
  await expect(dialog.getByTestId('bulk-skipped')).toContainText('web-02')
  await dialog.getByTestId('bulk-confirm').click()
  await expect(dialog).toHaveCount(0, { timeout: 30_000 })
  await expect(nodeRow(page, 'web-01').locator('[data-status="OFF"]')).toBeVisible({ timeout: 30_000 })
  await page.getByTestId('check-all').check()
  await page.getByTestId('bulk-power_on').click()
  await page.getByTestId('bulk-dialog').getByTestId('bulk-confirm').click()
  await expect(nodeRow(page, 'web-01').locator('[data-status="RUNNING"]')).toBeVisible({ timeout: 30_000 })
})

test('keyboard: / and Ctrl+F search, Esc closes the detail, Delete starts a delete', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('/')
  await expect(page.getByTestId('node-search')).toBeFocused()
  await page.keyboard.type('api')
  await expect(page.getByTestId('node-row')).toHaveCount(1)
  await page.getByTestId('node-search').blur()
  await page.keyboard.press('Control+f')
  await expect(page.getByTestId('node-search')).toBeFocused()

  const open = nodeRow(page, 'api-staging').getByRole('button', { name: 'api-staging', exact: true })
  await open.click()
  await expect(page.getByTestId('node-detail')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('node-detail')).toHaveCount(0)
  await expect(open).toBeFocused()
  await page.keyboard.press('Delete')
  const dialog = page.getByTestId('delete-dialog')
  await expect(dialog).toContainText('api-staging')
  // The single delete keeps its typed-name rail.
  await expect(dialog.getByRole('button', { name: 'Delete node' })).toBeDisabled()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('node-detail')).toHaveCount(0)
})
