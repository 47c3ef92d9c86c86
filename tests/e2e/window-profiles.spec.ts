import { test, expect } from './fixtures'
import { checkScreen, exploreDemo } from './window-helpers'

test('adding a profile: a wrong token is refused, the right one works', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  const { baseUrl } = await preview.hook<{ baseUrl: string }>('sim/start', {})
  const added = await preview.hook<{
    result: { apiKey: string; authToken: string; projects: { projectId: number; name: string }[] }
  }>('sim/addAccount', {
    projects: [{ name: 'team-alpha', isDefault: true }, { name: 'team-beta' }]
  })
  const account = added.result

  await page.getByRole('tab', { name: 'Profiles' }).click()
  await expect(page.getByRole('heading', { name: 'Profiles', exact: true })).toBeVisible()
  await checkScreen(page, 'profiles')
  await page.getByRole('button', { name: 'Add profile' }).click()
  const form = page.getByTestId('profile-form')
  await form.getByLabel('Name').fill('Team Alpha')
  await form.getByLabel('API key').fill(account.apiKey)
  await form.getByLabel('Auth token').fill('wrong' + 'x'.repeat(40))
  await form.locator('summary').click()
  await form.getByLabel('API base URL').fill(baseUrl)

  // Checking the wrong token shows the rejection where it happened.
  await form.getByRole('button', { name: 'Check credentials' }).click()
  await expect(form.getByRole('alert')).toContainText(/rejected|expired|invalid|token/i)
  await form.getByLabel('Project id').fill(String(account.projects[0]?.projectId))
  await form.getByRole('button', { name: 'Add profile' }).click()
  // The form tries the credentials first: the rejection lands on the token field and nothing is saved.
  await expect(form.getByTestId('error-authToken')).toContainText(/rejected|expired|invalid|token/i)
  await checkScreen(page, 'profile-form-error')
  expect((await preview.ipc<{ name: string }[]>('profiles:list')).map((p) => p.name)).not.toContain('Team Alpha')

  await form.getByLabel('Auth token').fill(account.authToken)
  await form.getByRole('button', { name: 'Check credentials' }).click()
  await form.getByRole('radio', { name: /team-beta/ }).check()
  await expect(form.getByLabel('Project id')).toHaveValue(String(account.projects[1]?.projectId))
  await form.getByRole('button', { name: 'Add profile' }).click()
  await expect(page.getByTestId('profile-form')).toHaveCount(0)
  const card = page.getByTestId('profile-card').filter({ hasText: 'Team Alpha' })
  await expect(card).toContainText(`project ${account.projects[1]?.projectId}`)
  await expect(card).toContainText(`key …${account.apiKey.slice(-4)}`)
  // The first profile of the user's own: the demo sandbox hid itself.
  expect((await preview.ipc<{ isDemo: boolean }[]>('profiles:list')).some((p) => p.isDemo)).toBe(false)
  await checkScreen(page, 'profiles-with-user')
})

