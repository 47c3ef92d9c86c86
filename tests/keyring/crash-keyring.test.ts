// Issue #11 C with the REAL keyring: a child changes profiles at random (create, rename, credential update,
// delete, import) and is SIGKILLed at a random moment, again and again. After every kill a fresh start sweeps
// the keychain; then there must be no orphaned entry and no profile without the secret it had.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import keytar from 'keytar'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../electron/main/ports'
import { createProfileStack } from '../../electron/main/profiles/index'
import { parseProfileFile } from '../../electron/main/profiles/migrations'
import { secretRefOf } from '../../electron/main/profiles/profile-file.schema'
import { createLogger, SecretScrubber } from '../../electron/main/redact'
import { createKeytarVault } from '../../electron/main/vault/keytar-vault'
import { createPrng } from '../../electron/simulator/prng'
import { readFile } from 'node:fs/promises'

const KILLS = 32
const SEED = 0x5ec7
const ROOT = resolve(__dirname, '../..')
const WRITER = join(ROOT, 'tests/keyring/crash-keyring-writer.ts')
const service = `Nodetray-test-${randomBytes(4).toString('hex')}`
const dirs: string[] = []
/** The writer bundled once: each child then starts in a fraction of the time tsx takes to load it. */
let bundle = ''

beforeAll(async () => {
  // Inside node_modules so the bundle's require('keytar') finds the native module.
  const out = join(ROOT, 'node_modules', '.cache', `nodetray-crash-writer-${randomBytes(4).toString('hex')}`)
  dirs.push(out)
  bundle = join(out, 'writer.cjs')
  await build({
    entryPoints: [WRITER],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    external: ['keytar'],
    logLevel: 'error'
  })
})

afterAll(async () => {
  for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account)
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

async function openFresh(dataDir: string) {
  const scrubber = new SecretScrubber()
  return createProfileStack({
    dataDir,
    homeDir: join(dataDir, 'home'),
    vault: createKeytarVault({ service }),
    dialogs: { confirm: async () => 0, openFile: async () => null, saveFile: async () => null },
    demo: null,
    createClient: () => {
      throw new Error('no API in this test')
    },
    clock: systemClock,
    scrubber,
    log: createLogger(scrubber, () => undefined)
  })
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
    const problems: string[] = []

    for (let run = 0; run < KILLS; run++) {
      const child = await runAndKill(dataDir, run + 1, rng.int(2, 6), rng.next())
      expect(child.ready, `run ${run}: the writer never got ready: ${child.stderr}`).toBe(true)

      // What the kill left, before any sweep: entries nobody names are orphans of an interrupted change.
      const parsed = parseProfileFile(
        await readFile(join(dataDir, 'profiles.json'), 'utf8').catch(() => '{"version":2,"profiles":[]}')
      )
      if (!parsed.ok) throw new Error(`run ${run}: profiles.json unreadable: ${parsed.reason}`)
      const refs = new Set(parsed.file.profiles.map(secretRefOf))
      const accounts = (await keytar.findCredentials(service)).map((c) => c.account)
      orphansLeft += accounts.filter((a) => !refs.has(a)).length
      for (const p of parsed.file.profiles)
        if (!accounts.includes(secretRefOf(p))) problems.push(`run ${run}: "${p.name}" lost its secret in the kill`)

      const fresh = await openFresh(dataDir)
      const sweep = await fresh.profiles.keychainSweep()
      // Killed before the folder's first write, there is no profile file yet and nothing may be swept.
      const hadFile = await readFile(join(dataDir, 'profiles.json'), 'utf8').then(
        () => true,
        () => false
      )
      expect(sweep, `run ${run}`).toMatchObject(hadFile ? { swept: true, missing: [] } : { swept: false })
      if (sweep.swept) swept += sweep.removed
      const list = await fresh.profiles.list()
      maxProfiles = Math.max(maxProfiles, list.length)
      const after = (await keytar.findCredentials(service)).map((c) => c.account)
      const owned = new Set(parsed.file.profiles.map(secretRefOf))
      const orphans = after.filter((a) => !owned.has(a))
      if (orphans.length) problems.push(`run ${run}: ${orphans.length} orphaned entries after the sweep`)
      for (const p of list)
        if (p.credentials.secret !== 'stored' || !p.credentials.hasCredentials)
          problems.push(`run ${run}: "${p.name}" shows ${String(p.credentials.secret)}`)
      expect(fresh.profiles.notices, `run ${run}: notices`).toEqual([])
    }

    const wall = ((Date.now() - started) / 1000).toFixed(1)
    console.log(
      `crash-keyring: ${KILLS} kills, up to ${maxProfiles} profiles, ${orphansLeft} orphans left by kills, ${swept} swept at start, ` +
        `${problems.length} problems, ${wall} s`
    )
    expect(problems).toEqual([])
    expect(swept).toBe(orphansLeft)
  }, 120_000)
})
