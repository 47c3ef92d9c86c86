import { test, expect } from './fixtures'
import { checkScreen, openApp } from './window-helpers'

test('first run offers the demo, a profile and an import; the demo opens the node list', async ({ page, preview }) => {
  await openApp(page, preview)
  const firstRun = page.getByTestId('first-run')
  await expect(firstRun).toBeVisible()
  await expect(firstRun.getByRole('button', { name: /Explore the demo/ })).toBeVisible()
  await expect(firstRun.getByRole('button', { name: /Add a profile/ })).toBeVisible()
  await expect(firstRun.getByRole('button', { name: /Import/ })).toBeVisible()
  await checkScreen(page, 'first-run')

  await firstRun.getByRole('button', { name: /Explore the demo/ }).click()
  await expect(page.getByRole('button', { name: 'web-01', exact: true })).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('data-age')).toContainText(/Updated|Refreshing/)
  await expect(page.getByTestId('polling-status')).toContainText('Polling')
  await checkScreen(page, 'node-list')

  // The choice sticks across a reload.
  await page.reload()
  await expect(page.getByRole('button', { name: 'web-01', exact: true })).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('first-run')).toHaveCount(0)
})

test('first run: the add-profile form and the import choice', async ({ page, preview }) => {
  await openApp(page, preview)
  await page.getByRole('button', { name: /Add a profile/ }).click()
  await expect(page.getByTestId('profile-form')).toBeVisible()
  await page.getByRole('button', { name: 'Add profile' }).click()
  await expect(page.getByTestId('error-name')).toHaveText('Name is required')
  await checkScreen(page, 'first-run-add-profile')
  await page.getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('button', { name: /^Import/ }).click()
  await page.getByRole('button', { name: 'MyAccount token file…' }).click()
  // The preview shows the native open-file dialog as a modal; cancelling returns to the choice.
  const dialog = page.getByTestId('native-dialog')
  await expect(dialog).toBeVisible()
  await checkScreen(page, 'native-open-dialog')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByText('No file chosen.')).toBeVisible()
})
