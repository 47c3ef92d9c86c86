// The node detail panel: header and action bar, failures where the user is looking (toast + inline, plain words),
// actions held while the profile is offline, committed renewal that shows and keeps the current choice, delete
// that closes the panel, copy / MyAccount, and toasts that never cover a control. Screens at 800 × 600 and
// 1600 × 1000, light and dark, under artifacts/detail/.
import type { Page } from '@playwright/test'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { addOwnProfile, expectAccessible, exploreDemo, openNode } from './window-helpers'

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

/** In a narrow window the detail is a sheet over the list's right side: a control under it is either wholly
 * visible or wholly covered. (A card floating 16 px in left a sliver of the blue Create button at its corner.) */
async function expectNothingPeeksOut(page: Page): Promise<void> {
  const sheet = await page.getByTestId('node-detail').boundingBox()
  const vw = page.viewportSize()?.width ?? 0
  expect(sheet, 'the sheet is laid out').not.toBeNull()
  // Docked to the window's edge: nothing of the page shows to its right.
  expect(Math.round((sheet?.x ?? 0) + (sheet?.width ?? 0))).toBe(vw)
  const create = page.getByRole('button', { name: 'Create node', exact: true })
  const cornersCovered = await create.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const points = [
      [r.left + 1, r.top + 1],
      [r.right - 1, r.top + 1],
      [r.left + 1, r.bottom - 1],
      [r.right - 1, r.bottom - 1]
    ] as const
    return points.map(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid="node-detail"]') !== null)
  })
  expect(cornersCovered, 'every corner of Create node is under the sheet').toEqual([true, true, true, true])
}

/** As a sheet, the detail takes the keyboard: the list under it is inert, so Tab never reaches a control it
 * hides (Create node, Sort, the rows' "…"); beside the list (wide) nothing changes. Esc closes the sheet and
 * focus is back on the row's name. */
async function expectCoveredListInert(page: Page, sheet: boolean): Promise<void> {
  const list = page.getByRole('region', { name: 'Nodes', includeHidden: true })
  if (!sheet) {
    await expect(list).not.toHaveAttribute('inert')
    return
  }
  await expect(list).toHaveAttribute('inert', '')
  const heading = page.getByTestId('node-detail').getByRole('heading', { level: 2 })
  await heading.focus()
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    const inList = await page.evaluate(() => document.activeElement?.closest('.nodes-main') != null)
    expect(inList, `Tab ${i + 1} stays out of the covered list`).toBe(false)
  }
  const name = (await heading.textContent()) ?? ''
  await heading.focus()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('node-detail')).toBeHidden()
  await expect(list).not.toHaveAttribute('inert')
  await expect(page.getByTestId('node-row').getByRole('button', { name, exact: true })).toBeFocused()
  // A click on the list beside the sheet reaches no control under it: it closes the sheet, as Esc does.
  await page.getByTestId('node-row').getByRole('button', { name, exact: true }).click()
  await expect(list).toHaveAttribute('inert', '')
  const row = await page.getByTestId('node-row').first().boundingBox()
  await page.mouse.click(30, (row?.y ?? 0) + (row?.height ?? 0) / 2)
  await expect(page.getByTestId('node-detail')).toBeHidden()
  await expect(page.getByTestId('node-row').getByRole('checkbox')).not.toBeChecked()
  await page.getByTestId('node-row').getByRole('button', { name, exact: true }).click()
}

for (const size of SIZES) {
  test(`detail header, sections and committed card hold at ${size.width} × ${size.height}`, async ({
    page,
    preview
  }) => {
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
    if (size.width < 960) await expectNothingPeeksOut(page)
    await expectCoveredListInert(page, size.width < 960)
    await look(page, 'detail-committed')
    await panel.getByTestId('renewal').scrollIntoViewIfNeeded()
    await look(page, 'detail-committed-card')
  })
}

/** The visible words of an element (a closed disclosure's content is not rendered, so not included). */
const shownText = (el: import('@playwright/test').Locator) => el.evaluate((e) => (e as HTMLElement).innerText)

