import { test, expect } from './fixtures'
import { checkScreen, exploreDemo } from './window-helpers'

test('tray preview renders the menu and its items act', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await page.getByRole('tab', { name: 'Tray' }).click()
  const tray = page.getByTestId('tray-preview')
  await expect(tray).toBeVisible()
  await expect(tray.getByRole('list', { name: 'Tray menu' })).toBeVisible()
  // Expand the first submenu that exists (a profile or node).
  const firstSub = tray.locator('button[aria-expanded]').first()
  if ((await firstSub.count()) > 0) {
    const id = await firstSub.getAttribute('data-item-id')
    const sub = tray.locator(`button[data-item-id="${id}"]`)
    await sub.click()
    await expect(sub).toHaveAttribute('aria-expanded', 'true')
  }
  await checkScreen(page, 'tray-preview')
  // "Settings" in the tray navigates the window.
  const settingsItem = tray.getByRole('button', { name: /Settings/ }).first()
  if ((await settingsItem.count()) > 0) {
    await settingsItem.click()
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
  }
})
