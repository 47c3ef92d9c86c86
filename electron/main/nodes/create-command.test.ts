import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type * as S from '../../../shared/ipc/schemas'
import { DomainError } from '../errors'
import { engineHarness, FakeApi, summary } from './nodes.fakes'

const input = (over: Partial<z.infer<typeof S.CreateNodeInput>> = {}): z.infer<typeof S.CreateNodeInput> => ({
  profileId: 'a',
  requestId: '6f1c3c1e-8c1a-4d6e-9d5e-2b1f3a4c5d6e',
  name: 'api-01',
  plan: 'C3-8vCPU-16RAM-100DISK-C3.16GB-Ubuntu-22.04-Delhi',
  image: 'Ubuntu-22.04',
  count: 1,
  sshKeys: [],
  backups: false,
  ipv6: false,
  ...over
})

async function started(nodes = [summary(1)]) {
  const api = new FakeApi(nodes)
  const h = engineHarness({ a: api })
  await h.service.start()
  await h.clock.advance(1)
  return { api, h }
}

describe('create', () => {
  it('sends one POST for two concurrent calls with the same requestId', async () => {
    const { api, h } = await started()
    const [first, second] = await Promise.all([h.service.create(input()), h.service.create(input())])
    expect(api.calls.createNode).toBe(1)
    expect(second).toEqual(first)
    expect(first).toMatchObject({
      outcome: 'created',
      message: 'Created api-01',
      nodes: [{ name: 'api-01', status: 'CREATING' }]
    })
    // a later retry of the same request still does not create again
    await h.clock.advance(30 * 60_000)
    expect(await h.service.create(input())).toEqual(first)
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  it('shows the new node at once, polls fast until it runs, then announces it with its IP', async () => {
    const { api, h } = await started()
    const result = await h.service.create(input())
    const id = result.nodes[0]?.id ?? -1
    expect(h.state('a').nodes.find((n) => n.id === id)?.status).toBe('CREATING')
    expect(h.state('a').pending[String(id)]).toMatchObject({ kind: 'create' })
    expect(h.state('a').polling.intervalMs).toBe(5_000)
    api.set(id, { status: 'RUNNING', publicIp: '164.52.0.9' })
    await h.clock.advance(5_000)
    expect(h.state('a').pending).toEqual({})
    expect(h.notifications.map((n) => [n.title, n.body])).toEqual([['api-01 is running · A', 'Ready at 164.52.0.9']])
    await h.clock.advance(5 * 60_000)
    expect(h.notifications).toHaveLength(1)
    await h.service.stop()
  })

  it('passes a recovered outcome through with its message', async () => {
    const { api, h } = await started()
    api.createImpl = async (names) => ({
      outcome: 'recovered',
      nodes: names.map((name, i) => summary(200 + i, 'CREATING', { name }))
    })
    const r = await h.service.create(input({ count: 2 }))
    expect(r).toMatchObject({
      outcome: 'recovered',
      message: 'E2E did not confirm the request, but api-01-1 and api-01-2 were created'
    })
    expect(h.state('a').nodes.map((n) => n.name)).toEqual(['web-01', 'api-01-1', 'api-01-2'])
    await h.service.stop()
  })

  it('rethrows a failed create unchanged; a retry after an unknown outcome finds the node by name and does not post again', async () => {
    const { api, h } = await started()
    const failure = new DomainError('TIMEOUT', 'Nodetray could not tell whether E2E created "api-01".', {
      createOutcome: 'unknown'
    })
    api.createImpl = async () => {
      // E2E made the node, but the reply never arrived.
      api.nodes.set(300, summary(300, 'CREATING', { name: 'api-01' }))
      throw failure
    }
    await expect(h.service.create(input())).rejects.toBe(failure)
    const retry = await h.service.create(input())
    expect(retry).toMatchObject({ outcome: 'recovered', nodes: [{ id: 300, name: 'api-01' }] })
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  it('a retry after an unknown outcome posts again only when the node is confirmed absent', async () => {
    const { api, h } = await started()
    api.createImpl = async () => {
      throw new DomainError('TIMEOUT', 'Nodetray could not tell whether E2E created "api-01".', {
        createOutcome: 'unknown'
      })
    }
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    api.createImpl = null
    const retry = await h.service.create(input())
    expect(retry).toMatchObject({ outcome: 'created', nodes: [{ name: 'api-01' }] })
    expect(api.calls.createNode).toBe(2)
    expect(api.calls.listNodes).toBeGreaterThan(0)
    // Once created, the same requestId keeps its answer.
    expect(await h.service.create(input())).toEqual(retry)
    expect(api.calls.createNode).toBe(2)
    await h.service.stop()
  })

  it('a retry after a proven not_created posts again', async () => {
    const { api, h } = await started()
    api.createImpl = async () => {
      throw new DomainError('SERVER', 'E2E had a problem (503). The node was not created.', {
        createOutcome: 'not_created',
        status: 503
      })
    }
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'not_created' } })
    api.createImpl = null
    expect(await h.service.create(input())).toMatchObject({ outcome: 'created' })
    expect(api.calls.createNode).toBe(2)
    await h.service.stop()
  })

  it('refuses a name already in the profile and an E1 plan without disk, before any request', async () => {
    const { api, h } = await started()
    await expect(h.service.create(input({ name: 'web-01' }))).rejects.toMatchObject({
      data: { code: 'CONFLICT', field: 'name' }
    })
    const e1 = 'E1-4vCPU-8RAM-0DISK-E1.8GB-Ubuntu-22.04-Delhi'
    await expect(h.service.create(input({ plan: e1 }))).rejects.toMatchObject({
      data: { code: 'VALIDATION', field: 'disk' }
    })
    expect(api.calls.createNode).toBe(0)
    // refused before sending: the same requestId may be retried once fixed
    const ok = await h.service.create(input({ plan: e1, disk: 100 }))
    expect(ok.outcome).toBe('created')
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })
})