test('a failed power action shows beside the bar and as a toast, in plain words', async ({ page, preview }) => {
  await page.setViewportSize({ width: 1600, height: 1000 })
  await exploreDemo(page, preview)
  await openNode(page, 'api-staging')
  await preview.hook('sim/injectFault', {
    kind: 'http5xx',
    status: 503,
    body: 'json',
    route: 'PUT nodes/*/actions/',
    times: 5
  })
  const panel = page.getByTestId('node-detail')
  await panel.getByRole('button', { name: 'Power on', exact: true }).click()
  const inline = panel.getByTestId('action-error')
  await expect(inline).toContainText(
    'Couldn’t power on api-staging. E2E’s service had a problem. Try again in a minute.'
  )
  // Beside the control that failed: right under the bar, inside the window.
  const bar = await panel.getByRole('toolbar').boundingBox()
  const box = await inline.boundingBox()
  expect((box?.y ?? 9999) - ((bar?.y ?? 0) + (bar?.height ?? 0))).toBeLessThan(60)
  expect((box?.y ?? 9999) + (box?.height ?? 0)).toBeLessThan(1000)
  const toast = page.getByTestId('toast').filter({ hasText: 'Couldn’t power on api-staging' })
  await expect(toast).toBeVisible()
  // No API path or status code where people read; they wait in the disclosure.
  for (const el of [inline, toast]) expect(await shownText(el)).not.toMatch(/nodes\/|PUT|503/)
  await inline.getByText('Technical details').click()
  await expect(inline.locator('details code')).toContainText('nodes/')
  await look(page, 'detail-action-failed')
  await page.setViewportSize({ width: 800, height: 600 })
  await expect(inline).toBeInViewport()
  await expect(toast).toBeInViewport()
  // The toast band takes its own space: the panel's controls stay clickable while it shows.
  await expectClickable(panel.getByRole('button', { name: 'Power on', exact: true }))
  await expectClickable(inline.getByRole('button', { name: 'Retry' }))
  await expectNotClipped(page)
  await look(page, 'detail-action-failed')

  // A second failure: its toast goes beside the first, so the band stays one toast high (a column of two took a
  // third of this window and left its left half empty). At this size the detail is a sheet and the list under it is
  // inert: close it to pick another node.
  await panel.getByRole('button', { name: 'Close node details' }).click()
  await openNode(page, 'web-01')
  await panel.getByRole('button', { name: 'Reboot', exact: true }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Reboot' }).click()
  const toasts = page.getByTestId('toast')
  await expect(toasts).toHaveCount(2)
  const [a, b] = [await toasts.nth(0).boundingBox(), await toasts.nth(1).boundingBox()]
  expect(Math.abs((a?.y ?? 0) - (b?.y ?? 999))).toBeLessThan(2)
  const band = await page.getByTestId('toasts').boundingBox()
  expect(band?.height ?? 999).toBeLessThan(600 / 4)
  await look(page, 'detail-two-failures')
})

test('actions are held, with the reason, while the profile is offline', async ({ page, preview }) => {
  await page.setViewportSize({ width: 1600, height: 1000 })
  await exploreDemo(page, preview)
  await openNode(page, 'web-01')
  await preview.hook('sim/stop', {})
  await page.getByRole('button', { name: 'Refresh', exact: true }).click()
  const panel = page.getByTestId('node-detail')
  await expect(panel.getByTestId('actions-blocked')).toContainText('The profile is offline', { timeout: 30_000 })
  const bar = panel.getByRole('toolbar')
  for (const name of ['Power off', 'Reboot', 'Lock', 'Delete']) {
    const b = bar.getByRole('button', { name, exact: true })
    await expect(b).toBeDisabled()
    await expect(b).toHaveAttribute('title', /offline/)
  }
  await look(page, 'detail-offline')
  await page.setViewportSize({ width: 800, height: 600 })
  await expect(panel.getByTestId('actions-blocked')).toBeInViewport()
  await look(page, 'detail-offline')
})

test('actions are held while E2E rejects the profile’s credentials, and say where to fix them', async ({
  page,
  preview
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 })
  await exploreDemo(page, preview)
  // A profile of the user's own, with one node, on an account of the simulator.
  const own = await addOwnProfile(preview, { name: 'Ops', count: 1, status: 'running', namePrefix: 'ops' })
  await preview.ipc('settings:update', { showDemo: true })
  await preview.ipc('nodes:refresh', { profileId: own.profileId })
  await openNode(page, 'ops-1')
  await preview.hook('sim/expireToken', { arg: own.authToken })
  await preview.ipc('nodes:refresh', { profileId: own.profileId })
  const panel = page.getByTestId('node-detail')
  const blocked = panel.getByTestId('actions-blocked')
  await expect(blocked).toContainText('Credentials rejected — fix them in Profiles', { timeout: 30_000 })
  await expect(panel.getByRole('toolbar').getByRole('button', { name: 'Reboot' })).toHaveAttribute(
    'title',
    'Credentials rejected — fix them in Profiles'
  )
  await look(page, 'detail-credentials-rejected')
  await blocked.getByRole('button', { name: 'Open Profiles' }).click()
  await expect(page.getByRole('tab', { name: 'Profiles' })).toHaveAttribute('aria-selected', 'true')
})

