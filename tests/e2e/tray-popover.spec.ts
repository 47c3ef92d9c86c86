// The tray popover at its real size (380 × 560), served by the preview host at /tray with the same secret handling
// as the window: a glance at every demo profile, search, each quick action, quick delete with the window's rules
// (committed warning, typed name, keep IP), a locked node refused, an offline profile, and the keyboard alone.
// Every state is checked with axe; light and dark screenshots go to docs/screenshots/tray-*.png.
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { ProfileNodes } from '../../shared/domain/node-state'
import { test, expect, type PreviewHandle } from './fixtures'
import { addDemoNodes, expectAccessible } from './window-helpers'

// The popover's window on a 1440 × 900 screen.
test.use({ viewport: { width: 380, height: 560 }, screen: { width: 1440, height: 900 } })

async function openGlance(page: Page, preview: PreviewHandle): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' })
  // Esc hides the popover window in Electron; a tab cannot close itself, so record the request instead.
  await page.addInitScript(() => {
    ;(window as unknown as { closeRequests: number }).closeRequests = 0
    window.close = () => void (window as unknown as { closeRequests: number }).closeRequests++
  })
  await page.goto(`${preview.origin}/tray#secret=${preview.secret}`)
  await expect(page.getByTestId('glance-section')).toHaveCount(4, { timeout: 20_000 })
}

const closeRequests = (page: Page) =>
  page.evaluate(() => (window as unknown as { closeRequests: number }).closeRequests)
const row = (page: Page, name: string) => page.locator(`[data-testid="glance-row"][data-node="${name}"]`)

/** Axe (0 serious or critical) and a screenshot in light and in dark, into docs/screenshots/. */
async function checkGlance(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.waitForTimeout(150)
    await expectAccessible(page, `${name} (${scheme})`)
    await page.screenshot({ path: join('docs', 'screenshots', `${name}-${scheme}.png`) })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

async function findNode(preview: PreviewHandle, name: string) {
  const snapshot = await preview.ipc<ProfileNodes[]>('nodes:snapshot')
  for (const p of snapshot) {
    const node = p.nodes.find((n) => n.name === name)
    if (node) return { profileId: p.profileId, node }
  }
  return null
}

async function recorded(preview: PreviewHandle) {
  return preview.hook<{ clipboard: string[]; navigations: unknown[] }>('recorded')
}

test('a glance at every demo profile: counts, sections, rows with cost; search by name and IP', async ({
  page,
  preview
}) => {
  await openGlance(page, preview)
  await expect(page.getByTestId('glance-search')).toBeFocused()
  const counts = page.getByTestId('glance-counts')
  await expect(counts).toContainText(/\d+ running/)
  await expect(counts).toContainText(/\d+ changing/)
  await expect(counts).toContainText(/1 failed/)
  await expect(page.getByTestId('glance-age')).toContainText(/Updated|Refreshing/)
  await expect(page.getByTestId('glance-total')).toContainText(/≈ ₹[\d.]+.*\/h · ₹.*\/mo estimate/, { timeout: 15_000 })
  await expect(row(page, 'web-01')).toContainText(/₹2\.70\/h/)
  await expect(row(page, 'db-primary')).toContainText(/paid/)
  await expect(row(page, 'db-primary')).toContainText(/\d+ d left/)
  await checkGlance(page, 'tray-glance')

  await page.getByTestId('glance-search').fill('web')
  const names = await page.getByTestId('glance-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-node')))
  expect(names.length).toBeGreaterThan(1)
  expect(names.every((n) => n?.includes('web'))).toBe(true)
  const ip = (await findNode(preview, 'web-01'))!.node.publicIp!
  await page.getByTestId('glance-search').fill(ip)
  await expect(page.getByTestId('glance-row')).toHaveCount(1)
  await expect(row(page, 'web-01')).toBeVisible()
  await checkGlance(page, 'tray-search')

  // A profile folds away and comes back.
  await page.getByTestId('glance-search').fill('')
  const first = page.getByTestId('glance-section').first().getByRole('button').first()
  await first.click()
  await expect(first).toHaveAttribute('aria-expanded', 'false')
  await first.click()
  await expect(first).toHaveAttribute('aria-expanded', 'true')
})

