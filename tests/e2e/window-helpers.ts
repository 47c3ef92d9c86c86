// Shared steps for the window specs: open the app, take the demo path, check accessibility and screenshot
// a screen in light AND dark.
import type { Locator, Page } from '@playwright/test'
import { axeViolations } from './axe'
import { expect, shoot, type PreviewHandle } from './fixtures'

export interface DemoInfo {
  apiKey: string
  authToken: string
  projects: { projectId: number; name: string; isDefault: boolean }[]
  locations: ('Delhi' | 'Chennai')[]
}

export interface OwnProfile {
  profileId: string
  apiKey: string
  authToken: string
}

/** A profile of the user's own, made through IPC as the form makes it, on a new simulator account whose one project
 * (named after the profile) has `count` nodes in Delhi. */
export async function addOwnProfile(
  preview: PreviewHandle,
  opts: { name: string; count: number; status: 'running' | 'mixed'; namePrefix?: string }
): Promise<OwnProfile> {
  const { baseUrl } = await preview.hook<{ baseUrl: string }>('sim/start', {})
  const { result: account } = await preview.hook<{
    result: { apiKey: string; authToken: string; projects: { projectId: number }[] }
  }>('sim/addAccount', { projects: [{ name: opts.name.toLowerCase(), isDefault: true }] })
  const projectId = account.projects[0]?.projectId ?? 0
  await preview.hook('sim/addNodes', {
    apiKey: account.apiKey,
    projectId,
    location: 'Delhi',
    count: opts.count,
    status: opts.status,
    ...(opts.namePrefix ? { namePrefix: opts.namePrefix } : {})
  })
  const created = await preview.ipc<{ id: string }>('profiles:create', {
    name: opts.name,
    projectId: String(projectId),
    location: 'Delhi',
    apiKey: account.apiKey,
    authToken: account.authToken,
    apiBaseUrl: baseUrl
  })
  return { profileId: created.id, apiKey: account.apiKey, authToken: account.authToken }
}

export async function openApp(page: Page, preview: PreviewHandle): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(preview.url)
  await expect(page.getByTestId('app-version')).toContainText('v')
}

/** First run → "Explore the demo sandbox" → the demo's node list. */
export async function exploreDemo(page: Page, preview: PreviewHandle): Promise<void> {
  await openApp(page, preview)
  // `--demo on` (the fixtures' default, as `npm start`) opens on the demo list; an opt-in host asks first.
  const explore = page.getByRole('button', { name: /Explore the demo/ })
  const row = page.getByTestId('node-row').first()
  await expect(explore.or(row)).toBeVisible({ timeout: 20_000 })
  if (await explore.isVisible()) await explore.click()
  await expect(row).toBeVisible({ timeout: 20_000 })
}

/** On a host started with `demo: 'opt-in'`: the first-run screen of a fresh install. */
export async function expectFirstRun(page: Page, preview: PreviewHandle): Promise<void> {
  await openApp(page, preview)
  await expect(page.getByTestId('first-run')).toBeVisible()
}

export async function demoInfo(preview: PreviewHandle): Promise<DemoInfo> {
  const r = await preview.hook<{ demo: DemoInfo }>('sim/now', {})
  return r.demo
}

/** Zero serious or critical axe violations on what is on screen now. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const bad = (await axeViolations(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`
    )
  expect(bad, `axe on ${label}`).toEqual([])
}

/** Axe and a screenshot in light, then the same in dark; leaves the page in light. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    // Let transitions and late renders settle before judging contrast.
    await page.waitForTimeout(150)
    await expectAccessible(page, `${name} (${scheme})`)
    await shoot(page, name)
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

export function nodeRow(page: Page, name: string) {
  return page.getByTestId('node-row').filter({ has: page.getByRole('button', { name, exact: true }) })
}

export async function openNode(page: Page, name: string): Promise<void> {
  await page.getByTestId('node-search').fill(name)
  await nodeRow(page, name).getByRole('button', { name, exact: true }).click()
  await expect(page.getByTestId('node-detail').getByRole('heading', { level: 2 })).toHaveText(name)
}

/**
 * The preview's stand-in for native dialogs (DialogHost) is a lazy chunk loaded once the page is idle; a dialog
 * requested before it mounted is not shown. Wait for it before opening a file dialog.
 */
export async function waitForDialogHost(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /DialogHost/.test(e.name))), {
      timeout: 15_000
    })
    .toBe(true)
  await page.waitForTimeout(200)
}

/** `count` more nodes in the demo's first project and location, named `<prefix>-1…`, in the given E2E status. */
export async function addDemoNodes(
  preview: PreviewHandle,
  count: number,
  prefix: string,
  status = 'Failed'
): Promise<void> {
  const demo = await demoInfo(preview)
  const project = demo.projects[0]
  if (!project) throw new Error('demo has no project')
  await preview.hook('sim/addNodes', {
    apiKey: demo.apiKey,
    projectId: project.projectId,
    location: demo.locations[0],
    count,
    status,
    namePrefix: prefix
  })
}

/** The wizard on one demo profile (the first Chennai one when the list shows "All profiles", whose wizard would ask
 * where the node goes first; that has its own flow). */
export async function openWizard(page: Page, preview: PreviewHandle, opts: { goto?: boolean } = {}): Promise<Locator> {
  if (opts.goto !== false) await page.goto(preview.url)
  const create = page.getByRole('button', { name: 'Create node', exact: true })
  const demo = page.getByRole('button', { name: /Explore the demo/ })
  await expect(create.or(demo).first()).toBeVisible({ timeout: 20_000 })
  if (await demo.isVisible()) await demo.click()
  await expect(create).toBeVisible()
  // From "All profiles" the wizard would ask where the node goes first; these flows start on one demo profile.
  const picker = page.getByTestId('profile-picker')
  const onAll = (await picker.count()) > 0 && (await picker.locator('option:checked').textContent()) === 'All profiles'
  if (onAll || (await create.isDisabled())) {
    const profile = page.locator('select', { has: page.locator('option', { hasText: '(demo)' }) }).first()
    const chennai = profile.locator('option', { hasText: /Chennai.*\(demo\)/ })
    const option =
      (await chennai.count()) > 0 ? chennai.first() : profile.locator('option', { hasText: '(demo)' }).first()
    await profile.selectOption((await option.getAttribute('value')) ?? '')
  }
  await create.click()
  const wizard = page.getByTestId('create-wizard')
  await expect(wizard).toBeVisible()
  return wizard
}

/** The next create's reply is lost although E2E made the node: the simulator applies the POST, then answers it with an
 * HTML 429, so Nodetray cannot tell from the reply whether the node exists. */
export async function loseNextCreateReply(preview: PreviewHandle): Promise<void> {
  await preview.hook('sim/injectFault', {
    kind: 'http429',
    html: true,
    applyChange: true,
    method: 'POST',
    route: 'POST nodes/',
    times: 1
  })
}
