// The wizard's jsdom tests run over the shared fake bridge (fake-api.ts), seeded with the wizard's catalog
// and with knobs for what the wizard tests script: create answers in order and the plan list.
import type { CreateNodeResult, EventName, EventPayloads } from '../../../shared/ipc/contract'
import type { ProfileNodes } from '../../../shared/domain/node-state'
import { createFakeApi, answerWith, nextAnswer, type FakeAnswer, type FakeApi } from './fake-api'
import type { CreateNodeInput } from '../../../renderer/src/features/create-wizard/wizard.rules'
import { OPTIONS, OS_FAMILIES, PLANS, PROFILE, node, profileNodes } from './wizard-fixtures'

export interface FakeBridge {
  api: FakeApi
  /** Every nodes:create input, in order. */
  readonly creates: CreateNodeInput[]
  /** Answers for the next create calls, taken in order; the last one repeats. */
  createAnswers: FakeAnswer<CreateNodeResult>[]
  /** What nodes:snapshot answers (the shared fake's state). */
  snapshot: ProfileNodes[]
  plans: FakeAnswer<typeof PLANS>
  readonly refreshes: number
  /** Texts the page asked main to copy. */
  readonly copied: string[]
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
}

export function createFakeBridge(): FakeBridge {
  const script = {
    createAnswers: [
      { outcome: 'created', nodes: [node(101, 'node-01')], message: 'Created node-01' }
    ] as FakeAnswer<CreateNodeResult>[],
    plans: PLANS as FakeAnswer<typeof PLANS>
  }
  const api = createFakeApi(
    {
      'nodes:create': () => nextAnswer(script.createAnswers),
      'catalog:os': () => OS_FAMILIES,
      'catalog:plans': () => answerWith(script.plans),
      'catalog:create-options': () => OPTIONS
    },
    {
      profiles: [PROFILE],
      snapshot: [profileNodes([node(7, 'web-01', { status: 'RUNNING', publicIp: '203.0.113.7' })])]
    }
  )
  return {
    api,
    get creates() {
      return api.callsTo('nodes:create')
    },
    get createAnswers() {
      return script.createAnswers
    },
    set createAnswers(answers) {
      script.createAnswers = answers
    },
    get snapshot() {
      return api.state.snapshot
    },
    set snapshot(snapshot) {
      api.state.snapshot = snapshot
    },
    get plans() {
      return script.plans
    },
    set plans(plans) {
      script.plans = plans
    },
    get refreshes() {
      return api.callsTo('nodes:refresh').length
    },
    get copied() {
      return api.state.clipboard
    },
    emit: (event, payload) => api.emit(event, payload)
  }
}
