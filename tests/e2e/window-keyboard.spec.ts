// Moving through the node list by keyboard, through the preview host: ArrowDown/Up keep the column, Home/End and
// PageDown/PageUp reach rows the virtualised list has not rendered yet (and show them clear of the sticky header),
// Enter opens the focused node, Shift+ArrowDown checks rows, group headers are stops, focus stays with its node when
// the list re-sorts, and the arrows stay the search field's and the menu's while those have the keyboard.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { addDemoNodes, exploreDemo, nodeRow } from './window-helpers'

interface Focus {
  node: string | null
  control: string | null
  /** aria-rowindex of the focused row: 2 is the first row (the header row is 1). */
  rowIndex: number
  /** The row is wholly in view: below the sticky header and above the box's bottom edge. */
  revealed: boolean
}

async function focus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    const tr = el?.closest('tr')
    const box = document.querySelector('[data-testid="node-table-scroll"]')
    const head = box?.querySelector('thead')?.getBoundingClientRect()
    const view = box?.getBoundingClientRect()
    const r = tr?.getBoundingClientRect()
    return {
      node: tr?.getAttribute('data-node') ?? null,
      control: el?.getAttribute('data-control') ?? null,
      rowIndex: Number(tr?.getAttribute('aria-rowindex') ?? -1),
      revealed: !!(r && head && view && r.top >= head.bottom - 1 && r.bottom <= view.bottom + 1)
    }
  })
}

/** The rendered rows' names in order. */
const shown = (page: Page) =>
  page.getByTestId('node-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-node') ?? ''))

test('arrows keep the column; Home/End and PageDown reach unrendered rows; Enter opens; Shift checks', async ({
  page,
  preview
}) => {
  await exploreDemo(page, preview)
  await addDemoNodes(preview, 150, 'bulk')
  await preview.ipc('nodes:refresh', {})
  const table = page.getByTestId('node-table')
  await expect(table).toHaveAttribute('aria-rowcount', /^1[5-9]\d$/, { timeout: 30_000 })
  const total = Number(await table.getAttribute('aria-rowcount')) - 1
  // Far fewer rows than nodes are in the DOM: End must scroll before it can focus.
  expect(await page.getByTestId('node-row').count()).toBeLessThan(total / 2)

  const names = await shown(page)
  await page.getByTestId('node-row').first().locator('[data-control="open"]').focus()
  await page.keyboard.press('ArrowDown')
  expect(await focus(page)).toEqual({ node: names[1], control: 'open', rowIndex: 3, revealed: true })
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  expect(await focus(page)).toMatchObject({ node: names[2], control: 'open' })

  // The column is kept: from the menu button to the next row's menu button.
  await nodeRow(page, names[2]!).locator('[data-control="menu"]').focus()
  await page.keyboard.press('ArrowDown')
  expect(await focus(page)).toMatchObject({ node: names[3], control: 'menu' })

  await page.keyboard.press('End')
  await expect.poll(async () => (await focus(page)).rowIndex).toBe(total + 1)
  expect(await focus(page)).toMatchObject({ control: 'menu', revealed: true })
  await page.keyboard.press('ArrowUp')
  expect(await focus(page)).toMatchObject({ rowIndex: total, revealed: true })

  await page.keyboard.press('Home')
  await expect.poll(async () => (await focus(page)).rowIndex).toBe(2)
  expect(await focus(page)).toEqual({ node: names[0], control: 'menu', rowIndex: 2, revealed: true })

  await page.keyboard.press('PageDown')
  const paged = await focus(page)
  expect(paged.rowIndex).toBeGreaterThan(6)
  expect(paged.revealed).toBe(true)
  await page.keyboard.press('PageUp')
  expect(await focus(page)).toMatchObject({ rowIndex: 2 })

  // Enter on a name opens that node; Esc closes it and focus is back on the name.
  const open = nodeRow(page, names[0]!).locator('[data-control="open"]')
  await open.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('node-detail').getByRole('heading', { level: 2 })).toHaveText(names[1]!)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('node-detail')).toHaveCount(0)
  expect(await focus(page)).toMatchObject({ node: names[1], control: 'open' })

  // Shift+ArrowDown checks the row it starts on and each row it moves to.
  await page.keyboard.press('Shift+ArrowDown')
  await page.keyboard.press('Shift+ArrowDown')
  await expect(page.getByTestId('bulk-bar')).toContainText('3 nodes checked')
  for (const name of names.slice(1, 4)) await expect(nodeRow(page, name).getByRole('checkbox')).toBeChecked()
  await expect(nodeRow(page, names[0]!).getByRole('checkbox')).not.toBeChecked()
  await expect(nodeRow(page, names[4]!).getByRole('checkbox')).not.toBeChecked()
})

