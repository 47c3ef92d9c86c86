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