test('committed renewal shows the current choice and keeps a new one at once and after a reload', async ({
  page,
  preview
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 })
  await exploreDemo(page, preview)
  await openNode(page, 'db-primary')
  const card = page.getByTestId('renewal')
  await expect(card.getByRole('radio', { name: 'Renew automatically' })).toBeChecked({ timeout: 15_000 })
  await expect(card.getByTestId('renewal-summary')).toHaveText(/^Renews automatically: ₹[\d,]+ for 365 days\.$/)
  await card.getByRole('radio', { name: 'Delete the node' }).check()
  // The demo's db-primary has delete protection on, and a delete at the end of the term is still a delete.
  const save = card.getByRole('button', { name: 'Save choice' })
  await expect(save).toHaveAccessibleDescription(/protection is on\. Turn it off before choosing to delete the node/)
  await expect(card.getByLabel(/I understand that db-primary/)).toHaveCount(0)
  // Turned off as a user would, from the detail's menu: then the choice can be made.
  const panel = page.getByTestId('node-detail')
  await panel.getByRole('button', { name: /^More/ }).first().click()
  await page.getByRole('menuitem', { name: /Turn off delete protection/ }).click()
  await expect(card.getByLabel(/I understand that db-primary and its backups/)).toBeVisible({ timeout: 20_000 })
  await card.getByLabel(/I understand that db-primary and its backups/).check()
  await look(page, 'detail-renewal-terminate')
  await card.getByRole('button', { name: 'Save choice' }).click()
  await expect(card.getByTestId('renewal-summary')).toHaveText('E2E deletes the node and all of its backups.')
  await expect(card.getByRole('radio', { name: 'Delete the node' })).toHaveAccessibleDescription(/current choice/)
  await expect(page.getByTestId('toast').filter({ hasText: 'Term-end choice saved' })).toBeVisible()
  // Main reports the new choice: it survives a reload of the window.
  await page.reload()
  await openNode(page, 'db-primary')
  await expect(page.getByTestId('renewal').getByRole('radio', { name: 'Delete the node' })).toBeChecked({
    timeout: 15_000
  })
  await expect(page.getByTestId('renewal-summary')).not.toContainText(/renew/i)
})

test('a delete closes the panel at once; toasts read in the order things happened', async ({ page, preview }) => {
  await page.setViewportSize({ width: 1600, height: 1000 })
  await exploreDemo(page, preview)
  // First something fails (its toast stays), then the delete.
  await openNode(page, 'api-staging')
  await preview.hook('sim/injectFault', {
    kind: 'http5xx',
    status: 503,
    body: 'json',
    route: 'PUT nodes/*/actions/',
    times: 5
  })
  await page.getByTestId('node-detail').getByRole('button', { name: 'Power on', exact: true }).click()
  await expect(page.getByTestId('toast').filter({ hasText: 'Couldn’t power on' })).toBeVisible()

  await openNode(page, 'web-01')
  const panel = page.getByTestId('node-detail')
  await panel.getByRole('button', { name: 'Delete', exact: true }).click()
  const dialog = page.getByTestId('delete-dialog')
  await dialog.getByLabel(/to confirm/).fill('web-01')
  await dialog.getByRole('button', { name: 'Delete node' }).click()
  await expect(dialog).toBeHidden()
  await expect(panel).toBeHidden()
  // The keyboard stays in the list: no row matches the search any more, so its box or "Clear filters".
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.textContent)
    )
    .toMatch(/^(node-search|Clear filters)$/)
  await expect(page.getByText(/it may have been deleted/)).toHaveCount(0)
  const deleted = page.getByTestId('toast').filter({ hasText: 'web-01 deleted' })
  await expect(deleted).toHaveCount(1)
  const titles = await page.getByTestId('toast').locator('.toast-title').allInnerTexts()
  expect(titles.findIndex((t) => t.startsWith('Couldn’t power on'))).toBeLessThan(
    titles.findIndex((t) => t.startsWith('web-01 deleted'))
  )
  await page.waitForTimeout(1500)
  await expect(deleted).toHaveCount(1)
  await look(page, 'detail-after-delete')
})

