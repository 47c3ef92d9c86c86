// Issue #11 D with a really LOCKED collection: gnome-keyring's login collection is locked over D-Bus, then main
// starts. It must answer profiles:list and build the tray in under 5 s and report each profile as locked (not
// "no credentials"), and must not crash (keytar's listing crashes the process on a locked collection).
// Runs in its own D-Bus session and keyring (a nested dbus-run-session with a throwaway HOME), so locking it
// cannot disturb the other keyring tests.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { KEYCHAIN_HINTS } from '../../electron/main/vault/keychain-errors'

const ROOT = resolve(__dirname, '../..')
const CHILD = join(ROOT, 'tests/keyring/locked-start.ts')
const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true, maxRetries: 3 })
})

interface StartReport {
  startMs: number
  trayItems: number
  secrets: [string, string, boolean][]
  hint: string | null
  sweep: { swept: boolean; keychain?: { state: string } }
  afterRetry: string[]
  notices: string[]
}

async function runStart(mode: 'locked' | 'no-dbus'): Promise<StartReport> {
  const home = await mkdtemp(join(tmpdir(), 'nodetray-locked-home-'))
  const dataDir = await mkdtemp(join(tmpdir(), 'nodetray-locked-data-'))
  dirs.push(home, dataDir)
  const run = await spawnStart(home, dataDir, mode)
  expect(run.code, run.stderr.slice(-2000)).toBe(0)
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as StartReport
}

function spawnStart(
  home: string,
  dataDir: string,
  mode: string
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const service = `Nodetray-test-${randomBytes(4).toString('hex')}`
  return new Promise((done, fail) => {
    const child = spawn(
      'dbus-run-session',
      [
        '--',
        'sh',
        '-c',
        'printf %s nodetray-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"',
        'sh',
        process.execPath,
        '--import',
        'tsx',
        CHILD,
        dataDir,
        service,
        mode
      ],
      {
        cwd: ROOT,
        env: { ...process.env, HOME: home, XDG_DATA_HOME: join(home, '.local/share') },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let stdout = ''
    let stderr = ''
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(guard)
      done({ code, stdout, stderr })
    })
  })
}

describe('start-up with a locked keychain', () => {
  it('answers profiles:list and builds the tray in < 5 s, each profile reported locked', async () => {
    const r = await runStart('locked')
    console.log(`locked-keychain: start-up to profiles:list and tray in ${r.startMs} ms`)
    expect(r.startMs).toBeLessThan(5000)
    expect(r.trayItems).toBeGreaterThan(0)
    expect(r.secrets).toEqual([
      ['Alpha', 'locked', false],
      ['Bravo', 'locked', false],
      ['Charlie', 'locked', false]
    ])
    expect(r.hint).toBe(KEYCHAIN_HINTS.locked)
    // Locked is not "gone": nothing is swept and nobody is told to re-enter credentials.
    expect(r.sweep).toMatchObject({ swept: false, keychain: { state: 'locked' } })
    expect(r.notices).toEqual([])
    expect(r.afterRetry).toEqual(['locked', 'locked', 'locked'])
  }, 90_000)

  it('without D-Bus: each profile shows the keychain unreachable, and a start notice says what to install', async () => {
    const r = await runStart('no-dbus')
    expect(r.startMs).toBeLessThan(5000)
    expect(r.secrets.map(([, secret]) => secret)).toEqual(['unavailable', 'unavailable', 'unavailable'])
    expect(r.hint).toBe(KEYCHAIN_HINTS.noSecretService)
    expect(r.sweep).toMatchObject({ swept: false, keychain: { state: 'unavailable' } })
    expect(r.notices).toEqual([expect.stringMatching(/cannot reach the system keychain/)])
  }, 90_000)
})
