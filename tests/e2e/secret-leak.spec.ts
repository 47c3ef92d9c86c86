// Through the preview host, as a user: create a profile with known secrets in the form, drive failures
// (HTML 429, 5xx, dropped connections, an expired token), visit every screen, then search everything the page
// and the host hold: every IPC reply, every pushed event, the DOM, web storage, the host's log and every file
// in its data folder. Zero hits.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { exploreDemo } from './window-helpers'

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
const KEY = 'feedc0de-5ec7-4e75-9a11-ca7a7c1e0a01'
const TOKEN = `${b64({ alg: 'RS256' })}.${b64({ exp: 4102444800, sub: 'e2e-leak-canary' })}.bGVhay1jYW5hcnktc2lnbmF0dXJl`
const CANARIES = [KEY, TOKEN, TOKEN.split('.')[1]!, TOKEN.split('.')[2]!]

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

test('no secret reaches the page, its storage, the host log or the data folder', async ({ page, preview }) => {
  // Record every message the host pushes to the page: tee the bridge's event stream before the page reads it.
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __sse: string[] }).__sse = seen
    const native = window.fetch.bind(window)
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await native(input, init)
      const url = input instanceof Request ? input.url : String(input)
      if (new URL(url, location.href).pathname !== '/events' || !res.body) return res
      const [mine, theirs] = res.body.tee()
      void (async () => {
        const reader = mine.pipeThrough(new TextDecoderStream()).getReader()
        let buffered = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) return
          buffered += value
          let end: number
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            const frame = buffered.slice(0, end)
            buffered = buffered.slice(end + 2)
            for (const line of frame.split('\n')) if (line.startsWith('data: ')) seen.push(line.slice(6))
          }
        }
      })()
      return new Response(theirs, { status: res.status, statusText: res.statusText, headers: res.headers })
    }
  })
  const replies: string[] = []
  page.on('response', (res) => {
    if (res.url().includes('/ipc/'))
      void res.text().then(
        (t) => replies.push(t),
        () => undefined
      )
  })

  await exploreDemo(page, preview)
  const { baseUrl } = await preview.hook<{ baseUrl: string }>('sim/start', {})
  const { result: account } = await preview.hook<{ result: { projects: { projectId: number }[] } }>('sim/addAccount', {
    apiKey: KEY,
    authToken: TOKEN,
    projects: [{ name: 'leak-audit', isDefault: true }]
  })
  await preview.hook('sim/addNodes', {
    apiKey: KEY,
    projectId: account.projects[0]!.projectId,
    location: 'Delhi',
    count: 3,
    status: 'Running'
  })

  await page.getByRole('tab', { name: 'Profiles' }).click()
  await page.getByRole('button', { name: 'Add profile' }).click()
  const form = page.getByTestId('profile-form')
  await form.getByLabel('Name').fill('Leak Audit')
  await form.getByLabel('API key').fill(KEY)
  await form.getByLabel('Auth token').fill(TOKEN)
  await form.locator('summary').click()
  await form.getByLabel('API base URL').fill(baseUrl)
  await form.getByLabel('Project id').fill(String(account.projects[0]!.projectId))
  await form.getByRole('button', { name: 'Add profile' }).click()
  await expect(page.getByTestId('profile-form')).toHaveCount(0)
  const profileId = (await preview.ipc<{ id: string; name: string }[]>('profiles:list')).find(
    (p) => p.name === 'Leak Audit'
  )!.id

  // Failure paths, each followed by a refresh the page sees.
  const faults = [
    { kind: 'http429', html: true },
    { kind: 'http5xx', status: 502, body: 'html' },
    { kind: 'http5xx', status: 500, body: 'json' },
    { kind: 'errorsInside200' },
    { kind: 'drop' }
  ]
  await page.getByRole('tab', { name: 'Nodes' }).click()
  for (const fault of faults) {
    await preview.hook('sim/injectFault', { ...fault, times: 3 })
    await preview.ipc('nodes:refresh', { profileId })
    await page
      .getByRole('button', { name: /Refresh/ })
      .first()
      .click()
    await preview.hook('sim/clearFaults', {})
  }
  await preview.hook('sim/expireToken', { arg: TOKEN })
  await preview.ipc('nodes:refresh', { profileId })
  await expect(page.getByText(/credentials|token|rejected/i).first()).toBeVisible()
  for (const tab of ['Profiles', 'Settings', 'Nodes']) {
    await page.getByRole('tab', { name: tab }).click()
    await page.waitForTimeout(200)
  }

  const places: { where: string; text: string }[] = []
  for (const r of replies) places.push({ where: 'ipc reply', text: r })
  for (const m of await page.evaluate(() => (window as unknown as { __sse: string[] }).__sse))
    places.push({ where: 'event', text: m })
  places.push({ where: 'DOM', text: await page.content() })
  places.push({
    where: 'storage',
    text: await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))
  })
  places.push({
    where: 'input values',
    text: await page.evaluate(() =>
      [...document.querySelectorAll('input, textarea')].map((i) => (i as HTMLInputElement).value).join('\n')
    )
  })
  for (const line of preview.logs) places.push({ where: 'host log', text: line })
  const files = filesUnder(preview.dataDir)
  for (const f of files)
    places.push({ where: `file ${f.slice(preview.dataDir.length)}`, text: readFileSync(f, 'latin1') })

  const hits = places.filter((p) => CANARIES.some((c) => p.text.includes(c))).map((p) => p.where)
  console.log(
    `secret-leak (preview host): ${places.length} places searched (${replies.length} IPC replies, ${places.filter((p) => p.where === 'event').length} events, DOM, storage, inputs, ${preview.logs.length} log chunks, ${files.length} files), ${hits.length} hits`
  )
  expect(hits).toEqual([])
  // The audit is only worth something if the failures really reached the page.
  const errorCodes = new Set(
    places
      .filter((p) => p.where === 'event')
      .flatMap((p) => [...p.text.matchAll(/"code":"([A-Z_]+)"/g)].map((m) => m[1]))
  )
  expect([...errorCodes].sort()).toEqual(expect.arrayContaining(['AUTH', 'RATE_LIMITED', 'SERVER']))
  expect(files.some((f) => f.endsWith('profiles.json'))).toBe(true)
})
