// A typed fake of the page's bridge for the wizard's jsdom tests. Typed BridgeApi, so a contract change breaks it
// at compile time. Channels the wizard does not use answer NOT_AVAILABLE, which a test would notice.
import type { AppErrorData } from '../../../../shared/domain/errors'
import type { ProfileNodes } from '../../../../shared/domain/node-state'
import type { BridgeApi } from '../../../../shared/ipc/bridge'
import type { CreateNodeResult, EventName, EventPayloads } from '../../../../shared/ipc/contract'
import { errEnvelope, okEnvelope, type Envelope } from '../../../../shared/ipc/envelope'
import type { CreateNodeInput } from './wizard.rules'
import { OPTIONS, OS_FAMILIES, PLANS, PROFILE, node, profileNodes } from './wizard.fixtures'

type Answer<T> = T | { error: AppErrorData } | Promise<T | { error: AppErrorData }>

export interface FakeBridge {
  api: BridgeApi
  /** Every nodes:create input, in order. */
  creates: CreateNodeInput[]
  /** Answers for the next create calls, taken in order; the last one repeats. */
  createAnswers: Answer<CreateNodeResult>[]
  snapshot: ProfileNodes[]
  plans: Answer<typeof PLANS>
  refreshes: number
  /** Texts the page asked main to copy. */
  copied: string[]
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
}

const notInFake = (): Promise<Envelope<never>> => Promise.resolve(errEnvelope({ code: 'NOT_AVAILABLE', message: 'not in this fake' }))

async function answer<T>(a: Answer<T>): Promise<Envelope<T>> {
  const v = await a
  if (v !== null && typeof v === 'object' && 'error' in v) return errEnvelope((v as { error: AppErrorData }).error)
  return okEnvelope(v as T)
}

export function createFakeBridge(): FakeBridge {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>()
  const fake: FakeBridge = {
    api: undefined as unknown as BridgeApi,
    creates: [],
    createAnswers: [{ outcome: 'created', nodes: [node(101, 'node-01')], message: 'Created node-01' }],
    snapshot: [profileNodes([node(7, 'web-01', { status: 'RUNNING', publicIp: '203.0.113.7' })])],
    plans: PLANS,
    refreshes: 0,
    copied: [],
    emit(event, payload) {
      listeners.get(event)?.forEach((l) => l(payload))
    }
  }
  const api: BridgeApi = {
    app: { info: notInFake, openExternal: notInFake, dismissNotice: notInFake },
    clipboard: {
      write: ({ text }) => {
        fake.copied.push(text)
        return answer({ copied: true as const })
      }
    },
    settings: { get: notInFake, update: notInFake },
    profiles: {
      list: () => answer([PROFILE]),
      create: notInFake,
      update: notInFake,
      delete: notInFake,
      checkCredentials: notInFake,
      pickImport: notInFake,
      import: notInFake,
      export: notInFake
    },
    nodes: {
      snapshot: () => answer(fake.snapshot),
      refresh: () => {
        fake.refreshes++
        return answer({ refreshed: 1 })
      },
      detail: notInFake,
      action: notInFake,
      delete: notInFake,
      committedSettings: notInFake,
      create: (input) => {
        fake.creates.push(input)
        const next = fake.createAnswers.length > 1 ? fake.createAnswers.shift() : fake.createAnswers[0]
        return next === undefined ? notInFake() : answer(next)
      }
    },
    catalog: {
      os: () => answer(OS_FAMILIES),
      plans: () => answer(fake.plans),
      createOptions: () => answer(OPTIONS)
    },
    poller: { setPaused: notInFake },
    tray: { model: notInFake, activate: notInFake },
    dialog: { respond: notInFake },
    events: {
      on(event, listener) {
        const set = listeners.get(event) ?? new Set()
        listeners.set(event, set)
        const l = listener as (p: unknown) => void
        set.add(l)
        return () => set.delete(l)
      }
    }
  }
  fake.api = api
  return fake
}
