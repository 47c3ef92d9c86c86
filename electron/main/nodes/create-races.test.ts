// Issue 11 A, review findings: two creates of one name racing past the name check, a profile's scope edited while a
// create is open, several nodes that E2E names otherwise than `name-1 … name-N`, and a confirmed delete that a
// restart brought back from the last-known list.
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type * as S from '../../../shared/ipc/schemas'
import { DomainError } from '../errors'
import { engineHarness, FakeApi, profileView, summary } from '../../../tests/support/engine-fakes'
import { SETTLE_WINDOW_MS } from './pending-creates'

const input = (over: Partial<z.infer<typeof S.CreateNodeInput>> = {}): z.infer<typeof S.CreateNodeInput> => ({
  profileId: 'a',
  requestId: '6f1c3c1e-8c1a-4d6e-9d5e-2b1f3a4c5d6e',
  name: 'dup-test',
  plan: 'C3-8vCPU-16RAM-100DISK-C3.16GB-Ubuntu-22.04-Delhi',
  image: 'Ubuntu-22.04',
  count: 1,
  sshKeys: [],
  backups: false,
  ipv6: false,
  ...over
})
const FIRST = '11111111-1111-4111-8111-111111111111'
const SECOND = '22222222-2222-4222-8222-222222222222'

const ambiguous = () => new DomainError('SERVER', 'E2E had a problem (503).', { status: 503, createOutcome: 'unknown' })

async function started(api = new FakeApi([summary(1)]), opts: Parameters<typeof engineHarness>[1] = {}) {
  const h = engineHarness({ a: api }, opts)
  await h.service.start()
  await h.clock.advance(1)
  return { api, h }
}

