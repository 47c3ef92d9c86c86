// Test fakes for the engine: an E2EClient over an in-memory node table, and in-memory profiles, settings and
// last-known stores. Used by the unit tests only.
import { vi } from 'vitest'
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings'
import type { NodeDetail, NodeStatus, NodeSummary } from '../../shared/domain/node'
import type { ProfileView } from '../../shared/domain/profile'
import type { AppNotification } from '../../shared/domain/notifications'
import type {
  ApiTarget,
  ClientFactory,
  ClientOptions,
  CreateNodeOutcome,
  E2EClient
} from '../../electron/main/api/client.types'
import { DomainError } from '../../electron/main/errors'
import type {
  LastKnown,
  LastKnownCache,
  ProfilesService,
  SettingsService
} from '../../electron/main/profiles/profiles.types'
import type { Logger } from '../../electron/main/redact'
import { makeNode, makeProfile } from './builders'
import { FakeClock } from './fake-clock'
import { createNodesService } from '../../electron/main/nodes/index'

/** The engine tests' defaults over the shared builder (builders.ts). */
export function summary(id: number, status: NodeStatus = 'RUNNING', extra: Partial<NodeSummary> = {}): NodeSummary {
  return makeNode({
    id,
    name: `web-0${id}`,
    status,
    rawStatus: status,
    publicIp: `10.0.0.${id}`,
    privateIp: null,
    createdAt: null,
    vcpus: 2,
    ...extra
  })
}

export function detailOf(n: NodeSummary): NodeDetail {
  return {
    ...n,
    vmId: n.id + 1000,
    price: null,
    os: null,
    sshKeys: [],
    startScriptCount: 0,
    committed: null,
    vmType: null,
    rescueMode: false,
    securityGroupCount: null,
    isUpgradable: false,
    isVpcAttached: false,
    lcmState: null
  }
}

/** One project's node table. `fail` makes the next calls throw; every method counts as one request. */
export class FakeApi {
  nodes = new Map<number, NodeSummary>()
  fail: DomainError | null = null
  failNext: DomainError[] = []
  nextId = 100
  createImpl: ((names: string[]) => Promise<CreateNodeOutcome>) | null = null
  /** While set, list answers wait for it (a list that started earlier arrives late). */
  holdLists: Promise<void> | null = null
  readonly calls = {
    listNodes: 0,
    getNode: 0,
    nodeAction: 0,
    deleteNode: 0,
    createNode: 0,
    listOs: 0,
    listPlans: 0,
    committed: 0
  }

  constructor(nodes: NodeSummary[] = []) {
    for (const n of nodes) this.nodes.set(n.id, n)
  }

  set(id: number, patch: Partial<NodeSummary>): void {
    const n = this.nodes.get(id)
    if (n) this.nodes.set(id, { ...n, ...patch })
  }

  client(options: ClientOptions = {}): E2EClient {
    const hit = async (method: string, path: string): Promise<void> => {
      options.onRequest?.({ method, path })
      await Promise.resolve()
      const once = this.failNext.shift()
      if (once) throw once
      if (this.fail) throw this.fail
    }
    const notImplemented = (): never => {
      throw new DomainError('INTERNAL', 'not in the fake')
    }
    return {
      checkCredentials: async () => undefined,
      listProjects: async () => [],
      listOs: async () => {
        this.calls.listOs++
        await hit('GET', 'images/os-category/')
        return [{ os: 'Ubuntu', displayCategories: ['Linux'], versions: [] }]
      },
      listPlans: async () => {
        this.calls.listPlans++
        await hit('GET', 'images/')
        return []
      },
      listNodes: async () => {
        this.calls.listNodes++
        // What E2E had when the request arrived, even if the answer is held back.
        const seen = [...this.nodes.values()]
        await hit('GET', 'nodes/')
        if (this.holdLists) await this.holdLists
        return seen
      },
      getNode: async (id) => {
        this.calls.getNode++
        await hit('GET', `nodes/${id}/`)
        const n = this.nodes.get(id)
        if (!n) throw new DomainError('NOT_FOUND', 'Node not found', { status: 404 })
        return detailOf(n)
      },
      createNode: async (req) => {
        this.calls.createNode++
        await hit('POST', 'nodes/')
        const names = req.count > 1 ? Array.from({ length: req.count }, (_, i) => `${req.name}-${i + 1}`) : [req.name]
        if (this.createImpl) return this.createImpl(names)
        const created = names.map((name) => summary(this.nextId++, 'CREATING', { name, publicIp: null }))
        for (const n of created) this.nodes.set(n.id, n)
        return { outcome: 'created', nodes: created }
      },
      deleteNode: async (id) => {
        this.calls.deleteNode++
        await hit('DELETE', `nodes/${id}/`)
      },
      nodeAction: async (id, action) => {
        this.calls.nodeAction++
        await hit('PUT', `nodes/${id}/actions/`)
        return { actionId: 1, status: 'In Progress', actionType: action }
      },
      renameNode: notImplemented,
      saveImage: notImplemented,
      updateCommittedSettings: async (id) => {
        this.calls.committed++
        await hit('PUT', `nodes/${id}/committed/`)
      },
      convertToCommitted: notImplemented,
      upgradeNode: notImplemented,
      listSshKeys: async () => [],
      listSecurityGroups: async () => [],
      listVpcs: async () => [],
      listReservedIps: async () => [],
      listSavedImages: async () => [],
      createOptions: async () => ({ sshKeys: [], securityGroups: [], vpcs: [], reservedIps: [] })
    }
  }
}