test('each quick action: copy IP, copy SSH, open in the window, power off with progress, power on, reboot', async ({
  page,
  preview
}) => {
  await openGlance(page, preview)
  const { profileId, node } = (await findNode(preview, 'web-01'))!
  const web = row(page, 'web-01')
  await web.hover()
  await web.getByRole('button', { name: 'Copy IP of web-01' }).click()
  await web.getByRole('button', { name: 'Copy SSH command for web-01' }).click()
  await expect
    .poll(async () => (await recorded(preview)).clipboard)
    .toEqual([node.publicIp, `ssh root@${node.publicIp}`])
  await expect(page.getByTestId('glance-message')).toContainText(`Copied ssh root@${node.publicIp}`)

  await web.getByRole('button', { name: 'Open details of web-01' }).click()
  await expect
    .poll(async () => (await recorded(preview)).navigations)
    .toContainEqual({ view: 'node', profileId, nodeId: node.id })

  await web.hover()
  await web.getByRole('button', { name: 'Power off web-01' }).click()
  // Asked first, as in the window: it interrupts whatever runs on the node.
  const ask = page.getByRole('alertdialog', { name: 'Power off web-01?' })
  await expect(ask).toContainText('anything running on it is interrupted')
  await checkGlance(page, 'tray-confirm-power-off')
  // Real transition times (20 s or more) while the progress is checked: a 'fast' one (2–6 s) could end between two
  // assertions on a busy machine, and the counts were then read after the row had already finished (CI, Dec 2026).
  await preview.hook('sim/setTransitions', { mode: 'real' })
  await ask.getByRole('button', { name: 'Power off' }).click()
  await expect(web).toContainText(/Powering off… \d+ s/)
  await expect(web.getByRole('progressbar')).toBeVisible()
  await expect(page.getByTestId('glance-counts')).toContainText(/[1-9]\d* changing/)
  await page.mouse.move(5, 5)
  await checkGlance(page, 'tray-changing')
  // Then the simulator's clock moves past the longest power-off, and the next refresh finds it done.
  await preview.hook('sim/advanceClock', { ms: 60_000 })
  await preview.hook('sim/setTransitions', { mode: 'fast' })
  await expect(web).toContainText('Powered off', { timeout: 30_000 })

  await web.hover()
  await expect(web.getByRole('button', { name: 'Reboot web-01' })).toBeDisabled()
  await web.getByRole('button', { name: 'Power on web-01' }).click()
  await expect(web).toContainText('Running', { timeout: 30_000 })
  await expect(web).not.toContainText('Powering on')
  await web.hover()
  await web.getByRole('button', { name: 'Reboot web-01' }).click()
  await page.getByRole('alertdialog', { name: 'Reboot web-01?' }).getByRole('button', { name: 'Reboot' }).click()
  await expect(web).toContainText(/Rebooting…/)
})

