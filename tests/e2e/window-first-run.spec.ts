// First run on a fresh install, as the app starts (`--demo opt-in`): nothing is shown before the user picks a way
// in; the demo sandbox exists only once it is picked, in the window and the tray.
import { test, expect } from './fixtures'
import { join } from 'node:path'
import { checkScreen, expectAccessible, expectFirstRun } from './window-helpers'

test.use({ hostOptions: { demo: 'opt-in' } })

test('a fresh install shows no demo until the user picks it; then the window and the tray show it, marked', async ({
  page,
  browser,
  preview
}) => {
  await expectFirstRun(page, preview)
  const firstRun = page.getByTestId('first-run')
  await expect(firstRun.getByRole('button', { name: /Add your E2E project/ })).toBeVisible()
  await expect(firstRun.getByRole('button', { name: /Import a token file/ })).toBeVisible()
  const demo = firstRun.getByRole('button', { name: /Explore the demo/ })
  await expect(demo).toBeVisible()
  await expect(demo).toContainText('Nothing you do there is real')
  await expect(demo.locator('.badge-demo')).toHaveText('Demo sandbox')
  await checkScreen(page, 'first-run')

  // Not switched on before the pick: main lists nothing, the tray has no demo section.
  expect(await preview.ipc<unknown[]>('profiles:list')).toEqual([])
  expect(await preview.ipc('app:info')).toMatchObject({ demoMode: false, demoAvailable: true })
  // axe wants a page of its own context.
  const trayContext = await browser.newContext({ viewport: { width: 380, height: 560 } })
  const tray = await trayContext.newPage()
  await tray.goto(`${preview.origin}/tray#secret=${preview.secret}`)
  await expect(tray.getByText(/No profiles yet/)).toBeVisible()
  await expect(tray.getByTestId('glance-section')).toHaveCount(0)

  await demo.click()
  await expect(page.getByRole('button', { name: 'web-01', exact: true })).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('first-run')).toHaveCount(0)
  expect(await preview.ipc('settings:get')).toMatchObject({ showDemo: true, hideDemo: false })

  // The tray follows at once, and marks each demo section.
  await expect(tray.getByTestId('glance-section')).toHaveCount(4, { timeout: 20_000 })
  await expect(tray.getByTestId('glance-section').first().locator('.badge-demo')).toHaveText('Demo')
  await expect(tray.locator('[data-testid="glance-row"][data-demo="true"]').first()).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await tray.emulateMedia({ colorScheme: scheme })
    await tray.waitForTimeout(150)
    await expectAccessible(tray, `tray with the demo (${scheme})`)
    await tray.screenshot({ path: join('artifacts', 'onboard', `tray-demo-${scheme}.png`) })
  }
  await trayContext.close()

  // The choice sticks across a reload.
  await page.reload()
  await expect(page.getByRole('button', { name: 'web-01', exact: true })).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('first-run')).toHaveCount(0)
})

test('first run: the add-project form and the import choice', async ({ page, preview }) => {
  await expectFirstRun(page, preview)
  await page.getByRole('button', { name: /Add your E2E project/ }).click()
  await expect(page.getByTestId('profile-form')).toBeVisible()
  await page.getByRole('button', { name: 'Add profile' }).click()
  await expect(page.getByTestId('error-name')).toHaveText('Name is required')
  await checkScreen(page, 'first-run-add-profile')
  await page.getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('button', { name: /Import a token file/ }).click()
  await page.getByRole('button', { name: 'MyAccount token file…' }).click()
  // The preview shows the native open-file dialog as a modal; cancelling returns to the choice.
  const dialog = page.getByTestId('native-dialog')
  await expect(dialog).toBeVisible()
  await checkScreen(page, 'native-open-dialog')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByText('No file chosen.')).toBeVisible()
})