test('by keyboard, Power off keeps focus in the panel and says how it ended; Power on then has focus', async ({
  page,
  preview
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 })
  await exploreDemo(page, preview)
  await openNode(page, 'web-01')
  const panel = page.getByTestId('node-detail')
  await panel.getByRole('toolbar').getByRole('button', { name: 'Power off', exact: true }).focus()
  await page.keyboard.press('Enter')
  const confirm = page.getByRole('alertdialog', { name: 'Power off web-01?' })
  // Real transition times while the running state is checked (a 'fast' one, 2–6 s, can end before a busy machine
  // gets to the assertions); the simulator's clock then moves past it.
  await preview.hook('sim/setTransitions', { mode: 'real' })
  await confirm.getByRole('button', { name: 'Power off', exact: true }).focus()
  await page.keyboard.press('Enter')
  await expect(confirm).toBeHidden()
  // While it runs every action is disabled: focus waits on the heading, not on the page.
  await expect(panel.getByRole('heading', { level: 2, name: 'web-01' })).toBeFocused()
  await expect(panel.getByTestId('action-status')).toHaveText('web-01: Powering off…')
  await preview.hook('sim/advanceClock', { ms: 60_000 })
  await expect(panel.getByTestId('action-status')).toHaveText('web-01 is powered off.', { timeout: 30_000 })
  await expect(panel.getByRole('toolbar').getByRole('button', { name: 'Power on', exact: true })).toBeFocused()
})

test('copy the IP and the SSH command, and open MyAccount', async ({ page, preview }) => {
  await page.setViewportSize({ width: 1600, height: 1000 })
  await exploreDemo(page, preview)
  await openNode(page, 'web-01')
  const panel = page.getByTestId('node-detail')
  const ip = (
    await panel.locator('dd', { has: page.getByRole('button', { name: 'Copy public IP' }) }).innerText()
  ).trim()
  expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
  await panel.getByRole('button', { name: 'Copy public IP' }).click()
  await expect(panel.getByRole('status').filter({ hasText: 'Copied public IP' })).toBeAttached()
  await panel.getByRole('button', { name: 'Copy SSH command' }).click()
  await panel.getByRole('button', { name: 'More actions for web-01' }).click()
  await look(page, 'detail-more-menu')
  await page.getByRole('menuitem', { name: 'Open in MyAccount' }).click()
  const rec = await preview.hook<{ clipboard: string[]; external: string[] }>('recorded', {})
  expect(rec.clipboard).toEqual([ip, `ssh root@${ip}`])
  expect(rec.external).toEqual(['https://myaccount.e2enetworks.com/'])
})

/** Stops running nodes behind Nodetray's back, then refreshes: main's "stopped unexpectedly" notifications toast. */
async function raiseToasts(preview: import('./fixtures').PreviewHandle, names: string[]): Promise<void> {
  const snapshot = await preview.ipc<{ nodes: { id: number; name: string }[] }[]>('nodes:snapshot', {})
  for (const n of snapshot.flatMap((p) => p.nodes).filter((n) => names.includes(n.name)))
    await preview.hook('sim/setNode', { nodeId: n.id, status: 'Stopped' })
  await preview.ipc('nodes:refresh', {})
}

/** The control itself (or something inside it) is what a click at its centre lands on. */
async function expectClickable(target: import('@playwright/test').Locator): Promise<void> {
  const hit = await target.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return at !== null && (at === el || el.contains(at))
  })
  expect(hit).toBe(true)
}