describe('two creates of one name (finding 3)', () => {
  it('while the first waits for a slow keychain, the second is refused and only one POST goes out', async () => {
    let gate: Promise<void> | null = null
    let open = (): void => undefined
    const { api, h } = await started(undefined, {
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
    // The client is rebuilt (new credentials) and the keychain is slow this time.
    gate = new Promise<void>((r) => (open = r))
    h.setProfiles([profileView('a', { credentials: { ...profileView('a').credentials, apiKeyHint: '…ffff' } })])
    await h.clock.advance(1)
    const first = h.service.create(input({ requestId: FIRST }))
    const second = h.service.create(input({ requestId: SECOND }))
    await Promise.resolve()
    open()
    const [a, b] = await Promise.allSettled([first, second])
    expect(a).toMatchObject({ status: 'fulfilled', value: { outcome: 'created' } })
    expect(b).toMatchObject({
      status: 'rejected',
      reason: { data: { code: 'CONFLICT', field: 'name', createOutcome: 'not_created' } }
    })
    expect(api.calls.createNode).toBe(1)
    expect([...api.nodes.values()].filter((n) => n.name === 'dup-test')).toHaveLength(1)
    await h.service.stop()
  })

  it('in the same tick with a ready client (a batch of two creates): one POST', async () => {
    const { api, h } = await started()
    const results = await Promise.allSettled([
      h.service.create(input({ requestId: FIRST })),
      h.service.create(input({ requestId: SECOND }))
    ])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })
})

describe("a profile's scope while a create is open (finding 4)", () => {
  it('says what pins it, with the time left, while sending and while checking; nothing once settled', async () => {
    const { api, h } = await started()
    let fail = (): void => undefined
    api.createImpl = () => new Promise((_, reject) => (fail = () => reject(ambiguous())))
    const create = h.service.create(input()).catch((e: DomainError) => e.data)
    await h.clock.advance(1)
    expect(h.service.scopeChangeBlockedBy('a')).toMatch(/creating dup-test \(about 1\d\d s left\)/)
    expect(h.service.scopeChangeBlockedBy('b')).toBeNull()
    fail()
    expect(await create).toMatchObject({ createOutcome: 'unknown' })
    expect(h.service.scopeChangeBlockedBy('a')).toMatch(/checking whether E2E created dup-test \(about 60 s left\)/)
    api.createImpl = null
    await h.clock.advance(SETTLE_WINDOW_MS + 5_000)
    expect(h.state('a').creates).toEqual([expect.objectContaining({ state: 'not_created' })])
    expect(h.service.scopeChangeBlockedBy('a')).toBeNull()
    await h.service.stop()
  })

  it('an edit that lands while the POST is in flight does not drop the create: Retry sends no second POST', async () => {
    const { api, h } = await started()
    let fail = (): void => undefined
    api.createImpl = (names) =>
      new Promise((_, reject) => {
        fail = () => {
          for (const name of names) api.nodes.set(300, summary(300, 'CREATING', { name }))
          reject(new DomainError('TIMEOUT', 'E2E did not answer in time.', { createOutcome: 'unknown' }))
        }
      })
    const create = h.service.create(input()).catch((e: DomainError) => e.data)
    await h.clock.advance(1)
    h.setProfiles([profileView('a', { apiBaseUrl: 'https://api.example.test/v2' })])
    await h.clock.advance(1)
    fail()
    expect(await create).toMatchObject({ createOutcome: 'unknown' })
    api.createImpl = null
    expect(h.state('a').creates).toEqual([expect.objectContaining({ state: 'checking' })])
    expect(h.saved.get('a')?.creates).toEqual([expect.objectContaining({ names: ['dup-test'] })])
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    // Lists of the other address never settle it: Retry stays off.
    await h.clock.advance(SETTLE_WINDOW_MS + 5_000)
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    expect(api.calls.createNode).toBe(1)
    // Going back to the address it was sent to is not refused, and that address's list settles it.
    expect(h.service.scopeChangeBlockedBy('a')).toBeNull()
    h.setProfiles([profileView('a')])
    await h.clock.advance(5_000)
    expect(await h.service.create(input())).toMatchObject({ outcome: 'recovered', nodes: [{ id: 300 }] })
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  it('an edit there and back while checking keeps the create; the list of its project settles it', async () => {
    const { api, h } = await started()
    api.createImpl = async () => {
      api.nodes.set(300, summary(300, 'CREATING', { name: 'dup-test' }))
      throw ambiguous()
    }
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    api.createImpl = null
    h.setProfiles([profileView('a', { location: 'Chennai' })])
    await h.clock.advance(1)
    expect(h.state('a').creates).toEqual([expect.objectContaining({ state: 'checking' })])
    h.setProfiles([profileView('a')])
    await h.clock.advance(SETTLE_WINDOW_MS + 5_000)
    expect(h.state('a').creates).toEqual([expect.objectContaining({ state: 'created' })])
    expect(await h.service.create(input())).toMatchObject({ outcome: 'recovered', nodes: [{ id: 300 }] })
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })
})

describe('several nodes named otherwise than name-1 … name-N (finding 5)', () => {
  it.each([
    [['batch1', 'batch2', 'batch3']],
    [['batch_1', 'batch_2', 'batch_3']],
    [['Batch-01', 'Batch-02', 'BATCH-03']]
  ])('E2E names them %j after an ambiguous failure: settled "created", Retry sends no second POST', async (given) => {
    // batch-old was there before: never counted as made by this create.
    const { api, h } = await started(new FakeApi([summary(1), summary(50, 'RUNNING', { name: 'batch-old' })]))
    api.createImpl = async () => {
      given.forEach((name, i) => api.nodes.set(300 + i, summary(300 + i, 'CREATING', { name })))
      throw ambiguous()
    }
    await expect(h.service.create(input({ name: 'batch', count: 3 }))).rejects.toMatchObject({
      data: { createOutcome: 'unknown' }
    })
    api.createImpl = null
    await h.clock.advance(SETTLE_WINDOW_MS + 5_000)
    expect(h.state('a').creates).toEqual([expect.objectContaining({ state: 'created' })])
    const retry = await h.service.create(input({ name: 'batch', count: 3 }))
    expect(retry).toMatchObject({ outcome: 'recovered' })
    expect(retry.nodes.map((n) => n.id).sort()).toEqual([300, 301, 302])
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })
})

describe('a confirmed delete and a restart (finding 9a)', () => {
  it('a restart before the next list (offline) does not show the deleted node again', async () => {
    const { api, h } = await started(new FakeApi([summary(1), summary(2)]))
    await h.service.delete({ profileId: 'a', nodeId: 2, confirmName: 'web-02', reserveIp: false })
    api.nodes.delete(2)
    await h.service.stop()
    expect(h.saved.get('a')?.nodes.map((n) => n.name)).toEqual(['web-01'])
    api.fail = new DomainError('NETWORK', 'offline')
    const saved = h.saved.get('a')
    if (!saved) throw new Error('nothing saved')
    const next = engineHarness({ a: api }, { cached: { a: saved }, clock: h.clock })
    await next.service.start()
    await next.clock.advance(1)
    expect(next.state('a').source).toBe('cache')
    expect(next.state('a').nodes.map((n) => n.name)).toEqual(['web-01'])
    await next.service.stop()
  })
})

// Outside tester, December 2026: two profiles pointing at one project (same API address, project and location) each
// let a node of one name go out, and a retry through the second profile made a second billed node.
describe('two profiles of one project share one name lock', () => {
  /** Both profiles talk to the same account: one FakeApi behind both. */
  async function twins(over: { b?: Parameters<typeof profileView>[1] } = {}) {
    const api = new FakeApi([summary(1)])
    const h = engineHarness({ a: api, b: api })
    if (over.b) h.setProfiles([profileView('a'), profileView('b', over.b)])
    await h.service.start()
    await h.clock.advance(1)
    return { api, h }
  }

  it('while the first profile sends, the same name through the second is refused: one POST', async () => {
    const { api, h } = await twins()
    let finish = (): void => undefined
    api.createImpl = (names) =>
      new Promise((resolve) => {
        finish = () => {
          const nodes = names.map((name) => summary(900, 'CREATING', { name, publicIp: null }))
          for (const n of nodes) api.nodes.set(n.id, n)
          resolve({ outcome: 'created', nodes })
        }
      })
    const first = h.service.create(input({ profileId: 'a', requestId: FIRST }))
    await h.clock.advance(1)
    await expect(h.service.create(input({ profileId: 'b', requestId: SECOND }))).rejects.toMatchObject({
      data: { code: 'CONFLICT', field: 'name', createOutcome: 'not_created' }
    })
    finish()
    await expect(first).resolves.toMatchObject({ outcome: 'created' })
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  it('a retry through the second profile while the first checks an ambiguous failure is refused', async () => {
    const { api, h } = await twins()
    api.createImpl = async () => {
      throw ambiguous()
    }
    await expect(h.service.create(input({ profileId: 'a', requestId: FIRST }))).rejects.toMatchObject({
      data: { createOutcome: 'unknown' }
    })
    api.createImpl = null
    await expect(h.service.create(input({ profileId: 'b', requestId: SECOND }))).rejects.toMatchObject({
      data: { code: 'CONFLICT', createOutcome: 'not_created' },
      message: expect.stringMatching(/still creating dup-test, or checking whether E2E created it/)
    })
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  it('a create still counts after its profile moved to another project: the name stays taken in the first', async () => {
    const { api, h } = await twins()
    let fail = (): void => undefined
    api.createImpl = () => new Promise((_, reject) => (fail = () => reject(ambiguous())))
    const first = h.service.create(input({ profileId: 'a', requestId: FIRST })).catch((e: DomainError) => e.data)
    await h.clock.advance(1)
    // A's scope moves while its POST is out (the service refuses this; here it races past that check).
    h.setProfiles([profileView('a', { projectId: '9999' }), profileView('b')])
    await h.clock.advance(1)
    await expect(h.service.create(input({ profileId: 'b', requestId: SECOND }))).rejects.toMatchObject({
      data: { code: 'CONFLICT', createOutcome: 'not_created' }
    })
    fail()
    expect(await first).toMatchObject({ createOutcome: 'unknown' })
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  it('in one batch through both profiles: one POST (the address typed with another case and a trailing slash)', async () => {
    const { api, h } = await twins({ b: { apiBaseUrl: 'https://API.Example.test:443/v1/' } })
    const results = await Promise.allSettled([
      h.service.create(input({ profileId: 'a', requestId: FIRST })),
      h.service.create(input({ profileId: 'b', requestId: SECOND }))
    ])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  it('a name listed by the first profile is taken in the second', async () => {
    const { api, h } = await twins()
    await h.service.create(input({ profileId: 'a', requestId: FIRST, name: 'listed' }))
    await expect(h.service.create(input({ profileId: 'b', requestId: SECOND, name: 'listed' }))).rejects.toMatchObject({
      data: { code: 'CONFLICT' },
      message: 'A node named listed already exists in this project and location. Choose another name.'
    })
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  it('a project id typed with a leading zero is the same project: the second create is refused', async () => {
    const { api, h } = await twins({ b: { projectId: '01234' } })
    const results = await Promise.allSettled([
      h.service.create(input({ profileId: 'a', requestId: FIRST })),
      h.service.create(input({ profileId: 'b', requestId: SECOND }))
    ])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  // Review, December 2026: deleting the profile whose create was being checked released the name in the other.
  it('deleting the first profile while it checks keeps the name taken in the second, until a list tells', async () => {
    const { api, h } = await twins()
    api.createImpl = async () => {
      api.nodes.set(300, summary(300, 'CREATING', { name: 'dup-test' }))
      throw ambiguous()
    }
    await expect(h.service.create(input({ profileId: 'a', requestId: FIRST }))).rejects.toMatchObject({
      data: { createOutcome: 'unknown' }
    })
    api.createImpl = null
    h.setProfiles([profileView('b')])
    await h.clock.advance(1)
    await expect(h.service.create(input({ profileId: 'b', requestId: SECOND }))).rejects.toMatchObject({
      data: { code: 'CONFLICT', createOutcome: 'not_created' }
    })
    // B's list after the window finds the node the first POST made: it is B's now, and the name stays taken.
    await h.clock.advance(SETTLE_WINDOW_MS + 5_000)
    expect(h.state('b').creates).toEqual([expect.objectContaining({ state: 'created' })])
    expect(h.state('b').nodes.map((n) => n.name)).toContain('dup-test')
    await expect(h.service.create(input({ profileId: 'b', requestId: SECOND }))).rejects.toMatchObject({
      data: { code: 'CONFLICT' }
    })
    expect(api.calls.createNode).toBe(1)
    expect([...api.nodes.values()].filter((n) => n.name === 'dup-test')).toHaveLength(1)
    await h.service.stop()
  })

  it('deleting the first profile while its POST is out: the reply lands with the second profile', async () => {
    const { api, h } = await twins()
    let finish = (): void => undefined
    api.createImpl = (names) =>
      new Promise((resolve) => {
        finish = () => {
          const nodes = names.map((name) => summary(900, 'CREATING', { name, publicIp: null }))
          for (const n of nodes) api.nodes.set(n.id, n)
          resolve({ outcome: 'created', nodes })
        }
      })
    const first = h.service.create(input({ profileId: 'a', requestId: FIRST })).catch((e: DomainError) => e.data)
    await h.clock.advance(1)
    h.setProfiles([profileView('b')])
    await h.clock.advance(1)
    expect(h.state('b').creates).toEqual([expect.objectContaining({ state: 'sending' })])
    await expect(h.service.create(input({ profileId: 'b', requestId: SECOND }))).rejects.toMatchObject({
      data: { code: 'CONFLICT', createOutcome: 'not_created' }
    })
    finish()
    await first
    expect(h.state('b').nodes.map((n) => n.name)).toContain('dup-test')
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  it("a create the first profile cannot check (its lists fail) is settled by the second profile's list", async () => {
    const apiA = new FakeApi([summary(1)])
    const apiB = new FakeApi([summary(1)])
    const h = engineHarness({ a: apiA, b: apiB })
    await h.service.start()
    await h.clock.advance(1)
    apiA.createImpl = async () => {
      throw ambiguous()
    }
    await expect(h.service.create(input({ profileId: 'a', requestId: FIRST }))).rejects.toMatchObject({
      data: { createOutcome: 'unknown' }
    })
    apiA.fail = new DomainError('AUTH', 'The token was rejected.', { status: 401 })
    await expect(h.service.create(input({ profileId: 'b', requestId: SECOND }))).rejects.toMatchObject({
      data: { code: 'CONFLICT' }
    })
    // B's next steady list after the window shows no such node: E2E did not make it, and the name is free in both.
    await h.clock.advance(SETTLE_WINDOW_MS + 120_000)
    expect(h.state('a').creates).toEqual([expect.objectContaining({ state: 'not_created' })])
    await expect(h.service.create(input({ profileId: 'b', requestId: SECOND }))).resolves.toMatchObject({
      outcome: 'created'
    })
    expect(apiA.calls.createNode + apiB.calls.createNode).toBe(2)
    await h.service.stop()
  })

  it('another project or location is another account: the same name goes out in each', async () => {
    const { api, h } = await twins({ b: { projectId: '9999' } })
    await expect(h.service.create(input({ profileId: 'a', requestId: FIRST }))).resolves.toMatchObject({
      outcome: 'created'
    })
    await expect(h.service.create(input({ profileId: 'b', requestId: SECOND }))).resolves.toMatchObject({
      outcome: 'created'
    })
    expect(api.calls.createNode).toBe(2)
    await h.service.stop()
  })
})
