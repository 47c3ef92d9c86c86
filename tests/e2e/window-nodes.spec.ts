import { test, expect } from './fixtures'
import { addDemoNodes, checkScreen, demoInfo, exploreDemo, nodeRow, openNode } from './window-helpers'

test('rows scroll with the scroll bar, without jumps, where profile names take two lines', async ({
  page,
  preview
}) => {
  // At 1200 px the profile column is narrow and "Demo · default-project (Delhi)" takes two lines. The list is
  // virtualised with rows 38 px apart: a row any taller made every row jump 5 px each time one left the top.
  await exploreDemo(page, preview)
  await addDemoNodes(preview, 200, 'scroll', 'Running')
  await page.getByRole('button', { name: 'Refresh', exact: true }).click()
  await expect(page.getByTestId('node-count')).toHaveText(/^\d{3} of \d{3} nodes$/, { timeout: 20_000 })
  const profileCell = page.getByTestId('node-row').first().locator('.profile-name')
  expect((await profileCell.boundingBox())?.height).toBeGreaterThan(25)
  const moves = await page.getByTestId('node-table-scroll').evaluate(async (box) => {
    const rowTop = (name: string) =>
      [...box.querySelectorAll<HTMLElement>('[data-testid="node-row"]')]
        .find((r) => r.dataset.node === name)
        ?.getBoundingClientRect().top
    const tracked = box.querySelectorAll<HTMLElement>('[data-testid="node-row"]')[10]?.dataset.node ?? ''
    const seen: number[] = []
    let last = rowTop(tracked)
    for (let y = 4; y <= 320; y += 4) {
      box.scrollTop = y
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
      const top = rowTop(tracked)
      if (top !== undefined && last !== undefined) seen.push(Math.round(top - last))
      last = top
    }
    return seen
  })
  expect(moves.length).toBeGreaterThan(40)
  // Every 4 px of scrolling moves the row 4 px up: never more.
  expect([...new Set(moves)]).toEqual([-4])
})

