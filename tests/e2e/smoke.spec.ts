import { test, expect, shoot } from './fixtures'

test('the page loads through the preview host and shows app:info', async ({ page, preview }) => {
  await page.goto(preview.url)
  // The secret moved from the URL into an HttpOnly cookie.
  await expect(page).toHaveURL(`${preview.origin}/`)
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
  const page = await fetch(`${preview.origin}/`)
  expect(page.status).toBe(403)
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
    expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?k=[0-9a-f]{48}$/)
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
  await expect(page.getByTestId('first-run')).toBeVisible()
  // app:info, profiles:list, settings:get and the first node snapshot, together.
  expect(ipcPaths[0]).toBe('/ipc/_batch')
  // Later calls go alone, so a slow one never holds up another.
  await page.getByRole('button', { name: /Explore the demo/ }).click()
  await expect(page.getByTestId('node-row').first()).toBeVisible()
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