test('focus stays with its node when the list re-sorts, and the arrows go on from there', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  const open = nodeRow(page, 'web-02').locator('[data-control="open"]')
  await open.focus()
  const before = await focus(page)
  // Nodes that sort first push web-02 down the list.
  await addDemoNodes(preview, 3, 'aaa')
  await preview.ipc('nodes:refresh', {})
  await expect(nodeRow(page, 'aaa-1')).toHaveCount(1, { timeout: 30_000 })
  await expect(open).toBeFocused()
  const after = await focus(page)
  expect(after.node).toBe('web-02')
  expect(after.rowIndex).toBe(before.rowIndex + 3)
  const order = await shown(page)
  const at = order.indexOf('web-02')
  await page.keyboard.press('ArrowDown')
  expect((await focus(page)).node).toBe(order[at + 1])
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  expect((await focus(page)).node).toBe(order[at - 1])
})

test('grouped: a group header is a stop whose toggle folds the group', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await page.getByRole('button', { name: 'Group by profile' }).click()
  const groups = page.getByTestId('group-row')
  await expect(groups.first()).toBeVisible()
  const firstToggle = groups.first().getByRole('button', { expanded: true })
  const firstNode = (await shown(page))[0]!

  await page.getByTestId('node-row').first().locator('[data-control="check"]').focus()
  await page.keyboard.press('ArrowUp')
  await expect(firstToggle).toBeFocused()
  await page.keyboard.press('ArrowDown')
  // Past the header, the column is still the checks'.
  expect(await focus(page)).toMatchObject({ node: firstNode, control: 'check' })

  await page.keyboard.press('Home')
  await expect(groups.first().locator('.group-toggle')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(groups.first().getByRole('button', { expanded: false })).toBeFocused()
  await expect(nodeRow(page, firstNode)).toHaveCount(0)
  // With the first group folded, the next stop is the second group's header.
  await page.keyboard.press('ArrowDown')
  await expect(groups.nth(1).locator('.group-toggle')).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(nodeRow(page, firstNode)).toHaveCount(1)
})

test('the search field and the row menu keep their own arrow keys', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('/')
  const search = page.getByTestId('node-search')
  await expect(search).toBeFocused()
  await page.keyboard.type('web')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await expect(search).toBeFocused()
  await expect(search).toHaveValue('web')
  await search.fill('')

  const menuButton = nodeRow(page, 'web-01').locator('[data-control="menu"]')
  await menuButton.focus()
  await page.keyboard.press('Enter')
  const menu = page.getByRole('menu', { name: 'Actions for web-01' })
  await expect(menu).toBeVisible()
  const items = menu.getByRole('menuitem')
  await expect(items.first()).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(items.nth(1)).toBeFocused()
  await page.keyboard.press('End')
  await expect(items.last()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  // Back on the menu button it came from, not moved to another row.
  await expect(menuButton).toBeFocused()
})

test('the rows are one Tab stop: Tab goes through one row’s controls and past the list; the arrows pick the row', async ({
  page,
  preview
}) => {
  await exploreDemo(page, preview)
  await expect(page.getByTestId('node-row').first().locator('[data-control="menu"]')).toBeAttached()
  const names = await shown(page)
  expect(names.length).toBeGreaterThan(5)
  // From the last header control, Tab walks one row (check, name, IP, "…") and then leaves the table.
  const lastHeader = page.locator('thead button').last()
  const walk = async (): Promise<Focus[]> => {
    await lastHeader.focus()
    const seen: Focus[] = []
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab')
      const f = await focus(page)
      if (f.rowIndex < 2) break
      seen.push(f)
    }
    return seen
  }
  const first = await walk()
  expect(first.map((f) => f.node)).toEqual(first.map(() => names[0]))
  expect(first.length).toBeLessThanOrEqual(4)
  // The arrows move the stop: after ArrowDown twice, Tab reaches the third row instead.
  await page.getByTestId('node-row').first().locator('[data-control="open"]').focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  const third = await walk()
  expect(third.length).toBeGreaterThan(0)
  expect(new Set(third.map((f) => f.node))).toEqual(new Set([names[2]]))
})
