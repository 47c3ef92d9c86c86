// A fake bridge for jsdom tests: typed BridgeApi (built from the contract, so a contract change breaks it at
// compile time), answering envelopes from an in-memory state. Override any channel; throw `fail(...)` to answer
// an error envelope. `emit` plays a main → renderer event.
import type { AppErrorData, ErrorCode } from '../../../shared/domain/errors'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings'
import type { ProfileNodes } from '../../../shared/domain/node-state'
import type { ProfileView } from '../../../shared/domain/profile'
import { buildBridgeApi, type BridgeApi } from '../../../shared/ipc/bridge'
import type {
  AppInfo,
  EventName,
  EventPayloads,
  InvokeChannel,
  InvokeInput,
  InvokeResult,
  WizardDraftSaved
} from '../../../shared/ipc/contract'
import { errEnvelope, okEnvelope } from '../../../shared/ipc/envelope'
import { makeDetail } from '../builders'

export type FakeHandlers = {
  [C in InvokeChannel]: (input: InvokeInput<C>) => InvokeResult<C> | Promise<InvokeResult<C>>
}

export class FakeFailure extends Error {
  constructor(readonly data: AppErrorData) {
    super(data.message)
  }
}

/** Throw from a handler to answer `{ ok: false, error }`. */
export function fail(code: ErrorCode, message: string, extra: Partial<AppErrorData> = {}): FakeFailure {
  return new FakeFailure({ code, message, ...extra })
}

/** A scripted answer: a value, `{ error }` for an error envelope, or a promise of either (to hold a call in flight). */
export type FakeAnswer<T> = T | { error: AppErrorData } | Promise<T | { error: AppErrorData }>

/** Turns a scripted answer into a handler result (an `{ error }` becomes an error envelope). */
export async function answerWith<T>(answer: FakeAnswer<T>): Promise<T> {
  const v = await answer
  if (isErrorAnswer(v)) throw new FakeFailure(v.error)
  return v
}

/** Takes the next scripted answer from a queue; the last one repeats, so a test scripts only what differs. */
export function nextAnswer<T>(queue: FakeAnswer<T>[]): Promise<T> {
  const next = queue.length > 1 ? queue.shift() : queue[0]
  if (next === undefined)
    return Promise.reject(new FakeFailure({ code: 'NOT_AVAILABLE', message: 'No answer scripted' }))
  return answerWith(next)
}

function isErrorAnswer(v: unknown): v is { error: AppErrorData } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'error' in v
}

export interface FakeState {
  info: AppInfo
  settings: Settings
  profiles: ProfileView[]
  snapshot: ProfileNodes[]
  /** What the page asked main to copy. */
  clipboard: string[]
  /** The create wizard's draft as main would hold it. */
  wizardDraft: WizardDraftSaved | null
}

export type FakeApi = BridgeApi & {
  state: FakeState
  calls: { channel: InvokeChannel; input: unknown }[]
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
  /** Inputs of every call to one channel, in order. */
  callsTo<C extends InvokeChannel>(channel: C): InvokeInput<C>[]
}

