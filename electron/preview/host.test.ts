// The preview host over real HTTP: what a local process (not the page) can and cannot do with it.
import { request } from 'node:http'
import { spawnSync } from 'node:child_process'
import { access, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryVault } from '../main/vault/memory-vault'
import { startTestPreviewHost, type TestPreviewHost } from '../../tests/support/preview-host-kit'
import { startPreviewHost, type PreviewHost } from './host'

let kit: TestPreviewHost
let host: PreviewHost
/** The kit's scratch folder: the tests below start more hosts in it. */
let dir: string

beforeAll(async () => {
  kit = await startTestPreviewHost('preview-host', { testHooks: true })
  host = kit.host
  dir = kit.dir
})
afterAll(() => kit.close())

/** fetch() cannot set Host; node:http can, as a DNS-rebinding page's browser would. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string
): Promise<{ status: number; text: string }> {
  const { port } = new URL(host.origin)
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const withSecret = (extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  'x-nodetray-secret': host.secret,
  ...extra
})

describe('preview host', () => {
  it('prints its URL with the secret in the fragment, which no request ever carries', () => {
    expect(host.url).toBe(`${host.origin}/#secret=${host.secret}`)
    expect(host.secret).toMatch(/^[0-9a-f]{48}$/)
  })

  it('answers IPC with the secret header, as outside testers call it', async () => {
    const res = await fetch(`${host.origin}/ipc/app:info`, { method: 'POST', headers: withSecret(), body: '{}' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, value: { preview: true } })
  })

  it('refuses IPC when the secret comes only in a cookie', async () => {
    for (const cookie of [`nodetray_preview=${host.secret}`, `x-nodetray-secret=${host.secret}`]) {
      const res = await fetch(`${host.origin}/ipc/app:info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: '{}'
      })
      expect(res.status, cookie).toBe(403)
    }
  })

  it('never sets a cookie, and serves the page without the secret', async () => {
    const page = await fetch(`${host.origin}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('set-cookie')).toBeNull()
    expect(await page.text()).toContain('preview-bridge.js')
    // The old `?k=` first visit is gone: it neither answers differently nor sets anything.
    const old = await fetch(`${host.origin}/?k=${host.secret}`, { redirect: 'manual' })
    expect(old.status).toBe(200)
    expect(old.headers.get('set-cookie')).toBeNull()
  })

  it('refuses a foreign Host even with the secret (DNS rebinding), for the page too', async () => {
    const evil = { host: `rebind.attacker.example:${new URL(host.origin).port}` }
    expect((await raw('POST', '/ipc/app:info', withSecret(evil), '{}')).status).toBe(403)
    expect((await raw('GET', '/', evil)).status).toBe(403)
  })

  it('streams events to a fetch that sends the header', async () => {
    const controller = new AbortController()
    const res = await fetch(`${host.origin}/events`, { headers: withSecret(), signal: controller.signal })
    expect(res.status).toBe(200)
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    expect((await reader.read()).value).toContain(': connected')
    await fetch(`${host.origin}/ipc/settings:update`, {
      method: 'POST',
      headers: withSecret(),
      body: JSON.stringify({ hideDemo: true })
    })
    let seen = ''
    while (!seen.includes('\n\n')) seen += (await reader.read()).value ?? ''
    expect(seen).toMatch(/^data: \{"event":"[a-z]+:[a-z-]+"/)
    controller.abort()
    expect((await fetch(`${host.origin}/events`)).status).toBe(403)
  })

  it('test hooks answer POST only, and only their own operations', async () => {
    const hook = (name: string, method = 'POST') =>
      fetch(`${host.origin}/__test/${name}`, {
        method,
        headers: withSecret(),
        ...(method === 'POST' ? { body: '{}' } : {})
      })
    expect((await hook('sim/now')).status).toBe(200)
    expect((await hook('sim/now', 'GET')).status).toBe(405)
    expect((await hook('recorded', 'GET')).status).toBe(405)
    for (const name of [
      'sim/constructor',
      'sim/__proto__',
      'sim/toString',
      'sim/hasOwnProperty',
      'sim/valueOf',
      'constructor',
      '__proto__',
      'sim/'
    ]) {
      const res = await hook(name)
      expect(res.status, name).toBe(404)
    }
  })

  it('a test hook given a bad argument answers 400 with the reason, not a 500', async () => {
    const res = await fetch(`${host.origin}/__test/sim/setNode`, {
      method: 'POST',
      headers: withSecret(),
      body: JSON.stringify({ nodeId: 1, status: 'Stopping' })
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/unknown status|not found/i)
  })
})

describe('bodies over 1 MiB', () => {
  // Outside tester: a body over 1 MiB to /ipc/<channel> or /ipc/_batch answered 500 "internal error".
  it('answer 413 saying so: an error envelope on /ipc/<channel>, plain text on the batch, JSON on a test hook', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024) })
    const post = (path: string) => fetch(`${host.origin}${path}`, { method: 'POST', headers: withSecret(), body: big })
    const ipc = await post('/ipc/profiles:create')
    expect(ipc.status).toBe(413)
    expect(await ipc.json()).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'The request body is larger than 1 MiB: send a smaller input.' }
    })
    const batch = await post('/ipc/_batch')
    expect(batch.status).toBe(413)
    expect(await batch.text()).toBe('bad batch: The request body is larger than 1 MiB: send a smaller input.')
    const hook = await post('/__test/sim/now')
    expect(hook.status).toBe(413)
    expect(await hook.json()).toEqual({ error: 'The request body is larger than 1 MiB: send a smaller input.' })
    // Exactly at the limit is still read, and the host keeps answering.
    const atLimit = await fetch(`${host.origin}/ipc/app:info`, {
      method: 'POST',
      headers: withSecret(),
      body: `{}${' '.repeat(1024 * 1024 - 2)}`
    })
    expect(await atLimit.json()).toMatchObject({ ok: true })
  })
})

describe('--demo', () => {
  const start = (sub: string, demoStart?: 'on' | 'opt-in', demo = true) =>
    startPreviewHost({
      dataDir: join(dir, sub),
      rendererDir: join(dir, 'renderer'),
      vault: new MemoryVault(),
      demo,
      ...(demoStart ? { demoStart } : {}),
      demoTransitions: 'instant',
      homeDir: join(dir, 'home'),
      logSink: () => undefined
    })

  it('opt-in (the default) starts with no demo; on starts with it shown; off has none to offer', async () => {
    const optIn = await start('demo-opt-in')
    const on = await start('demo-on', 'on')
    const off = await start('demo-off', 'on', false)
    try {
      expect(await optIn.main.profiles.list()).toEqual([])
      expect(optIn.main.settings.get().showDemo).toBe(false)
      expect((await on.main.profiles.list()).every((p) => p.isDemo)).toBe(true)
      expect(await on.main.profiles.list()).toHaveLength(4)
      expect(on.main.settings.get().showDemo).toBe(true)
      expect(await off.main.profiles.list()).toEqual([])
      expect(off.main.settings.get().showDemo).toBe(false)
      // Only `on` opens the window on the demo's list (no first-run screen), as `npm start` from a checkout does.
      const info = async (h: { url: string; origin: string }) =>
        (await (
          await fetch(`${h.origin}/ipc/app:info`, {
            method: 'POST',
            headers: {
              'x-nodetray-secret': new URL(h.url).hash.split('=')[1] ?? '',
              'content-type': 'application/json'
            },
            body: '{}'
          })
        ).json()) as { value?: { startsOnDemo?: boolean } }
      expect((await info(on)).value?.startsOnDemo).toBe(true)
      expect((await info(optIn)).value?.startsOnDemo).toBe(false)
    } finally {
      await Promise.all([optIn.close(), on.close(), off.close()])
    }
  })

  // Outside tester: `{bad json` to /ipc/nodes:delete answered "profileId: Invalid input: expected string".
  it('a body that is not JSON is said to be so, on /ipc/<channel> and on a test hook', async () => {
    const post = (path: string) =>
      fetch(`${host.origin}${path}`, { method: 'POST', headers: withSecret(), body: '{bad json' })
    const ipc = await post('/ipc/nodes:delete')
    expect(ipc.status).toBe(200)
    expect(await ipc.json()).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/^The request body is not valid JSON/) }
    })
    const hook = await post('/__test/sim/now')
    expect(hook.status).toBe(400)
    expect(((await hook.json()) as { error: string }).error).toMatch(/not valid JSON/)
  })
})

describe('without --test-hooks', () => {
  // Outside tester: POST /__test/recorded answered "405 method not allowed: use GET" (the static files' answer).
  it('every /__test/* path is a 404, whatever the method', async () => {
    const off = await startPreviewHost({
      dataDir: join(dir, 'no-hooks'),
      rendererDir: join(dir, 'renderer'),
      vault: new MemoryVault(),
      demoTransitions: 'instant',
      homeDir: join(dir, 'home'),
      logSink: () => undefined
    })
    try {
      for (const [method, path] of [
        ['POST', '/__test/recorded'],
        ['POST', '/__test/sim/now'],
        ['GET', '/__test/recorded'],
        ['DELETE', '/__test/sim/stop']
      ] as const) {
        const res = await fetch(`${off.origin}${path}`, {
          method,
          headers: { 'content-type': 'application/json', 'x-nodetray-secret': off.secret },
          ...(method === 'POST' ? { body: '{}' } : {})
        })
        expect(res.status, `${method} ${path}`).toBe(404)
        expect(await res.text()).toBe('not found')
      }
    } finally {
      await off.close()
    }
  })
})

describe('one host per data folder', () => {
  const start = (sub: string) =>
    startPreviewHost({
      dataDir: join(dir, sub),
      rendererDir: join(dir, 'renderer'),
      vault: new MemoryVault(),
      demo: false,
      homeDir: join(dir, 'home'),
      logSink: () => undefined
    })

  // Outside tester: two hosts on the same --user-data-dir overwrote each other's profiles.json.
  it('a second host on the same folder refuses to start, naming the folder and the first host’s pid', async () => {
    const first = await start('shared')
    try {
      const lock = join(dir, 'shared', 'preview-host.lock')
      expect((await readFile(lock, 'utf8')).trim()).toBe(String(process.pid))
      const second = start('shared')
      await expect(second).rejects.toThrow(
        `the data folder ${join(dir, 'shared')} is in use by another preview host (pid ${process.pid})`
      )
      await expect(second).rejects.not.toThrow(/\n/)
      // The first host is untouched: its lock stays and it still answers.
      expect((await readFile(lock, 'utf8')).trim()).toBe(String(process.pid))
      const res = await fetch(`${first.origin}/ipc/app:info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-nodetray-secret': first.secret },
        body: '{}'
      })
      expect(res.status).toBe(200)
    } finally {
      await first.close()
    }
    // A clean exit removes the lock; the folder can be used again.
    await expect(access(join(dir, 'shared', 'preview-host.lock'))).rejects.toThrow()
    await (await start('shared')).close()
  })

  it('takes over a lock whose host is gone (its pid is not alive)', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid
    expect(dead).toBeGreaterThan(0)
    await mkdir(join(dir, 'stale'), { recursive: true })
    await writeFile(join(dir, 'stale', 'preview-host.lock'), `${dead}\n`)
    const host2 = await start('stale')
    try {
      expect((await readFile(join(dir, 'stale', 'preview-host.lock'), 'utf8')).trim()).toBe(String(process.pid))
    } finally {
      await host2.close()
    }
  })
})