test('1,000 nodes are listed, searched and filtered', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await addDemoNodes(preview, 1000, 'bulk', 'mixed')
  await page.getByRole('button', { name: 'Refresh', exact: true }).click()
  const search = page.getByTestId('node-search')
  await search.fill('bulk-')
  await expect(page.getByTestId('node-count')).toHaveText(/^1,000 of [\d,]+ nodes$/, { timeout: 20_000 })
  // Virtualised: far fewer rows in the DOM than in the list.
  expect(await page.getByTestId('node-row').count()).toBeLessThan(80)
  await checkScreen(page, 'node-list-1000')

  await search.fill('bulk-0999')
  await expect(page.getByTestId('node-row')).toHaveCount(1)
  await search.fill('bulk-')
  // The Running chip counts the running nodes the search matches, and shows exactly those.
  const running = page.getByTestId('status-chips').getByRole('button', { name: /^Running \d+$/ })
  await running.click()
  // "mixed" nodes finish creating while the test runs and a poll moves both figures: compare them together.
  await expect
    .poll(async () => {
      const chip = Number((await running.textContent())?.match(/\d+/)?.[0])
      const listed = Number(
        /^([\d,]+) of/.exec((await page.getByTestId('node-count').textContent()) ?? '')?.[1]?.replaceAll(',', '')
      )
      return chip > 0 && chip === listed
    })
    .toBe(true)
  const text = await page.getByTestId('node-count').textContent()
  const shown = Number(/^([\d,]+) of/.exec(text ?? '')?.[1]?.replaceAll(',', ''))
  expect(shown).toBeGreaterThan(0)
  expect(shown).toBeLessThan(1000)
  for (const status of await page
    .getByTestId('node-row')
    .locator('[data-status]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))) {
    expect(status).toBe('RUNNING')
  }
  // Scrolling to the end renders the last rows.
  await page
    .getByTestId('status-chips')
    .getByRole('button', { name: /^All [\d,]+$/ })
    .click()
  await page.getByTestId('sort').selectOption('name:asc')
  await page.getByTestId('node-table-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(page.getByRole('button', { name: 'bulk-1000', exact: true })).toBeVisible()
})

test('power off, then on, from the row menu; the detail follows', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await openNode(page, 'web-01')
  const detail = page.getByTestId('node-detail')
  // The detail's bar offers Power off on a running node; Power on comes back once it is off.
  await expect(detail.getByRole('button', { name: 'Power on' })).toHaveCount(0)
  await expect(detail.getByRole('button', { name: 'Power off' })).toBeEnabled()
  const menuButton = nodeRow(page, 'web-01').getByRole('button', { name: 'Actions for web-01' })
  await menuButton.click()
  const menu = page.getByRole('menu', { name: 'Actions for web-01' })
  await expect(menu.getByRole('menuitem', { name: /^Power on/ })).toHaveAttribute('aria-disabled', 'true')
  await expect(menu.getByRole('menuitem', { name: /^Power on/ })).toContainText('Already running')
  await checkScreen(page, 'node-detail')
  await menu.getByRole('menuitem', { name: /^Power off/ }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Power off web-01?' })
  await checkScreen(page, 'confirm-power-off')
  await confirm.getByRole('button', { name: 'Power off' }).click()
  await expect(nodeRow(page, 'web-01').locator('[data-status="OFF"]')).toBeVisible({ timeout: 30_000 })
  await expect(detail.locator('[data-status="OFF"]').first()).toBeVisible({ timeout: 30_000 })

  await menuButton.click()
  await page
    .getByRole('menu')
    .getByRole('menuitem', { name: /^Power on/ })
    .click()
  await expect(nodeRow(page, 'web-01').locator('[data-status="RUNNING"]')).toBeVisible({ timeout: 30_000 })
  await expect(detail.locator('[data-status="RUNNING"]').first()).toBeVisible({ timeout: 30_000 })
  await expect(detail.getByRole('button', { name: 'Power off' })).toBeEnabled({ timeout: 30_000 })
})

test('delete needs the typed name; a locked node cannot be deleted', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  // In the detail, a locked node's Delete is disabled and says why (the dialog's own refusal is unit-tested).
  await openNode(page, 'web-02')
  await expect(page.getByTestId('delete-node')).toBeDisabled()
  await expect(page.getByTestId('delete-node')).toHaveAccessibleDescription(/locked/)
  // In the list, the row menu's Delete is disabled with the same reason.
  await nodeRow(page, 'web-02').getByRole('button', { name: 'Actions for web-02' }).click()
  const refused = page.getByRole('menu').getByRole('menuitem', { name: /^Delete/ })
  await expect(refused).toHaveAttribute('aria-disabled', 'true')
  await expect(refused).toContainText('locked')
  await checkScreen(page, 'delete-refused')
  // A disabled item does nothing; Esc closes the menu.
  await refused.dispatchEvent('click')
  await expect(page.getByTestId('delete-dialog')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toHaveCount(0)

  await page.getByTestId('node-search').fill('api-staging')
  await nodeRow(page, 'api-staging').getByRole('button', { name: 'Actions for api-staging' }).click()
  await page
    .getByRole('menu')
    .getByRole('menuitem', { name: /^Delete/ })
    .click()
  const dialog = page.getByTestId('delete-dialog')
  await expect(dialog).toContainText('api-staging')
  const del = dialog.getByRole('button', { name: 'Delete node' })
  await dialog.getByLabel(/to confirm/).fill('api-stagin')
  await expect(del).toBeDisabled()
  await dialog.getByLabel(/to confirm/).fill('api-staging')
  await dialog.getByLabel('Keep the public IP as a reserved IP').check()
  await checkScreen(page, 'delete-dialog')
  await del.click()
  await expect(dialog).toHaveCount(0)
  await page.getByTestId('node-search').fill('')
  await expect(page.getByRole('button', { name: 'api-staging', exact: true })).toHaveCount(0, { timeout: 30_000 })
})

test('committed renewal is changed; deleting at term end needs an explicit acknowledgement', async ({
  page,
  preview
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 })
  await exploreDemo(page, preview)
  await openNode(page, 'db-primary')
  const renewal = page.getByTestId('renewal')
  await expect(renewal.getByRole('radio', { name: 'Renew automatically' })).toBeChecked({ timeout: 15_000 })
  await renewal.getByRole('radio', { name: 'Delete the node' }).check()
  const save = renewal.getByRole('button', { name: 'Save choice' })
  await expect(save).toBeDisabled()
  await checkScreen(page, 'renewal-terminate')
  await renewal.getByRole('radio', { name: 'Switch to hourly billing' }).check()
  await save.click()
  await expect(renewal.getByTestId('renewal-summary')).toContainText(/hourly/i, { timeout: 15_000 })
  const demo = await demoInfo(preview)
  const nodes = await preview.hook<{ result: { name: string; committedStatus: string | null }[] }>('sim/getNodes', {
    apiKey: demo.apiKey,
    projectId: demo.projects[0]?.projectId,
    location: demo.locations[0]
  })
  expect(nodes.result.find((n) => n.name === 'db-primary')?.committedStatus).toBe('hourly_billing')
})