test('toasts never cover the wizard’s fields or its Done button (800 × 600)', async ({ page, preview }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 800, height: 600 })
  await exploreDemo(page, preview)
  const profile = page.locator('select', { has: page.locator('option', { hasText: '(demo)' }) }).first()
  const delhi = profile.locator('option', { hasText: /default-project.*Delhi/ }).first()
  await profile.selectOption((await delhi.getAttribute('value')) ?? '')
  await page.getByRole('button', { name: 'Create node', exact: true }).click()
  const wizard = page.getByTestId('create-wizard')
  const next = wizard.getByRole('button', { name: 'Next' })
  await wizard.getByRole('radio', { name: 'Ubuntu 24.04' }).check()
  await next.click()
  await wizard.getByRole('radio', { name: 'C3.8GB', exact: true }).check()
  await next.click()
  const nameBox = wizard.getByLabel('Name', { exact: true })
  await nameBox.fill('toast-check')

  await raiseToasts(preview, ['web-01', 'web-chn-01', 'backup-node'])
  const toasts = page.getByTestId('toast')
  await expect(toasts.first()).toBeVisible({ timeout: 20_000 })
  await expectClickable(nameBox)
  await expectClickable(next)
  for (const t of await toasts.all()) await expect(t).toBeInViewport()
  await look(page, 'wizard-options-with-toasts')

  const firstKey = wizard.getByRole('group', { name: 'SSH keys' }).getByRole('checkbox').first()
  if ((await firstKey.count()) > 0) await firstKey.check()
  await next.click()
  await wizard.getByRole('button', { name: 'Create node' }).click()
  const done = wizard.getByRole('button', { name: 'Done' })
  await expect(wizard.getByTestId('cw-follow-summary')).toHaveText('The node is running.', { timeout: 60_000 })
  await raiseToasts(preview, ['gpu-trainer', 'data-lake-01'])
  await expect(toasts.filter({ hasText: 'gpu-trainer' })).toBeVisible({ timeout: 20_000 })
  await expectClickable(done)
  await look(page, 'wizard-done-with-toasts')
  await done.click()
  await expect(wizard).toBeHidden()
})

test('a detail opened before its code came in keeps its state when the list changes (menu, focus)', async ({
  page,
  preview
}) => {
  // On a busy machine the detail's chunk can land after the user opened a node, and the list can change while it
  // loads. The panel must then be the same panel on every later render: remounted, it would drop an open menu, an
  // inline error or a delete in progress, and pull focus back to its heading.
  let release!: () => void
  const held = new Promise<void>((r) => (release = r))
  await page.route(/NodeDetailPanel-[\w-]+\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await page.setViewportSize({ width: 1600, height: 1000 })
  await exploreDemo(page, preview)
  const snapshot = await preview.ipc<{ nodes: { id: number; name: string }[] }[]>('nodes:snapshot', {})
  const other = snapshot.flatMap((p) => p.nodes).find((n) => n.name === 'api-staging')
  expect(other, 'the demo has api-staging').toBeDefined()
  const changeTheList = async (isLocked: boolean) => {
    await preview.hook('sim/setNode', { nodeId: other?.id, isLocked })
    await preview.ipc('nodes:refresh', {})
    await page.evaluate(() => new Promise((r) => setTimeout(r, 700)))
  }
  await page.getByRole('button', { name: 'web-01', exact: true }).click()
  await expect(page.getByText('Loading details…')).toBeVisible()
  // Main's answer to a refresh re-renders the list, and the panel beside it, while the panel's code is on its way.
  await changeTheList(true)
  release()
  const panel = page.getByTestId('node-detail')
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('web-01')
  await panel.getByRole('button', { name: 'More actions for web-01' }).click()
  const menu = page.getByRole('menu')
  await expect(menu).toBeVisible()
  const focusedItem = await page.evaluate(() => document.activeElement?.textContent ?? '')
  expect(focusedItem).not.toBe('')
  await changeTheList(false)
  // The same menu, still open, with focus where it was.
  await expect(menu).toBeVisible()
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(focusedItem)
  await page.getByRole('menuitem', { name: 'Open in MyAccount' }).click()
  expect((await preview.hook<{ external: string[] }>('recorded', {})).external).toEqual([
    'https://myaccount.e2enetworks.com/'
  ])
})
