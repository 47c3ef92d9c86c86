// Launches the built app (out/main) with Playwright's `_electron` on a fresh data folder, updates off, and
// hands the spec the window. Not product code; nothing under electron/ imports it.
import { _electron, type ElectronApplication, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface LaunchedApp {
  app: ElectronApplication
  window: Page
  dataDir: string
  close(): Promise<void>
}

/** Chromium refuses to run as root with its sandbox (CI's Debian container runs as root); tests only. */
export const rootArgs: string[] = process.getuid?.() === 0 ? ['--no-sandbox'] : []

export async function launchApp(): Promise<LaunchedApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nodetray-electron-'))
  const app = await _electron.launch({
    args: [...rootArgs, resolve(__dirname, '../..')],
    env: {
      ...process.env,
      NODETRAY_USER_DATA_DIR: dataDir,
      // Its own keychain service: a test run never shares entries with the installed app.
      NODETRAY_KEYCHAIN_SERVICE: 'Nodetray-electron-test',
      NODETRAY_DISABLE_UPDATES: '1',
      ELECTRON_ENABLE_LOGGING: '1'
    } as Record<string, string>
  })
  const window = await app.firstWindow()
  return {
    app,
    window,
    dataDir,
    async close() {
      await app.close().catch(() => undefined)
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/** What the page's bridge answers for one channel, through the real preload and ipcMain. */
export async function invoke<T>(window: Page, area: string, verb: string, input: unknown = {}): Promise<T> {
  const envelope = await window.evaluate(
    async ([a, v, i]) => {
      const api = (globalThis as unknown as Record<string, Record<string, Record<string, (x: unknown) => unknown>>>)
        .nodetray
      return (await api![a as string]![v as string]!(i)) as { ok: boolean; value?: unknown; error?: unknown }
    },
    [area, verb, input] as const
  )
  if (!envelope.ok) throw new Error(`${area}:${verb} failed: ${JSON.stringify(envelope.error)}`)
  return envelope.value as T
}
