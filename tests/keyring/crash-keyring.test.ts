// Issue #11 C with the REAL keyring: a child changes profiles at random (create, rename, credential update,
// delete, import) and is SIGKILLed at a random moment, again and again. After every kill a fresh start sweeps
// the keychain; then there must be no orphaned entry and no profile without the secret it had.
import { execFile, spawn } from 'node:child_process'
import { promisify } from 'node:util'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseProfileFile } from '../../electron/main/profiles/migrations'
import { secretRefOf } from '../../electron/main/profiles/profile-file.schema'
import { createPrng } from '../../electron/simulator/prng'
import { readFile } from 'node:fs/promises'

const KILLS = 32
const SEED = 0x5ec7
const ROOT = resolve(__dirname, '../..')
const WRITER = join(ROOT, 'tests/keyring/crash-keyring-writer.ts')
const CHECKER = join(ROOT, 'tests/keyring/crash-keyring-checker.ts')
const service = `Nodetray-test-${randomBytes(4).toString('hex')}`
const dirs: string[] = []
const execFileAsync = promisify(execFile)
/** The writer and the checker bundled once: each child then starts in a fraction of the time tsx takes to load it. */
let bundle = ''
let checker = ''

beforeAll(async () => {
  // Inside node_modules so the bundle's require('keytar') finds the native module.
  const out = join(ROOT, 'node_modules', '.cache', `nodetray-crash-writer-${randomBytes(4).toString('hex')}`)
  dirs.push(out)
  bundle = join(out, 'writer.cjs')
  checker = join(out, 'checker.cjs')
  for (const [entry, outfile] of [
    [WRITER, bundle],
    [CHECKER, checker]
  ] as const)
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile,
      external: ['keytar'],
      logLevel: 'error'
    })
})

afterAll(async () => {
  if (checker) await askChecker('', 'clear')
  for (const d of dirs) await rm(d, { recursive: true, force: true, maxRetries: 3 })
})

/**
 * Starts the writer and kills it part-way through change number `atOp`: after `fraction` of the time the change
 * before it took, so the kill lands at a random point inside a change (keychain call, file write, or between).
 */
function runAndKill(
  dataDir: string,
  seed: number,
  atOp: number,
  fraction: number
): Promise<{ ready: boolean; ops: number; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bundle, dataDir, service, String(seed)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let ready = false
    let ops = 0
    let lastOpAt = 0
    let stderr = ''
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.stdout.on('data', (c: Buffer) => {
      const text = c.toString()
      if (text.includes('ready')) ready = true
      for (const line of text.split('\n')) {
        if (!line.startsWith('op ')) continue
        ops++
        const now = performance.now()
        if (ops === atOp) setTimeout(() => child.kill('SIGKILL'), fraction * (now - lastOpAt))
        lastOpAt = now
      }
    })
    child.on('error', fail)
    child.on('close', (code, signal) => {
      clearTimeout(guard)
      if (signal !== 'SIGKILL') fail(new Error(`writer ended by itself (code ${String(code)}): ${stderr}`))
      else done({ ready, ops, stderr })
    })
  })
}

interface Check {
  up: boolean
  before: string[]
  sweep: { swept: boolean; removed?: number; missing?: string[]; keychain?: { state: string } }
  list: { name: string; secret: string; hasCredentials: boolean }[]
  after: string[]
  notices: unknown[]
}

/** One child: what a fresh start finds (check), whether the keyring answers (probe), or remove the entries (clear). */
async function askChecker(dataDir: string, mode: 'check' | 'probe' | 'clear'): Promise<Check> {
  const { stdout } = await execFileAsync(process.execPath, [checker, dataDir, service, mode], {
    cwd: ROOT,
    timeout: 30_000
  })
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Check
}

/**
 * A fresh start after a kill, in a child. gnome-keyring 42 can abort a moment after a client is killed mid-call
 * (a GLib assertion in the daemon, not anything Nodetray does); scripts/with-keyring.sh starts it again, and this
 * waits for it. A start that found the keychain gone must have kept every profile; it is then asked again.
 */