test('the add form keeps focus through a check, names the real problem, and asks before discarding typed work', async ({
  page,
  preview
}, testInfo) => {
  await page.setViewportSize({ width: 800, height: 600 })
  await exploreDemo(page, preview)
  const { baseUrl } = await preview.hook<{ baseUrl: string }>('sim/start', {})
  const added = await preview.hook<{
    result: { apiKey: string; authToken: string; projects: { projectId: number; name: string }[] }
  }>('sim/addAccount', { projects: [{ name: 'team-alpha', isDefault: true }] })
  const account = added.result
  // Each credential check waits until the test lets it go, to see the button while the check runs.
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  let checks = 0
  await page.route('**/ipc/profiles:check-credentials', async (route) => {
    checks += 1
    await held
    await route.continue()
  })

  await page.getByRole('tab', { name: 'Profiles' }).click()
  await page.getByRole('button', { name: 'Add profile' }).click()
  const form = page.getByTestId('profile-form')
  // Taller than 800 × 600: its body scrolls, its title and its buttons stay in view (they scrolled away with the
  // whole backdrop before).
  const dialog = page.getByRole('dialog', { name: 'Add profile' })
  await expect(dialog.getByRole('heading', { name: 'Add profile' })).toBeInViewport({ ratio: 1 })
  await expect(form.getByRole('button', { name: 'Add profile' })).toBeInViewport({ ratio: 1 })
  await expect(form.getByRole('button', { name: 'Cancel' })).toBeInViewport({ ratio: 1 })
  await form.getByLabel('Name').fill('Team Alpha')
  await form.getByLabel('API key').fill(account.apiKey)
  await form.locator('summary').click()
  await form.getByLabel('API base URL').fill(baseUrl)
  await form.getByLabel('Auth token').fill('too-short')
  // Straight from the field to the button: the field's message waits for the press to end, so the click lands.

  // Both fields are filled, the token is too short: the check says exactly that, as the field does.
  const check = form.getByRole('button', { name: /^(Check credentials|Checking…)$/ })
  await check.click()
  await expect(form.getByRole('alert')).toHaveText('Auth token looks too short.')
  await expect(form.getByTestId('error-authToken')).toHaveText('Auth token looks too short')
  expect(checks).toBe(0)

  // Enter on the button: focus stays on it during the check and after, and a second Enter starts nothing.
  await form.getByLabel('Auth token').fill(account.authToken)
  await check.focus()
  await page.keyboard.press('Enter')
  await expect(check).toHaveText('Checking…')
  await expect(check).toHaveAttribute('aria-disabled', 'true')
  await expect(check).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(() => checks).toBe(1)
  release()
  await expect(form.getByRole('status').filter({ hasText: 'Credentials work' })).toBeVisible()
  await expect(check).toHaveText('Check credentials')
  await expect(check).toBeFocused()
  expect(checks).toBe(1)

  // Esc reaches the dialog again, and with typed work it asks; keeping is the default.
  await page.keyboard.press('Escape')
  const ask = page.getByRole('alertdialog', { name: 'Discard this profile?' })
  await expect(ask).toBeVisible()
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await checkScreen(page, 'profile-discard')
  await page.screenshot({ path: testInfo.outputPath('profile-discard-800x600.png') })
  await page.keyboard.press('Escape')
  await expect(ask).toHaveCount(0)
  await expect(form.getByLabel('Name')).toHaveValue('Team Alpha')
  await expect(form.getByLabel('Auth token')).toHaveValue(account.authToken)
  await expect(check).toBeFocused()

  // Cancel asks too; Discard closes the form, and it opens again empty.
  await form.getByRole('button', { name: 'Cancel', exact: true }).click()
  await ask.getByRole('button', { name: 'Discard' }).click()
  await expect(page.getByTestId('profile-form')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Add profile' })).toBeFocused()
  expect((await preview.ipc<{ name: string }[]>('profiles:list')).map((p) => p.name)).not.toContain('Team Alpha')
  await page.getByRole('button', { name: 'Add profile' }).click()
  await expect(form.getByLabel('Name')).toHaveValue('')
  // Untouched, Esc closes at once.
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('profile-form')).toHaveCount(0)
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
})

test('settings change and stick', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await page.getByRole('tab', { name: 'Settings' }).click()
  const interval = page.getByLabel(/Poll interval/)
  await interval.fill('5')
  await expect(page.getByText('At least 15 seconds')).toBeVisible()
  await interval.fill('120')
  await page.getByRole('button', { name: 'Save interval' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await page.getByLabel('Start hidden').check()
  await checkScreen(page, 'settings')
  const saved = await preview.ipc<{ steadyIntervalSec: number; startHidden: boolean }>('settings:get')
  expect(saved.steadyIntervalSec).toBe(120)
  expect(saved.startHidden).toBe(true)
})

test('a screen whose code fails to load says so in place, and Try again opens it once it loads', async ({
  page,
  preview
}) => {
  let failing = true
  await page.route(/\/assets\/SettingsScreen-[^/]+\.js$/, (route) => (failing ? route.abort() : route.continue()))
  await exploreDemo(page, preview)
  await page.getByRole('tab', { name: 'Settings' }).click()
  const error = page.getByTestId('screen-error')
  await expect(error).toContainText('could not be shown')
  // The rest of the window still works.
  await expect(page.getByRole('tab', { name: 'Nodes' })).toBeVisible()
  await checkScreen(page, 'screen-error')
  failing = false
  await error.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByTestId('screen-error')).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
})
