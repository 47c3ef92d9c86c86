// The create command's promises to the user, each pinned by a test that fails when the rule is broken (found by
// mutation testing, `npm run mutate -- create-delete`; see docs/mutation-survivors.md): which plan needs a disk, what
// a refused create says and whether it was sent, how long Retry waits after an uncertain create, how long a request
// id is remembered, and that an unsaved create is never sent.
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { ApiTarget, ClientOptions, E2EClient } from '../../electron/main/api/client.types'
import { planRow, toPlan } from '../../electron/main/api/catalog.mapper'
import { DomainError } from '../../electron/main/errors'
import { CREATE_MEMORY_MS } from '../../electron/main/nodes/create-command'
import { SETTLE_WINDOW_MS } from '../../electron/main/nodes/pending-creates'
import type * as S from '../../shared/ipc/schemas'
import { engineHarness, FakeApi, profileView, summary, type HarnessOptions } from '../support/engine-fakes'

const E1 = 'E1-4vCPU-8RAM-0DISK-E1.8GB-Ubuntu-22.04-Delhi'
const C3 = 'C3-8vCPU-16RAM-100DISK-C3.16GB-Ubuntu-22.04-Delhi'
const REQUEST = '6f1c3c1e-8c1a-4d6e-9d5e-2b1f3a4c5d6e'

const input = (over: Partial<z.infer<typeof S.CreateNodeInput>> = {}): z.infer<typeof S.CreateNodeInput> => ({
  profileId: 'a',
  requestId: REQUEST,
  name: 'api-01',
  plan: C3,
  image: 'Ubuntu-22.04',
  count: 1,
  sshKeys: [],
  backups: false,
  ipv6: false,
  ...over
})

/** A project whose plan list is E2E's, mapped by the real mapper (an E1 plan first, then a C3 one). */
class CatalogApi extends FakeApi {
  override client(options: ClientOptions = {}): E2EClient {
    const inner = super.client(options)
    return {
      ...inner,
      listPlans: async (q) => {
        await inner.listPlans(q)
        return [E1, C3].map((slug) => toPlan(planRow.parse({ plan: slug, name: slug.split('-')[4] })))
      }
    }
  }
}

async function started(api: FakeApi = new FakeApi([summary(1)]), opts: HarnessOptions = {}) {
  const h = engineHarness({ a: api }, opts)
  await h.service.start()
  await h.clock.advance(1)
  return { api, h }
}

const ambiguous = () => new DomainError('TIMEOUT', 'E2E did not answer in time.', { createOutcome: 'unknown' })

async function failure(p: Promise<unknown>): Promise<DomainError['data']> {
  try {
    await p
  } catch (e) {
    if (e instanceof DomainError) return e.data
    throw e
  }
  throw new Error('expected the create to be refused')
}

describe('which plan needs a disk, once the wizard has loaded the plan list', () => {
  it('a C3 plan goes out without a disk even when an E1 plan is listed first; the E1 plan is refused without one', async () => {
    const { api, h } = await started(new CatalogApi([summary(1)]))
    await h.service.catalogOs('a')
    const plans = await h.service.catalogPlans({
      profileId: 'a',
      os: 'Ubuntu',
      version: '22.04',
      subCategory: 'Ubuntu',
      displayCategory: 'Linux'
    })
    expect(plans.map((p) => [p.slug, p.requiresDisk])).toEqual([
      [E1, true],
      [C3, false]
    ])
    expect(await failure(h.service.create(input({ plan: E1, name: 'e1-node' })))).toMatchObject({
      code: 'VALIDATION',
      field: 'disk',
      createOutcome: 'not_created',
      message: 'This plan has no fixed disk: choose a disk size (75–2400 GB).'
    })
    expect(api.calls.createNode).toBe(0)
    expect(await h.service.create(input())).toMatchObject({ outcome: 'created', message: 'Created api-01' })
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })
})

