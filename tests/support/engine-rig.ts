// The node engine (createNodesService) over real HTTP with the real API client and a real last-known cache in a
// temp folder, driven by a FakeClock. The clock waits, after each timer, until every request the client started has
// been answered, so a virtual minute takes milliseconds. start() again after kill() is a restart of the app on the
// same data folder: the old instance can no longer write, as after a kill -9.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../../shared/domain/settings'
import type { ProfileView } from '../../shared/domain/profile'
import type { ApiTarget, ClientOptions, E2EClient } from '../../electron/main/api/client.types'
import { createE2EClient } from '../../electron/main/api/index'
import { createNodesService, type NodesService } from '../../electron/main/nodes/index'
import { FakeClock, flushAsync } from './fake-clock'
import { nodeDiskFs, type DiskFs } from '../../electron/main/profiles/atomic-file'
import { createLastKnownCache } from '../../electron/main/profiles/last-known-cache'
import type { LastKnownCache, ProfilesService, SettingsService } from '../../electron/main/profiles/profiles.types'

export const PROFILE_ID = 'rig'

/** Atomic renames as in the app, without fsync: a kill here is a process kill, not a power cut, and it is faster. */
const unsyncedFs: DiskFs = {
  ...nodeDiskFs,
  writeFileSynced: (path, data, mode) => writeFile(path, data, { mode }),
  fsyncDir: async () => undefined
}

export interface EngineRig {
  clock: FakeClock
  service: NodesService
  /** Starts (or restarts) the app on the same data folder. */
  start(): Promise<void>
  /** The process dies: no more timers, requests or writes from this instance. */
  kill(): void
  /** Waits until every request in flight has been answered (or timed out). */
  settle(): Promise<void>
  dispose(): Promise<void>
}

export interface RigOptions {
  target: ApiTarget
  client?: ClientOptions
  /** Counted as busy by settle(), e.g. a proxy still forwarding. */
  busy?: () => number
}

const profileView: ProfileView = {
  id: PROFILE_ID,
  name: 'Rig',
  projectId: '1',
  location: 'Delhi',
  apiBaseUrl: 'http://127.0.0.1/',
  color: '#3b82f6',
  initials: 'RG',
  createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null,
  isDemo: false,
  credentials: {
    hasCredentials: true,
    apiKeyHint: '…rig1',
    tokenExpiresAt: null,
    tokenState: 'ok',
    tokenDaysLeft: null
  }
}

export async function startEngineRig(opts: RigOptions): Promise<EngineRig> {
  const dataDir = await mkdtemp(join(tmpdir(), 'nodetray-rig-'))
  const inFlight = new Set<Promise<unknown>>()
  const settle = async (): Promise<void> => {
    await flushAsync()
    for (let spins = 0; inFlight.size > 0 || (opts.busy?.() ?? 0) > 0; spins++) {
      if (spins > 2_000) throw new Error('requests still in flight after 10 s')
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, 5))])
      await flushAsync()
    }
  }
  const clock = new FakeClock(Date.UTC(2026, 1, 3, 8, 0, 0), settle)

  const tracked = (client: E2EClient, alive: () => boolean): E2EClient =>
    new Proxy(client, {
      get(obj, key: keyof E2EClient) {
        const fn = obj[key] as unknown
        if (typeof fn !== 'function') return fn
        return (...args: unknown[]) => {
          if (!alive()) return new Promise(() => undefined) // a dead process sends nothing
          const p = (fn as (...a: unknown[]) => Promise<unknown>)(...args)
          inFlight.add(p)
          void p.then(
            () => inFlight.delete(p),
            () => inFlight.delete(p)
          )
          return p
        }
      }
    })

  const settings: SettingsService = {
    get: () => DEFAULT_SETTINGS,
    update: async () => DEFAULT_SETTINGS,
    onChanged: () => () => undefined
  }
  const profiles: ProfilesService = {
    list: async () => [profileView],
    get: async () => profileView,
    create: vi.fn(),
    update: vi.fn(),
    delete: vi.fn(),
    checkCredentials: vi.fn(),
    pickImport: vi.fn(),
    importProfiles: vi.fn(),
    checkImport: vi.fn(),
    exportProfiles: vi.fn(),
    markUsed: vi.fn(),
    apiTarget: async () => opts.target,
    onChanged: () => () => undefined
  }

  let alive = false
  let service: NodesService | null = null
  /** Writes the last instance started before it died: a new process starts only after they landed. */
  let lastWrites = new Set<Promise<unknown>>()
  const rig: EngineRig = {
    clock,
    get service(): NodesService {
      if (!service) throw new Error('the rig is not started')
      return service
    },
    async start() {
      rig.kill()
      await Promise.allSettled([...lastWrites])
      let thisAlive = true
      alive = true
      const writes = new Set<Promise<unknown>>()
      lastWrites = writes
      const real = createLastKnownCache({ dataDir, fs: unsyncedFs })
      const lastKnown: LastKnownCache = {
        load: (id) => real.load(id),
        save: (id, v) => {
          if (!thisAlive) return Promise.resolve()
          const w = real.save(id, v)
          writes.add(w)
          void w.finally(() => writes.delete(w)).catch(() => undefined)
          return w
        },
        delete: (id) => real.delete(id)
      }
      const instance = createNodesService({
        profiles,
        settings,
        lastKnown,
        createClient: (target, o) =>
          tracked(createE2EClient(target, { ...o, ...opts.client }), () => thisAlive && alive),
        clock,
        notifier: { show: () => undefined },
        log: { info: () => undefined, warn: () => undefined, error: () => undefined }
      })
      rig.kill = () => {
        thisAlive = false
        void instance.stop()
      }
      service = instance
      await instance.start()
    },
    kill: () => undefined,
    settle,
    async dispose() {
      rig.kill()
      await settle()
      await rm(dataDir, { recursive: true, force: true })
    }
  }
  return rig
}
