// Crash safety of profiles.json with real processes: a child changes profiles in a tight loop and is SIGKILLed at a
// random moment. Every time, profiles.json (and .bak) must parse and hold a version the child wrote (the last one it
// confirmed, or the one it was writing), and a fresh profile stack must open the folder without a corrupt-file notice.
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../electron/main/ports'
import { createProfileStack } from '../../electron/main/profiles/index'
import { ProfileFileV2Schema } from '../../electron/main/profiles/profile-file.schema'
import { createLogger, SecretScrubber } from '../../electron/main/redact'
import { MemoryVault } from '../../electron/main/vault/memory-vault'
import { generationOf, namesHash } from './crash-identity'
import { seededRandom } from './harness'

const RUNS = 30
const SEED = 0xc7a5
const ROOT = resolve(__dirname, '../..')
const WRITER = join(ROOT, 'tests/integration/crash-writer.ts')

interface ChildRun {
  /** generation → names hash, as announced before the write and after it resolved */
  intents: Map<number, string>
  committed: Map<number, string>
  ready: { gen: number; hash: string } | null
  stderr: string
}

/** Starts the writer, kills it `delayMs` after it reports ready, and returns everything it printed. */
function runAndKill(dataDir: string, delayMs: number): Promise<ChildRun> {
  return new Promise((done, fail) => {
    // node --import tsx, not the tsx CLI: the CLI runs the script in a grandchild that SIGKILL would not reach.
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const out: ChildRun = { intents: new Map(), committed: new Map(), ready: null, stderr: '' }
    let buffer = ''
    let timer: NodeJS.Timeout | null = null
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        const [what, genText, hash] = line.split(' ')
        const gen = Number(genText)
        if (!hash || !Number.isInteger(gen)) continue
        if (what === 'ready') {
          out.ready = { gen, hash }
          timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs)
        } else if (what === 'intent') out.intents.set(gen, hash)
        else if (what === 'committed') out.committed.set(gen, hash)
      }
    })
    child.on('error', fail)
    child.on('close', (code, signal) => {
      clearTimeout(guard)
      if (timer) clearTimeout(timer)
      if (signal !== 'SIGKILL') fail(new Error(`writer ended by itself (code ${String(code)}): ${out.stderr}`))
      else done(out)
    })
  })
}

async function readVersion(path: string): Promise<{ names: string[]; hash: string } | null> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return null
  }
  // A torn or empty file fails here (JSON) or in the schema: the test fails with the reason.
  const file = ProfileFileV2Schema.parse(JSON.parse(text))
  const names = file.profiles.map((p) => p.name)
  return { names, hash: namesHash(names) }
}

async function openFresh(dataDir: string) {
  const scrubber = new SecretScrubber()
  const lines: string[] = []
  const stack = await createProfileStack({
    dataDir,
    homeDir: join(dataDir, 'home'),
    vault: new MemoryVault(),
    dialogs: { confirm: async () => 0, openFile: async () => null, saveFile: async () => null },
    demo: null,
    createClient: () => {
      throw new Error('no API in this test')
    },
    clock: systemClock,
    scrubber,
    log: createLogger(scrubber, (l) => lines.push(l))
  })
  return { ...stack, lines }
}

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true, maxRetries: 3 })
})

describe('profiles.json survives SIGKILL at random points', () => {
  it(`${RUNS} kills mid-write: always the old or the new version, never torn`, async () => {
    const started = Date.now()
    const rng = seededRandom(SEED)
    const dataDir = await mkdtemp(join(tmpdir(), 'nodetray-crash-'))
    dirs.push(dataDir)
    let oldVersion = 0
    let newVersion = 0
    const tornNotes: string[] = []
    let notices = 0
    let writes = 0
    let expectedStart: string | null = null
    const delays: number[] = []
    /** Every version any writer announced: the backup must be one of them too. */
    const announced = new Set<string>([namesHash([])])

    let runsDone = 0
    for (let run = 0; run < RUNS; run++) {
      runsDone++
      const delayMs = rng.int(50, 400)
      delays.push(delayMs)
      const child = await runAndKill(dataDir, delayMs)
      expect(child.ready, `run ${run}: the writer never got ready: ${child.stderr}`).not.toBeNull()
      // Each run continues from exactly what the previous kill left behind.
      if (expectedStart !== null) expect(child.ready?.hash, `run ${run}: start state`).toBe(expectedStart)
      const committedGens = [...child.committed.keys()]
      const last = committedGens.length ? Math.max(...committedGens) : (child.ready?.gen ?? 0)
      const lastHash = child.committed.get(last) ?? child.ready?.hash
      const inFlight = child.intents.get(last + 1)
      writes += committedGens.length
      for (const hash of [...child.intents.values(), ...child.committed.values()]) announced.add(hash)

      let onDisk: Awaited<ReturnType<typeof readVersion>>
      let backup: Awaited<ReturnType<typeof readVersion>>
      try {
        onDisk = await readVersion(join(dataDir, 'profiles.json'))
        backup = await readVersion(join(dataDir, 'profiles.json.bak'))
      } catch (err) {
        tornNotes.push(`run ${run}: profiles.json or its backup is unreadable after a kill: ${String(err)}`)
        break
      }
      const diskHash = onDisk?.hash ?? namesHash([])
      if (diskHash === lastHash) oldVersion++
      else if (inFlight !== undefined && diskHash === inFlight) newVersion++
      else {
        tornNotes.push(
          `run ${run}: profiles.json holds generation ${generationOf(onDisk?.names ?? [])} (${diskHash}); ` +
            `the writer had confirmed ${last} (${String(lastHash)}) and was writing ${last + 1} (${String(inFlight)})`
        )
        break
      }
      if (backup) expect(announced.has(backup.hash), `run ${run}: the backup holds a version nobody wrote`).toBe(true)

      const fresh = await openFresh(dataDir)
      // Each process has its own in-memory vault, so "needs credentials" is expected here; a file notice is not.
      await fresh.profiles.keychainSweep()
      const fileNotices = fresh.profiles.notices.filter((n) => n.id.startsWith('profiles-file-'))
      notices += fileNotices.length
      expect(fileNotices, `run ${run}: corrupt-file notice`).toEqual([])
      const freshNames = (await fresh.profiles.list()).map((p) => p.name)
      expect(namesHash(freshNames)).toBe(diskHash)
      // The fresh stack cleared any temp file the kill left behind.
      expect((await readdir(dataDir)).filter((n) => n.includes('.tmp-'))).toEqual([])
      expectedStart = diskHash
    }

    const wall = ((Date.now() - started) / 1000).toFixed(1)
    console.log(
      `crash-safety: ${runsDone} runs (kill after ${Math.min(...delays)}–${Math.max(...delays)} ms), ${writes} confirmed writes, ` +
        `${oldVersion} old-version outcomes, ${newVersion} new-version outcomes, torn ${tornNotes.length}, corrupt-file notices ${notices}, ${wall} s`
    )
    expect(tornNotes).toEqual([])
    expect(oldVersion + newVersion).toBe(RUNS)
    expect(notices).toBe(0)
    expect(writes).toBeGreaterThan(RUNS)
  }, 90_000)
})