describe('a refused create says why, and that nothing was sent', () => {
  const noCredentials = async (): Promise<ApiTarget> => {
    throw new DomainError('VALIDATION', 'This profile has no stored credentials.', { field: 'apiKey' })
  }

  it('a name in the last-known list is refused as taken even while the credentials cannot be read', async () => {
    const cached = { a: { nodes: [summary(1)], fetchedAt: new Date(Date.UTC(2026, 1, 3)).toISOString() } }
    const { api, h } = await started(new FakeApi([summary(1)]), { cached, apiTarget: noCredentials })
    expect(h.state('a').nodes.map((n) => n.name)).toEqual(['web-01'])
    expect(await failure(h.service.create(input({ name: 'web-01' })))).toMatchObject({
      code: 'CONFLICT',
      field: 'name',
      createOutcome: 'not_created',
      message: 'A node named web-01 already exists in this project and location. Choose another name.'
    })
    // A free name gets the credential problem, marked as not sent (the wizard may offer Retry).
    expect(await failure(h.service.create(input()))).toMatchObject({
      code: 'VALIDATION',
      field: 'apiKey',
      createOutcome: 'not_created'
    })
    expect(api.calls.createNode).toBe(0)
    await h.service.stop()
  })

  it('a create that cannot be saved first is not sent, says so, and logs why', async () => {
    const { api, h } = await started()
    h.failSaves(new Error('ENOSPC: no space left on device'))
    expect(await failure(h.service.create(input()))).toEqual({
      code: 'INTERNAL',
      message:
        'Nodetray could not save the request before sending it, so nothing was sent. Check the disk and try again.',
      createOutcome: 'not_created'
    })
    expect(api.calls.createNode).toBe(0)
    expect(h.logLines).toContain(
      'WARN could not save a create before sending it {"profileId":"a","error":"Error: ENOSPC: no space left on device"}'
    )
    await h.service.stop()
  })

  it('a profile deleted while its credentials were being read: nothing is sent, and the create says so', async () => {
    let open = (): void => undefined
    let gate: Promise<void> | null = null
    const { api, h } = await started(new FakeApi([summary(1)]), {
      apiTarget: async (id) => {
        if (gate) await gate
        return {
          baseUrl: 'https://x',
          apiKey: `key-${id}`,
          authToken: `token-${id}`,
          projectId: 1234,
          location: 'Delhi'
        }
      }
    })
    // New credentials: the client is built again, and the keychain is slow this time.
    gate = new Promise<void>((r) => (open = r))
    h.setProfiles([profileView('a', { credentials: { ...profileView('a').credentials, apiKeyHint: '…ffff' } })])
    await h.clock.advance(1)
    const create = failure(h.service.create(input()))
    await Promise.resolve()
    h.setProfiles([])
    open()
    expect(await create).toMatchObject({ createOutcome: 'not_created' })
    expect(api.calls.createNode).toBe(0)
    await h.service.stop()
  })
})

