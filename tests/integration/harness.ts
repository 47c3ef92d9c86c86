// A real createMain wired the way the preview host wires it (memory vault, temp data folder, the demo backend's
// embedded simulator, recording ports), for the integration suites. Imported by tests/integration/*.test.ts only.
import { createPrng } from '../../electron/simulator/prng'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InvokeChannel, InvokeInput, InvokeResult } from '../../shared/ipc/contract'
import type { AppErrorData } from '../../shared/domain/errors'
import type { Envelope } from '../../shared/ipc/envelope'
import { createMain, type Main } from '../../electron/main/app/create-main'
import type { ClientFactory } from '../../electron/main/api/client.types'
import type { ClipboardPort, Dialogs, NotificationSink, WindowPort } from '../../electron/main/ports'
import { createDemoBackend, type DemoBackendWithSim } from '../../electron/main/demo/demo-backend'
import { createLogger, SecretScrubber } from '../../electron/main/redact'
import { MemoryVault } from '../../electron/main/vault/memory-vault'
import { showDemoIfNothingSetUp } from '../../electron/main/profiles'
import type { StartedSimulator } from '../../electron/simulator/index'

/** Stands in for a renderer frame; the sender policy trusts every call (the fuzz targets input validation). */
export interface TestSender {
  id: string
}
export const SENDER: TestSender = { id: 'integration-test' }

export interface MainHarness {
  main: Main<TestSender>
  demo: DemoBackendWithSim
  sim: StartedSimulator
  vault: MemoryVault
  dataDir: string
  logLines: string[]
  recorded: {
    confirms: number
    fileDialogs: number
    notifications: number
    clipboard: string[]
    windows: number
    external: string[]
  }
  /** Typed dispatch through the real registry. */
  call<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<Envelope<InvokeResult<C>>>
  readProfileFile(): Promise<string>
  close(): Promise<void>
}

export async function startMainHarness(
  opts: {
    createClient?: ClientFactory
    /** Files to put in the data folder before start. */ prepare?: (dataDir: string) => Promise<void>
    /** 'on' (default): the demo sandbox shown while nothing is set up, as `--demo on` does in the preview host;
     * 'opt-in': as the app starts, the first-run choice still to make. */
    demo?: 'on' | 'opt-in'
  } = {}
): Promise<MainHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'nodetray-it-'))
  await opts.prepare?.(dataDir)
  const vault = new MemoryVault()
  const scrubber = new SecretScrubber()
  const logLines: string[] = []
  const log = createLogger(scrubber, (line) => logLines.push(line))
  const demo = createDemoBackend({ transitions: 'instant' })
  await demo.ensureStarted()
  const sim = demo.simulator()
  if (!sim) throw new Error('the demo backend did not start its simulator')

  const recorded: MainHarness['recorded'] = {
    confirms: 0,
    fileDialogs: 0,
    notifications: 0,
    clipboard: [],
    windows: 0,
    external: []
  }
  // Every dialog is cancelled: nothing the fuzz or soak sends may depend on a person clicking.
  const dialogs: Dialogs = {
    confirm: async (req) => {
      recorded.confirms++
      return req.cancelId
    },
    openFile: async () => {
      recorded.fileDialogs++
      return null
    },
    saveFile: async () => {
      recorded.fileDialogs++
      return null
    }
  }
  const notifier: NotificationSink = { show: () => void recorded.notifications++ }
  const clipboard: ClipboardPort = { writeText: (t) => void recorded.clipboard.push(t) }
  const window: WindowPort = { show: () => void recorded.windows++, quit: () => undefined }

  const main = await createMain<TestSender>(
    {
      version: '0.0.0-it',
      platform: process.platform,
      preview: true,
      dataDir,
      homeDir: join(dataDir, 'home'),
      vault,
      dialogs,
      notifier,
      clipboard,
      window,
      openExternal: async (url) => void recorded.external.push(url),
      demo,
      scrubber,
      log,
      ...(opts.createClient ? { createClient: opts.createClient } : {})
    },
    { isTrustedSender: () => true, describeSender: (s) => `test ${s.id}` }
  )
  if ((opts.demo ?? 'on') === 'on') await showDemoIfNothingSetUp(main.profiles, main.settings)

  return {
    main,
    demo,
    sim,
    vault,
    dataDir,
    logLines,
    recorded,
    call: async (channel, input) =>
      (await main.registry.dispatch(channel, input, SENDER)) as Envelope<InvokeResult<typeof channel>>,
    readProfileFile: () => readFile(join(dataDir, 'profiles.json'), 'utf8'),
    async close() {
      await main.dispose()
      await rm(dataDir, { recursive: true, force: true })
    }
  }
}

/** The value of an ok envelope; throws with the error's code and message otherwise (setup steps only). */
export function valueOf<T>(env: Envelope<T>, what: string): T {
  if (!env.ok) throw new Error(`${what} failed: ${env.error.code} ${env.error.message}`)
  return env.value
}

export function errorOf(env: Envelope<unknown>): AppErrorData | null {
  return env.ok ? null : env.error
}

/** Counts of the simulator's write requests by method: any change here means something reached the API. */
export function writeCounts(sim: StartedSimulator): Record<'POST' | 'PUT' | 'DELETE', number> {
  return {
    POST: sim.control.countRequests({ method: 'POST' }),
    PUT: sim.control.countRequests({ method: 'PUT' }),
    DELETE: sim.control.countRequests({ method: 'DELETE' })
  }
}

/** mulberry32: a tiny seeded PRNG, so a soak run can be replayed exactly from its seed. */
export interface Rng {
  next(): number
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

export function seededRandom(seed: number): Rng {
  const prng = createPrng(seed)
  return { next: prng.next, int: prng.int, pick: prng.pick, chance: (p) => prng.next() < p }
}