export function createFakeApi(overrides: Partial<FakeHandlers> = {}, initial: Partial<FakeState> = {}): FakeApi {
  const state: FakeState = {
    info: { name: 'Nodetray', version: '0.1.0', platform: 'linux', demoMode: true, preview: false, notices: [] },
    settings: { ...DEFAULT_SETTINGS },
    profiles: [],
    snapshot: [],
    clipboard: [],
    wizardDraft: null,
    ...initial
  }
  const listeners = new Map<EventName, Set<(p: unknown) => void>>()
  const calls: { channel: InvokeChannel; input: unknown }[] = []

  const defaults: FakeHandlers = {
    'app:info': () => state.info,
    'app:open-external': () => ({ opened: true }),
    'app:dismiss-notice': ({ id }) => {
      const before = state.info.notices.length
      state.info = { ...state.info, notices: state.info.notices.filter((n) => n.id !== id) }
      return { dismissed: state.info.notices.length < before }
    },
    'clipboard:write': ({ text }) => {
      state.clipboard.push(text)
      return { copied: true }
    },
    'settings:get': () => state.settings,
    'settings:update': (patch) => (state.settings = { ...state.settings, ...stripUndefined(patch) }),
    'profiles:list': () => state.profiles,
    'profiles:create': (input) => {
      const p: ProfileView = {
        id: `p${state.profiles.length + 1}`,
        name: input.name,
        projectId: input.projectId,
        location: input.location,
        apiBaseUrl: input.apiBaseUrl ?? 'https://api.e2enetworks.com/myaccount/api/v1',
        color: input.color ?? '#3b82f6',
        initials: input.initials ?? input.name.slice(0, 2).toUpperCase(),
        createdAt: new Date().toISOString(),
        lastUsedAt: null,
        isDemo: false,
        credentials: {
          hasCredentials: true,
          apiKeyHint: `…${input.apiKey.slice(-4)}`,
          tokenExpiresAt: null,
          tokenState: 'ok',
          tokenDaysLeft: null
        }
      }
      state.profiles = [...state.profiles, p]
      return p
    },
    'profiles:update': (input) => {
      const p = state.profiles.find((x) => x.id === input.profileId)
      if (!p) throw fail('NOT_FOUND', 'No such profile')
      return p
    },
    'profiles:delete': ({ profileId }) => {
      state.profiles = state.profiles.filter((p) => p.id !== profileId)
      return { deleted: true }
    },
    'profiles:check-credentials': () => ({
      valid: true,
      projects: [{ projectId: 51734, name: 'default-project', isDefault: true }]
    }),
    'profiles:pick-import': () => null,
    'profiles:import': () => [],
    'profiles:export': () => ({ savedTo: null, count: 0 }),
    'profiles:retry-keychain': () => state.profiles,
    'profiles:check-import': ({ alias }) => ({
      alias,
      checks: [{ id: 'token', state: 'ok', text: 'Token valid' }],
      projects: [{ projectId: 51734, name: 'default-project', isDefault: true }],
      blockedBy: null
    }),
    'nodes:snapshot': () => state.snapshot,
    'nodes:refresh': () => ({ refreshed: state.snapshot.length }),
    'nodes:detail': ({ profileId, nodeId }) => {
      const node = state.snapshot.find((s) => s.profileId === profileId)?.nodes.find((n) => n.id === nodeId)
      if (!node) throw fail('NOT_FOUND', 'The node no longer exists')
      return makeDetail(node)
    },
    'nodes:action': () => ({ accepted: true }),
    'nodes:delete': () => ({ deleted: true }),
    'nodes:committed-settings': () => ({ updated: true }),
    'nodes:create': () => ({ outcome: 'created', nodes: [], message: 'Created' }),
    'catalog:os': () => [],
    'catalog:plans': () => [],
    'catalog:create-options': () => ({ sshKeys: [], securityGroups: [], vpcs: [], reservedIps: [] }),
    'poller:set-paused': ({ paused }) => ({ paused }),
    'tray:model': () => ({ icon: 'ok', title: '', tooltip: 'Nodetray', items: [] }),
    'tray:activate': () => ({ done: true }),
    'dialog:respond': () => ({ done: true }),
    'updates:status': () => ({ state: 'idle', enabled: false, version: null, message: null }),
    'updates:restart': () => ({ restarting: false }),
    'wizard:draft-get': () => state.wizardDraft,
    'wizard:draft-save': ({ draft }) => {
      state.wizardDraft = draft ? { draft, savedAt: new Date().toISOString() } : null
      return { saved: draft !== null }
    }
  }
  const handlers = { ...defaults, ...overrides } as Record<InvokeChannel, (input: unknown) => unknown>

  const api = buildBridgeApi({
    async invoke(channel, input) {
      calls.push({ channel, input })
      try {
        return okEnvelope(await handlers[channel](input))
      } catch (e) {
        if (e instanceof FakeFailure) return errEnvelope(e.data)
        throw e
      }
    },
    subscribe(event, listener) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener)
      return () => set.delete(listener)
    }
  })

  return Object.assign(Object.create(null) as object, api, {
    state,
    calls,
    emit<E extends EventName>(event: E, payload: EventPayloads[E]) {
      for (const l of listeners.get(event) ?? []) l(payload)
    },
    callsTo: (channel: InvokeChannel) => calls.filter((c) => c.channel === channel).map((c) => c.input)
  }) as FakeApi
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
