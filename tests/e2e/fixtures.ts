// Each test gets its own preview host (fresh data folder, in-memory vault, demo simulator with test hooks),
// started exactly as `npm run preview:web` starts it. The demo sandbox is opt-in in the app; these hosts start
// with it shown (`--demo on`) unless a spec asks for `test.use({ hostOptions: { demo: 'opt-in' } })`.
import { test as base, expect, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

export interface PreviewHandle {
  url: string
  origin: string
  secret: string
  dataDir: string
  logs: string[]
  /** POST /__test/<name> with the secret header. */
  hook<T = unknown>(name: string, body?: unknown): Promise<T>
  /** Invoke an IPC channel the way the page does, e.g. to set up state quickly. */
  ipc<T = unknown>(channel: string, input?: unknown): Promise<T>
}

export interface HostOptions {
  transitions?: 'instant' | 'fast' | 'real'
  /** `--demo`: 'on' (default here) shows the demo sandbox from the start; 'opt-in' as the app; 'off' none. */
  demo?: 'on' | 'opt-in' | 'off'
  extraArgs?: string[]
}

export async function startHost(opts: HostOptions = {}): Promise<{ handle: PreviewHandle; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nodetray-e2e-'))
  const args = [
    'electron/preview/cli.ts',
    '--port',
    '0',
    '--user-data-dir',
    dataDir,
    '--test-hooks',
    '--transitions',
    opts.transitions ?? 'fast',
    '--demo',
    opts.demo ?? 'on',
    // A build elsewhere (`electron-vite build --outDir X`, then NODETRAY_RENDERER_DIR=X/renderer) lets several
    // people test their own build at once without overwriting out/.
    ...(process.env.NODETRAY_RENDERER_DIR ? ['--renderer-dir', process.env.NODETRAY_RENDERER_DIR] : []),
    ...(opts.extraArgs ?? [])
  ]
  const child: ChildProcess = spawn(join('node_modules', '.bin', 'tsx'), args, { stdio: ['ignore', 'pipe', 'pipe'] })
  const logs: string[] = []
  child.stderr?.on('data', (d: Buffer) => logs.push(d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview host did not start:\n${logs.join('')}`)), 30_000)
    const rl = createInterface({ input: child.stdout! })
    rl.once('line', (line) => {
      clearTimeout(timer)
      resolve(line.trim())
    })
    child.once('exit', (code) => reject(new Error(`preview host exited with ${code}:\n${logs.join('')}`)))
  })
  const parsed = new URL(url)
  // The secret rides in the fragment (`#secret=…`); scripts send it as the x-nodetray-secret header.
  const secret = new URLSearchParams(parsed.hash.slice(1)).get('secret') ?? ''
  const origin = parsed.origin
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-nodetray-secret': secret },
      body: JSON.stringify(body ?? {})
    })
    return (await res.json()) as T
  }
  const handle: PreviewHandle = {
    url,
    origin,
    secret,
    dataDir,
    logs,
    hook: (name, body) => post(`/__test/${name}`, body),
    ipc: async (channel, input) => {
      const env = await post<{ ok: boolean; value?: unknown; error?: { message: string } }>(
        `/ipc/${channel}`,
        input ?? {}
      )
      if (!env.ok) throw new Error(`${channel}: ${env.error?.message}`)
      return env.value as never
    }
  }
  return {
    handle,
    async stop() {
      // Wait for the host to finish its last writes (it saves caches as it closes) before removing its folder.
      const exited =
        child.exitCode !== null || child.signalCode !== null
          ? Promise.resolve()
          : new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })
    }
  }
}

export const test = base.extend<{ preview: PreviewHandle; hostOptions: HostOptions }>({
  hostOptions: [{}, { option: true }],
  preview: async ({ hostOptions }, use) => {
    const { handle, stop } = await startHost(hostOptions)
    await use(handle)
    await stop()
  }
})

export { expect }

/** Saves a screenshot under artifacts/screenshots/<name>-<scheme>.png. */
export async function shoot(page: Page, name: string): Promise<void> {
  const scheme = await page.evaluate(() => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'))
  await page.screenshot({ path: join('artifacts', 'screenshots', `${name}-${scheme}.png`), fullPage: false })
}
