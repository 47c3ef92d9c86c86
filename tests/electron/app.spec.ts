// The real Electron app end to end: window, tray, an IPC round trip, the tray popover when there is one, and a
// create and a delete on the demo. It needs Electron's binary; `npm run test:electron` skips it where there is none.
import { expect, test } from '@playwright/test'
import { invoke, launchApp, type LaunchedApp } from './electron-app'

let launched: LaunchedApp

test.beforeEach(async () => {
  launched = await launchApp()
})
test.afterEach(async () => {
  await launched?.close()
})

test('the window loads our page from app://, isolated, and an IPC call round-trips', async () => {
  const { app, window } = launched
  await expect(window.getByTestId('app-version')).toContainText('v')
  expect(window.url()).toMatch(/^app:\/\/nodetray\/index\.html(#.*)?$/)
  // The page has the contract's bridge and nothing of Node.
  expect(await window.evaluate(() => typeof (globalThis as Record<string, unknown>).require)).toBe('undefined')
  const info = await invoke<{ name: string; preview: boolean; version: string }>(window, 'app', 'info')
  expect(info).toMatchObject({ name: 'Nodetray', preview: false })
  expect(info.version).toBe(await app.evaluate(({ app: electronApp }) => electronApp.getVersion()))
  // file:// is not ours: the page cannot read local files.
  const fileRead = await window.evaluate(() =>
    fetch('file:///etc/hosts').then(
      () => 'read',
      () => 'refused'
    )
  )
  expect(fileRead).toBe('refused')
})

test('the tray has a menu (or, with no tray host, the window stays up), and the popover shows when present', async () => {
  const { app, window } = launched
  const model = await invoke<{ items: { id: string }[] }>(window, 'tray', 'model')
  expect(model.items.map((i) => i.id)).toContain('window:open')
  const windows = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => ({ url: w.webContents.getURL(), visible: w.isVisible() }))
  )
  expect(windows.some((w) => w.url.startsWith('app://nodetray/index.html'))).toBe(true)
  const popover = app.windows().find((p) => /tray/.test(p.url()))
  if (popover) await expect(popover.locator('body')).not.toBeEmpty()
})

test('creates a node on the demo, then deletes it', async () => {
  const { window } = launched
  await window.getByRole('button', { name: /Explore the demo/ }).click()
  await expect(window.getByTestId('node-row').first()).toBeVisible({ timeout: 30_000 })

  const create = window.getByRole('button', { name: 'Create node', exact: true })
  if (await create.isDisabled()) {
    const profile = window.locator('select', { has: window.locator('option', { hasText: '(demo)' }) }).first()
    const option = profile.locator('option', { hasText: '(demo)' }).first()
    await profile.selectOption((await option.getAttribute('value')) ?? '')
  }
  await create.click()
  const wizard = window.getByTestId('create-wizard')
  const next = wizard.getByRole('button', { name: 'Next' })
  await expect(wizard.getByTestId('cw-location')).not.toBeEmpty()
  // Location and OS share the wizard's first step.
  await wizard.getByRole('radio', { name: 'Ubuntu 24.04' }).check()
  await next.click()
  await wizard.getByRole('radio', { name: 'C3.8GB', exact: true }).check()
  await next.click()
  await wizard.getByLabel('Name', { exact: true }).fill('electron-e2e-01')
  const firstKey = wizard.getByRole('group', { name: 'SSH keys' }).getByRole('checkbox').first()
  if ((await firstKey.count()) > 0) await firstKey.check()
  await next.click()
  await wizard.getByRole('button', { name: 'Create node' }).click()
  const row = wizard.getByTestId('cw-follow-row').filter({ hasText: 'electron-e2e-01' })
  await expect(row).toBeVisible()
  // Deleting waits for a settled node, as a user would: the demo runs the node up in seconds.
  await expect(row.getByText('Running')).toBeVisible({ timeout: 60_000 })
  await wizard.getByRole('button', { name: 'Done' }).click()
  await expect(wizard).toBeHidden()

  await window.getByTestId('node-search').fill('electron-e2e-01')
  await window.getByRole('button', { name: 'electron-e2e-01', exact: true }).click()
  await window.getByTestId('delete-node').click()
  const dialog = window.getByTestId('delete-dialog')
  await dialog.getByLabel(/to confirm/).fill('electron-e2e-01')
  await dialog.getByRole('button', { name: 'Delete node' }).click()
  await window.getByTestId('node-search').fill('')
  await expect(window.getByRole('button', { name: 'electron-e2e-01', exact: true })).toHaveCount(0, {
    timeout: 30_000
  })
})
