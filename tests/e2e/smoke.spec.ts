import { test, expect, shoot } from './fixtures'

test('the page loads through the preview host and shows app:info', async ({ page, preview }) => {
  const ipcSecrets: (string | undefined)[] = []
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.startsWith('/ipc/')) ipcSecrets.push(req.headers()['x-nodetray-secret'])
  })
  await page.goto(preview.url)
  // The bridge took the secret from the fragment: gone from the address bar and the history entry, never a cookie.
  await expect(page).toHaveURL(`${preview.origin}/`)
  expect(await page.evaluate(() => location.hash)).toBe('')
  expect((await page.context().cookies()).map((c) => c.name)).toEqual([])
  await expect.poll(() => ipcSecrets.length).toBeGreaterThan(0)
  expect(new Set(ipcSecrets)).toEqual(new Set([preview.secret]))
  const info = await preview.ipc<{ version: string; preview: boolean }>('app:info')
  expect(info.preview).toBe(true)
  await expect(page.getByTestId('app-version')).toHaveText(new RegExp(info.version.replace(/\./g, '\\.')))
  await shoot(page, 'smoke')
})

test('a request without the secret is refused', async ({ preview }) => {
  const res = await fetch(`${preview.origin}/ipc/app:info`, {
    method: 'POST',
    body: '{}',
    headers: { 'content-type': 'application/json' }
  })
  expect(res.status).toBe(403)
  const wrong = await fetch(`${preview.origin}/ipc/app:info`, {
    method: 'POST',
    body: '{}',
    headers: { 'content-type': 'application/json', 'x-nodetray-secret': 'not-the-secret' }
  })
  expect(wrong.status).toBe(403)
  const cookieOnly = await fetch(`${preview.origin}/ipc/app:info`, {
    method: 'POST',
    body: '{}',
    headers: { 'content-type': 'application/json', cookie: `nodetray_preview=${preview.secret}` }
  })
  expect(cookieOnly.status).toBe(403)
  expect((await fetch(`${preview.origin}/events`)).status).toBe(403)
})

test('a reload keeps the window working; a page opened without the secret cannot call main', async ({
  page,
  browser,
  preview
}) => {
  await page.goto(preview.url)
  // `--demo on`, as `npm start`: the window opens on the demo list.
  await expect(page.getByTestId('node-row').first()).toBeVisible()
  await expect(page.getByTestId('first-run')).toHaveCount(0)
  await page.reload()
  await expect(page.getByTestId('node-row').first()).toBeVisible()
  // Another tab on the bare address (no fragment) gets the page but no answers from main.
  const other = await browser.newPage()
  const refused: number[] = []
  other.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/ipc/')) refused.push(res.status())
  })
  await other.goto(`${preview.origin}/`)
  await expect(other.getByTestId('first-run')).toHaveCount(0)
  await expect(other.getByTestId('node-row')).toHaveCount(0)
  expect(refused.filter((s) => s === 200)).toEqual([])
  await other.close()
})

test('a request from another origin is refused even with the secret', async ({ preview }) => {
  const res = await fetch(`${preview.origin}/ipc/app:info`, {
    method: 'POST',
    body: '{}',
    headers: { 'content-type': 'application/json', 'x-nodetray-secret': preview.secret, origin: 'http://evil.example' }
  })
  expect(res.status).toBe(403)
})

test('npm run preview:web prints a 127.0.0.1 URL on its own line and serves the app', async ({ page }) => {
  const { spawn } = await import('node:child_process')
  const { mkdtempSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { createInterface } = await import('node:readline')
  const dir = mkdtempSync(join(tmpdir(), 'nodetray-preview-cmd-'))
  const child = spawn('npm', ['run', '-s', 'preview:web', '--', '--port', '0', '--user-data-dir', dir], {
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true
  })
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no URL within 60 s')), 60_000)
      createInterface({ input: child.stdout! }).once('line', (l) => {
        clearTimeout(timer)
        resolve(l)
      })
    })
    expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#secret=[0-9a-f]{48}$/)
    await page.goto(line)
    await expect(page.getByTestId('app-version')).toBeVisible()
  } finally {
    process.kill(-child.pid!, 'SIGTERM')
  }
})

test('the window start travels as one batched request, each call answered on its own; later calls go alone', async ({
  page,
  preview
}) => {
  const ipcPaths: string[] = []
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname
    if (path.startsWith('/ipc/')) ipcPaths.push(path)
  })
  await page.goto(preview.url)
  await expect(page.getByTestId('node-row').first()).toBeVisible()
  // app:info, profiles:list, settings:get and the first node snapshot, together.
  expect(ipcPaths[0]).toBe('/ipc/_batch')
  // Later calls go alone, so a slow one never holds up another.
  await page.getByRole('button', { name: 'Refresh', exact: true }).click()
  expect(ipcPaths.length).toBeGreaterThan(1)
  expect(ipcPaths.slice(1).filter((p) => p === '/ipc/_batch')).toEqual([])

  const post = (body: unknown, secret = preview.secret) =>
    fetch(`${preview.origin}/ipc/_batch`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-nodetray-secret': secret }
    })
  const res = await post([
    { channel: 'app:info', input: {} },
    { channel: 'nodes:no-such-thing', input: {} },
    { channel: 'profiles:delete', input: { profileId: 42 } }
  ])
  const envelopes = (await res.json()) as { ok: boolean; error?: { code: string; field?: string } }[]
  expect(envelopes.map((e) => e.ok)).toEqual([true, false, false])
  expect(envelopes[2]?.error).toMatchObject({ code: 'VALIDATION', field: 'profileId' })
  expect((await post({ channel: 'app:info' })).status).toBe(400)
  expect((await post([])).status).toBe(400)
  expect((await post([{ channel: 'app:info' }], 'wrong')).status).toBe(403)
})