test('quick delete of a committed node: warning with what was paid and the days left, typed name, keep IP', async ({
  page,
  preview
}) => {
  await openGlance(page, preview)
  const { profileId, node } = (await findNode(preview, 'db-primary'))!
  expect(node.isCommitted).toBe(true)
  // The demo's committed node has delete protection on: turn it off first, as a user would in the window.
  if (node.isProtected) {
    await preview.ipc('nodes:action', { profileId, nodeId: node.id, action: 'disable_accidental_protection' })
    await expect
      .poll(async () => (await findNode(preview, 'db-primary'))?.node.isProtected, { timeout: 20_000 })
      .toBe(false)
  }
  const db = row(page, 'db-primary')
  await db.hover()
  await db.getByRole('button', { name: 'Delete db-primary' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Delete db-primary?' })
  await expect(dialog).toContainText(`db-primary in profile`)
  await expect(dialog).toContainText(node.publicIp!)
  const warning = dialog.getByTestId('committed-warning')
  await expect(warning).toContainText(/₹[\d,]+(\.\d+)? was paid up front/)
  await expect(warning).toContainText(/\d+ days? (is|are) left/)
  await expect(warning).toContainText('loses the rest of the term')
  const del = dialog.getByRole('button', { name: 'Delete node' })
  await expect(del).toBeDisabled()
  await dialog.getByLabel(/Type db-primary to confirm/).fill('db-primar')
  await expect(del).toBeDisabled()
  await dialog.getByLabel(/Type db-primary to confirm/).fill('db-primary')
  await dialog.getByLabel('Keep the public IP as a reserved IP').check()
  await checkGlance(page, 'tray-delete-committed')

  // Esc closes the confirm first; the popover stays.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await closeRequests(page)).toBe(0)
  expect(await findNode(preview, 'db-primary')).not.toBeNull()

  await db.hover()
  await db.getByRole('button', { name: 'Delete db-primary' }).click()
  await dialog.getByLabel(/Type db-primary to confirm/).fill('db-primary')
  await dialog.getByLabel('Keep the public IP as a reserved IP').check()
  await dialog.getByRole('button', { name: 'Delete node' }).click()
  await expect(dialog).toBeHidden()
  await expect.poll(() => findNode(preview, 'db-primary'), { timeout: 20_000 }).toBeNull()
  await expect(row(page, 'db-primary')).toHaveCount(0, { timeout: 20_000 })
  const { result } = await preview.hook<{ result: { method: string; path: string; query?: Record<string, string> }[] }>(
    'sim/requestLog',
    { method: 'DELETE' }
  )
  expect(result.map((e) => `${e.path} ${JSON.stringify(e.query ?? {})}`).join('\n')).toMatch(
    new RegExp(`nodes/${node.id}/.*reserve_ip_required.*true`)
  )
})

test('a locked node is refused with the reason, and nothing is deleted', async ({ page, preview }) => {
  await openGlance(page, preview)
  const { node } = (await findNode(preview, 'web-02'))!
  expect(node.isLocked).toBe(true)
  const web = row(page, 'web-02')
  await web.hover()
  await web.getByRole('button', { name: 'Delete web-02' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'web-02 cannot be deleted' })
  await expect(dialog.getByTestId('delete-refused')).toHaveText('The node is locked. Unlock it before deleting.')
  await expect(dialog.getByRole('button', { name: 'Delete node' })).toHaveCount(0)
  await checkGlance(page, 'tray-delete-refused')
  await dialog.getByRole('button', { name: 'Close' }).click()
  expect(await findNode(preview, 'web-02')).not.toBeNull()
})

test('offline: every profile keeps its last-known nodes with an Offline badge and their age', async ({
  page,
  preview
}) => {
  await openGlance(page, preview)
  await preview.hook('sim/stop', {})
  await preview.ipc('nodes:refresh', {})
  const badge = page.getByTestId('glance-section').first().getByTestId('glance-badge')
  await expect(badge).toHaveText(/Offline/, { timeout: 30_000 })
  await expect(row(page, 'web-01')).toBeVisible()
  await expect(page.getByTestId('glance-section').first()).toContainText(/just now|\d+ s ago|\d+ min ago/)
  // Two badges (Demo, Offline) never cut the profile's name: its tail ("(Delhi)", "(Chennai)") tells them apart.
  const names = page.getByTestId('glance-section').locator('.glance-section-name')
  for (const name of await names.all()) {
    expect(await name.evaluate((el) => el.scrollWidth - el.clientWidth), await name.innerText()).toBeLessThanOrEqual(0)
  }
  await expect(names.first()).toHaveText(/\((Delhi|Chennai)\)$/)
  await checkGlance(page, 'tray-offline')
})

test('keyboard only: / to search, arrows, Enter opens, Delete starts a delete, Esc closes it, then the popover', async ({
  page,
  preview
}) => {
  await openGlance(page, preview)
  const { profileId, node } = (await findNode(preview, 'web-chn-01'))!
  await page.keyboard.type('chn')
  await expect(page.getByTestId('glance-row')).toHaveCount(1)
  // One match: the popover is only as tall as its content (its window follows this height).
  const height = () => page.locator('.glance').evaluate((el) => el.getBoundingClientRect().height)
  expect(await height()).toBeLessThan(400)
  await page.keyboard.press('ArrowDown') // the profile's header
  await expect(page.getByTestId('glance-section').getByRole('button').first()).toBeFocused()
  await page.keyboard.press('ArrowDown') // the node
  await expect(row(page, 'web-chn-01').getByRole('button').first()).toBeFocused()
  // Its actions show while focus is in the row, and Tab reaches them.
  await expect(row(page, 'web-chn-01').getByRole('button', { name: 'Copy IP of web-chn-01' })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect
    .poll(async () => (await recorded(preview)).navigations)
    .toContainEqual({ view: 'node', profileId, nodeId: node.id })
  await page.keyboard.press('Delete')
  const dialog = page.getByRole('alertdialog', { name: 'Delete web-chn-01?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel(/Type web-chn-01 to confirm/)).toBeFocused()
  expect(await height()).toBe(560) // the confirm gets the full height
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(row(page, 'web-chn-01').getByRole('button').first()).toBeFocused()
  await page.keyboard.press('/')
  await expect(page.getByTestId('glance-search')).toBeFocused()
  await page.keyboard.press('Escape')
  expect(await closeRequests(page)).toBe(1)
})

test('keyboard in a long list: End and Home land on the last and first rows, focus never falls out of the list', async ({
  page,
  preview
}) => {
  await openGlance(page, preview)
  await addDemoNodes(preview, 600, 'bulk', 'Running')
  await preview.ipc('nodes:refresh', {})
  await expect(page.getByTestId('glance-section').first()).toContainText('604', { timeout: 20_000 })
  await page.getByTestId('glance-search').click()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('glance-row').first().getByRole('button').first()).toBeFocused()
  await page.keyboard.press('End')
  // The last profile's last node, scrolled to and focused.
  const lastRow = page.locator('.glance-row-main:focus')
  await expect(lastRow).toHaveCount(1)
  await expect(lastRow).toBeInViewport()
  await page.keyboard.press('Home')
  await expect(page.getByTestId('glance-section').first().getByRole('button').first()).toBeFocused()
  // Scrolled away by the wheel, ArrowDown from the search box still reaches the first row at once.
  await page.getByTestId('glance-list').hover()
  await page.mouse.wheel(0, 20_000)
  await page.getByTestId('glance-search').click()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('glance-section').first().getByRole('button').first()).toBeFocused()
  await page.keyboard.press('Escape')
  expect(await closeRequests(page)).toBe(1)
})

test('footer: Create node opens the wizard in the window', async ({ page, preview }) => {
  await openGlance(page, preview)
  await page.getByRole('button', { name: 'Create node' }).click()
  await expect.poll(async () => (await recorded(preview)).navigations).toContainEqual({ view: 'create' })
})

test('the popover never holds a secret: no API key, token or preview secret in its DOM or storage', async ({
  page,
  preview
}) => {
  await openGlance(page, preview)
  await expect(page.getByTestId('glance-total')).toBeVisible({ timeout: 15_000 })
  const { demo } = await preview.hook<{ demo: { apiKey: string; authToken: string } }>('sim/now')
  const dom = await page.content()
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }))
  for (const secret of [demo.apiKey, demo.authToken]) {
    expect(dom).not.toContain(secret)
    expect(local).not.toContain(secret)
  }
  expect(dom).not.toContain(preview.secret)
  expect(page.url()).not.toContain(preview.secret)
})