async function freshStart(dataDir: string, profiles: number, restarts: { count: number }): Promise<Check> {
  const until = Date.now() + 20_000
  for (;;) {
    const got = await askChecker(dataDir, 'check')
    const keychainGone = !got.up || (!got.sweep.swept && got.sweep.keychain?.state === 'unavailable')
    if (!keychainGone) return got
    if (got.up) expect(got.list.length, 'a start without the keychain keeps every profile').toBe(profiles)
    restarts.count++
    while (!(await askChecker(dataDir, 'probe')).up) {
      if (Date.now() > until) throw new Error('the keyring did not come back within 20 s')
      await new Promise((r) => setTimeout(r, 100))
    }
    if (Date.now() > until) throw new Error('the keyring did not stay up for a fresh start within 20 s')
  }
}

describe('profile changes killed at random points, real keyring', () => {
  it(`${KILLS} SIGKILLs: after each, a fresh start leaves 0 orphans and 0 profiles missing their secret`, async () => {
    const started = Date.now()
    const rng = createPrng(SEED)
    const dataDir = await mkdtemp(join(tmpdir(), 'nodetray-crash-keyring-'))
    dirs.push(dataDir)
    let orphansLeft = 0
    let swept = 0
    let maxProfiles = 0
    const restarts = { count: 0 }
    const problems: string[] = []

    for (let run = 0; run < KILLS; run++) {
      const child = await runAndKill(dataDir, run + 1, rng.int(2, 6), rng.next())
      expect(child.ready, `run ${run}: the writer never got ready: ${child.stderr}`).toBe(true)

      const parsed = parseProfileFile(
        await readFile(join(dataDir, 'profiles.json'), 'utf8').catch(() => '{"version":2,"profiles":[]}')
      )
      if (!parsed.ok) throw new Error(`run ${run}: profiles.json unreadable: ${parsed.reason}`)
      const owned = new Set(parsed.file.profiles.map(secretRefOf))
      const fresh = await freshStart(dataDir, parsed.file.profiles.length, restarts)

      // What the kill left, before any sweep: entries nobody names are orphans of an interrupted change.
      orphansLeft += fresh.before.filter((a) => !owned.has(a)).length
      for (const p of parsed.file.profiles)
        if (!fresh.before.includes(secretRefOf(p))) problems.push(`run ${run}: "${p.name}" lost its secret in the kill`)

      // Killed before the folder's first write, there is no profile file yet and nothing may be swept.
      const hadFile = await readFile(join(dataDir, 'profiles.json'), 'utf8').then(
        () => true,
        () => false
      )
      const { sweep } = fresh
      expect(sweep, `run ${run}`).toMatchObject(hadFile ? { swept: true, missing: [] } : { swept: false })
      if (sweep.swept) swept += sweep.removed ?? 0
      maxProfiles = Math.max(maxProfiles, fresh.list.length)
      const orphans = fresh.after.filter((a) => !owned.has(a))
      if (orphans.length) problems.push(`run ${run}: ${orphans.length} orphaned entries after the sweep`)
      for (const p of fresh.list)
        if (p.secret !== 'stored' || !p.hasCredentials)
          problems.push(`run ${run}: "${p.name}" shows ${String(p.secret)}`)
      expect(fresh.notices, `run ${run}: notices`).toEqual([])
    }

    const wall = ((Date.now() - started) / 1000).toFixed(1)
    console.log(
      `crash-keyring: ${KILLS} kills, up to ${maxProfiles} profiles, ${orphansLeft} orphans left by kills, ${swept} swept at start, ` +
        `${problems.length} problems, ${restarts.count} starts that found the keyring daemon gone, ${wall} s`
    )
    expect(problems).toEqual([])
    expect(swept).toBe(orphansLeft)
  }, 120_000)
})
