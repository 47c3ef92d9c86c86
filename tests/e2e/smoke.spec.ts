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
  const res = await fetch(`${preview.origin}/ipc/app:info`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })
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
