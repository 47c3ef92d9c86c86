// The browser preview host listens on loopback, where any page the user has open can reach it. Only the page it
// served may call main: the per-run secret, our own Host (DNS rebinding) and our own Origin when one is sent.
// These requests go over real HTTP to a real host, so `vitest run` guards the check whatever its unit tests become.
import { request } from 'node:http'
import { mkdtemp, mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPreviewHost, type PreviewHost } from '../../electron/preview/host'
import { MemoryVault } from '../../electron/main/vault/memory-vault'

let host: PreviewHost
let dir: string
let port: number
let ourHost: string

interface Reply {
  status: number
  body: string
}

/** One request with exactly these headers (node's http, so Host and Origin are ours to set). */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

const trusted = (): Record<string, string> => ({ host: ourHost, origin: host.origin, 'x-nodetray-secret': host.secret })
const notificationsOn = async (): Promise<boolean> => {
  const r = await send('POST', '/ipc/settings:get', trusted(), '{}')
  return (JSON.parse(r.body) as { value: { notifications: boolean } }).value.notifications
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nodetray-preview-guard-'))
  await mkdir(join(dir, 'renderer'))
  host = await startPreviewHost({
    dataDir: join(dir, 'data'),
    homeDir: join(dir, 'home'),
    rendererDir: join(dir, 'renderer'),
    vault: new MemoryVault(),
    demo: false,
    logSink: () => undefined
  })
  const url = new URL(host.origin)
  port = Number(url.port)
  ourHost = url.host
}, 30_000)

afterAll(async () => {
  await host?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('preview host: who may call main', () => {
  it('answers the page it served: the secret header, our Host, and our Origin or none', async () => {
    const ok = await send('POST', '/ipc/app:info', trusted(), '{}')
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { preview: true } })
    const { origin: _origin, ...noOrigin } = trusted()
    expect((await send('POST', '/ipc/app:info', noOrigin, '{}')).status).toBe(200)
  })

  it.each([
    ['a foreign site', () => 'https://evil.example'],
    ['our port under another name', () => `http://localhost:${port}`],
    ['another loopback port', () => `http://127.0.0.1:${port + 1}`],
    ['an opaque origin', () => 'null'],
    ['our origin with a suffix', () => `http://127.0.0.1:${port}.evil.example`]
  ])('refuses a call from %s even with the right secret', async (_what, originOf) => {
    const r = await send('POST', '/ipc/app:info', { ...trusted(), origin: originOf() }, '{}')
    expect(r.status).toBe(403)
    expect(r.body).not.toContain('"ok"')
    expect(r.body, 'the refusal says what is wrong').toMatch(/origin/i)
  })

  it.each([
    ['a rebinding name', () => 'evil.example'],
    ['our port under another name', () => `localhost:${port}`],
    ['another port', () => '127.0.0.1:1']
  ])('refuses a request whose Host is %s (DNS rebinding), even with the right secret', async (_what, hostOf) => {
    const r = await send('POST', '/ipc/app:info', { ...trusted(), host: hostOf() }, '{}')
    expect(r.status).toBe(403)
    expect(r.body, 'the refusal says what is wrong').toMatch(/host/i)
    // Not even the page itself is served to a rebinding name.
    expect((await send('GET', '/', { host: hostOf() })).status).toBe(403)
  })

  it('refuses a missing or wrong secret', async () => {
    const { 'x-nodetray-secret': _s, ...noSecret } = trusted()
    const missing = await send('POST', '/ipc/app:info', noSecret, '{}')
    expect(missing.status).toBe(403)
    expect(missing.body, 'the refusal names the header to send').toContain('x-nodetray-secret')
    const wrong = { ...trusted(), 'x-nodetray-secret': host.secret.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }
    expect((await send('POST', '/ipc/app:info', wrong, '{}')).status).toBe(403)
  })

  it('answers a call with the wrong method by naming the right one', async () => {
    const r = await send('GET', '/ipc/app:info', trusted())
    expect(r.status).toBe(405)
    expect(r.body).toContain('POST')
  })

  it('a refused call changes nothing: a foreign page cannot switch settings, batch calls or listen to events', async () => {
    expect(await notificationsOn()).toBe(true)
    const foreign = { ...trusted(), origin: 'https://evil.example' }
    const patch = JSON.stringify({ notifications: false })
    expect((await send('POST', '/ipc/settings:update', foreign, patch)).status).toBe(403)
    const batch = JSON.stringify([{ channel: 'settings:update', input: { notifications: false } }])
    expect((await send('POST', '/ipc/_batch', foreign, batch)).status).toBe(403)
    expect((await send('GET', '/events', foreign)).status).toBe(403)
    expect(await notificationsOn()).toBe(true)
    // The same call from our page does go through, so the refusals above were the guard at work.
    expect((await send('POST', '/ipc/settings:update', trusted(), patch)).status).toBe(200)
    expect(await notificationsOn()).toBe(false)
  })
})