export function profileView(id: string, extra: Partial<ProfileView> = {}): ProfileView {
  const base = makeProfile()
  return makeProfile({
    id,
    name: id.toUpperCase(),
    projectId: '1234',
    apiBaseUrl: 'https://api.example.test/v1',
    initials: id.slice(0, 2).toUpperCase(),
    credentials: { ...base.credentials, apiKeyHint: '…abcd' },
    ...extra
  })
}

/** The whole engine over fakes: one FakeApi per profile id. */
export interface HarnessOptions {
  cached?: Record<string, LastKnown>
  settings?: Partial<Settings>
  /** Simulator tests: a clock that also waits for real HTTP, and the real client. */
  clock?: FakeClock
  createClient?: ClientFactory
  apiTarget?: (profileId: string) => Promise<ApiTarget>
}

export function engineHarness(apis: Record<string, FakeApi>, opts: HarnessOptions = {}) {
  const clock = opts.clock ?? new FakeClock()
  let profiles = Object.keys(apis).map((id) => profileView(id))
  const profileListeners = new Set<(p: ProfileView[]) => void>()
  let settings: Settings = { ...DEFAULT_SETTINGS, ...opts.settings }
  const settingsListeners = new Set<(s: Settings) => void>()
  const saved = new Map<string, LastKnown>(Object.entries(opts.cached ?? {}))
  const notifications: AppNotification[] = []
  const logLines: string[] = []
  const log: Logger = {
    info: (m, meta) => logLines.push(`INFO ${m} ${JSON.stringify(meta ?? {})}`),
    warn: (m, meta) => logLines.push(`WARN ${m} ${JSON.stringify(meta ?? {})}`),
    error: (m, meta) => logLines.push(`ERROR ${m} ${JSON.stringify(meta ?? {})}`)
  }
  const profilesService: ProfilesService = {
    list: async () => profiles,
    get: async (id) => {
      const p = profiles.find((x) => x.id === id)
      if (!p) throw new DomainError('NOT_FOUND', 'no such profile')
      return p
    },
    create: vi.fn(),
    update: vi.fn(),
    delete: vi.fn(),
    checkCredentials: vi.fn(),
    pickImport: vi.fn(),
    importProfiles: vi.fn(),
    checkImport: vi.fn(),
    exportProfiles: vi.fn(),
    markUsed: vi.fn(),
    apiTarget:
      opts.apiTarget ??
      (async (id) => ({
        baseUrl: 'https://api.example.test/v1',
        apiKey: `key-${id}`,
        authToken: `token-${id}`,
        projectId: 1234,
        location: 'Delhi'
      })),
    onChanged: (l) => {
      profileListeners.add(l)
      return () => profileListeners.delete(l)
    }
  }
  const settingsService: SettingsService = {
    get: () => settings,
    update: async (patch) => {
      settings = { ...settings, ...patch }
      for (const l of settingsListeners) l(settings)
      return settings
    },
    onChanged: (l) => {
      settingsListeners.add(l)
      return () => settingsListeners.delete(l)
    }
  }
  let saveFailure: Error | null = null
  const lastKnown: LastKnownCache = {
    load: async (id) => saved.get(id) ?? null,
    save: async (id, v) => {
      if (saveFailure) throw saveFailure
      saved.set(id, structuredClone(v))
    },
    delete: async (id) => void saved.delete(id)
  }
  const clientsBuilt: string[] = []
  const service = createNodesService({
    profiles: profilesService,
    settings: settingsService,
    lastKnown,
    createClient:
      opts.createClient ??
      ((target, options) => {
        const id = target.apiKey.replace(/^key-/, '')
        clientsBuilt.push(id)
        const api = apis[id]
        if (!api) throw new Error(`no fake api for ${id}`)
        return api.client(options)
      }),
    clock,
    notifier: { show: (n) => void notifications.push(n) },
    log
  })
  const state = (id: string) => {
    const s = service.snapshot().find((x) => x.profileId === id)
    if (!s) throw new Error(`no state for ${id}`)
    return s
  }
  return {
    clock,
    service,
    saved,
    notifications,
    logLines,
    clientsBuilt,
    settingsService,
    state,
    failSaves(error: Error | null) {
      saveFailure = error
    },
    setProfiles(next: ProfileView[]) {
      profiles = next
      for (const l of profileListeners) l(profiles)
    }
  }
}