describe('Retry after an uncertain create', () => {
  it('says what failed, when Nodetray will know, and refuses Retry with the time left until then', async () => {
    const { api, h } = await started()
    api.createImpl = async () => {
      throw ambiguous()
    }
    expect(await failure(h.service.create(input()))).toEqual({
      code: 'TIMEOUT',
      message:
        "E2E did not answer in time. Nodetray will check E2E's node list in about 60 s to tell whether it was made; Retry is off until then.",
      createOutcome: 'unknown'
    })
    api.createImpl = null
    const lists = api.calls.listNodes
    expect(await failure(h.service.create(input()))).toMatchObject({
      code: 'PRECONDITION',
      createOutcome: 'unknown',
      retryAfterMs: 60_000,
      message:
        'Nodetray is still checking whether E2E created api-01. It will know in about 60 s; Retry is possible then.'
    })
    // A Retry inside the window asks E2E nothing: no list fetched then could settle it.
    expect(api.calls.listNodes).toBe(lists)
    await h.clock.advance(20_500)
    expect(await failure(h.service.create(input()))).toMatchObject({
      retryAfterMs: 40_000,
      message: expect.stringContaining('It will know in about 40 s;')
    })
    // The window has passed but E2E's lists fail: Nodetray cannot say when it will know.
    api.fail = new DomainError('SERVER', 'E2E had a problem (503).', { status: 503 })
    await h.clock.advance(SETTLE_WINDOW_MS)
    expect(await failure(h.service.create(input()))).toMatchObject({
      code: 'PRECONDITION',
      retryAfterMs: 0,
      message:
        "Nodetray is still checking whether E2E created api-01. It will know as soon as E2E's node list loads; Retry is possible then."
    })
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  it('a new create asks E2E for nothing but the POST', async () => {
    const { api, h } = await started()
    const lists = api.calls.listNodes
    expect(await h.service.create(input())).toMatchObject({ outcome: 'created' })
    expect(api.calls.listNodes).toBe(lists)
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  it('a Retry after "not created" starts over: refused because the name is now taken, the old outcome is gone', async () => {
    const { api, h } = await started()
    api.createImpl = async () => {
      throw ambiguous()
    }
    await failure(h.service.create(input()))
    api.createImpl = null
    await h.clock.advance(SETTLE_WINDOW_MS + 5_000)
    expect(h.state('a').creates).toEqual([expect.objectContaining({ state: 'not_created' })])
    // Meanwhile someone made api-01 in E2E's console.
    api.nodes.set(400, summary(400, 'RUNNING', { name: 'api-01' }))
    await h.clock.advance(60_000)
    expect(h.state('a').nodes.map((n) => n.name)).toContain('api-01')
    expect(await failure(h.service.create(input()))).toMatchObject({ code: 'CONFLICT', field: 'name' })
    expect(h.state('a').creates ?? []).toEqual([])
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  it('a POST still unanswered when its request id is forgotten (1 h): Retry is refused, never a second POST', async () => {
    const { api, h } = await started()
    let fail = (): void => undefined
    api.createImpl = () => new Promise((_, reject) => (fail = () => reject(ambiguous())))
    const first = failure(h.service.create(input()))
    await h.clock.advance(1)
    h.clock.set(h.clock.now() + CREATE_MEMORY_MS)
    expect(await failure(h.service.create(input()))).toMatchObject({
      code: 'PRECONDITION',
      createOutcome: 'unknown',
      retryAfterMs: 0,
      message: expect.stringContaining('still checking whether E2E created api-01')
    })
    fail()
    expect(await first).toMatchObject({ createOutcome: 'unknown' })
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })
})

describe('a request id is remembered for an hour', () => {
  it('the same answer up to the hour; after it, the name is taken and nothing is sent again', async () => {
    const { api, h } = await started()
    const first = await h.service.create(input())
    await h.clock.advance(CREATE_MEMORY_MS)
    expect(await h.service.create(input())).toEqual(first)
    await h.clock.advance(1)
    expect(await failure(h.service.create(input()))).toMatchObject({ code: 'CONFLICT', field: 'name' })
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })
})

describe('what the result says about several nodes', () => {
  it('names them all, "A, B and C"', async () => {
    const { h } = await started()
    expect((await h.service.create(input({ count: 3 }))).message).toBe('Created api-01-1, api-01-2 and api-01-3')
    await h.service.stop()
  })

  it('a recovered create of one node "was" created, of three "were"', async () => {
    const { api, h } = await started()
    api.createImpl = async (names) => ({
      outcome: 'recovered',
      nodes: names.map((name, i) => summary(200 + i, 'CREATING', { name }))
    })
    expect((await h.service.create(input())).message).toBe('E2E did not confirm the request, but api-01 was created')
    const three = await h.service.create(
      input({ name: 'db', count: 3, requestId: '0b7e7a57-52c4-4c1c-b1de-6f1a9d2b9c11' })
    )
    expect(three.message).toBe('E2E did not confirm the request, but db-1, db-2 and db-3 were created')
    await h.service.stop()
  })
})
