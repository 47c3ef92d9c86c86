import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type * as S from '../../../shared/ipc/schemas'
import { DomainError } from '../errors'
import { engineHarness, FakeApi, summary } from '../../../tests/support/engine-fakes'
import { SETTLE_WINDOW_MS } from './pending-creates'

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

  it('A.1: POST answered 429 though E2E made the node, the re-checks fail → Retry refused, never a second POST', async () => {
    const { api, h } = await started()
    api.createImpl = async () => {
      api.nodes.set(300, summary(300, 'CREATING', { name: 'api-01' }))
      throw new DomainError('RATE_LIMITED', 'E2E is limiting requests.', { createOutcome: 'unknown', status: 429 })
    }
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    api.createImpl = null
    // Every list answers 503 from now on: nothing may be concluded from them.
    api.fail = new DomainError('SERVER', 'E2E had a problem (503).', { status: 503 })
    expect(h.state('a').creates).toEqual([
      expect.objectContaining({ names: ['api-01'], state: 'checking', checkAfter: expect.any(String) })
    ])
    await expect(h.service.create(input())).rejects.toMatchObject({
      data: { code: 'PRECONDITION', createOutcome: 'unknown', message: expect.stringContaining('in about 60 s') }
    })
    await h.clock.advance(SETTLE_WINDOW_MS) // the window has passed, but every re-check fails
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    expect(api.calls.createNode).toBe(1)
    api.fail = null
    const retry = await h.service.create(input())
    expect(retry).toMatchObject({ outcome: 'recovered', nodes: [{ id: 300, name: 'api-01' }] })
    expect(api.calls.createNode).toBe(1)
    expect([...api.nodes.values()].filter((n) => n.name === 'api-01')).toHaveLength(1)
    await h.service.stop()
  })

  it('A.2: E2E answers after the client gave up; an early list without the node never means "not created"', async () => {
    const { api, h } = await started()
    api.createImpl = async () => {
      throw new DomainError('TIMEOUT', 'E2E did not answer in time.', { createOutcome: 'unknown' })
    }
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    api.createImpl = null
    await h.clock.advance(10_000) // lists without the node arrive meanwhile
    expect(api.calls.listNodes).toBeGreaterThan(1)
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    await h.clock.advance(14_000) // E2E finishes the first POST 24 s after it was sent
    api.nodes.set(301, summary(301, 'CREATING', { name: 'api-01' }))
    await h.clock.advance(SETTLE_WINDOW_MS - 24_000 + 5_000) // the next poll after the window
    expect(h.state('a').creates).toEqual([expect.objectContaining({ state: 'created' })])
    expect(await h.service.create(input())).toMatchObject({ outcome: 'recovered', nodes: [{ id: 301 }] })
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })

  it('once a list fetched after the window shows the name absent, Retry posts again, once', async () => {
    const { api, h } = await started()
    api.createImpl = async () => {
      throw new DomainError('NETWORK', 'Nodetray could not reach E2E.', { createOutcome: 'unknown' })
    }
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    api.createImpl = null
    await h.clock.advance(SETTLE_WINDOW_MS + 5_000)
    expect(h.state('a').creates).toEqual([expect.objectContaining({ state: 'not_created' })])
    const [retry, again] = await Promise.all([h.service.create(input()), h.service.create(input())])
    expect(retry).toMatchObject({ outcome: 'created', nodes: [{ name: 'api-01' }] })
    expect(again).toEqual(retry)
    expect(api.calls.createNode).toBe(2)
    expect(await h.service.create(input())).toEqual(retry)
    expect(api.calls.createNode).toBe(2)
    await h.service.stop()
  })

  it('writes the create to disk before the POST; a restart resumes it as checking and keeps its name taken', async () => {
    const { api, h } = await started()
    let onDisk: unknown = null
    api.createImpl = async (names) => {
      onDisk = h.saved.get('a')?.creates
      api.nodes.set(302, summary(302, 'CREATING', { name: names[0] ?? '' }))
      throw new DomainError('NETWORK', 'The connection dropped.', { createOutcome: 'unknown' })
    }
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    expect(onDisk).toEqual([expect.objectContaining({ requestId: input().requestId, names: ['api-01'] })])
    await h.service.stop()
    api.createImpl = null

    // A new process, a new wizard: another requestId, the same name.
    const saved = h.saved.get('a')
    if (!saved) throw new Error('nothing saved')
    const next = engineHarness({ a: api }, { cached: { a: saved }, clock: h.clock })
    await next.service.start()
    api.fail = new DomainError('TIMEOUT', 'E2E did not answer in time.')
    await next.clock.advance(1)
    expect(next.state('a').creates).toEqual([expect.objectContaining({ names: ['api-01'], state: 'checking' })])
    const other = { requestId: '0b7e7a57-52c4-4c1c-b1de-6f1a9d2b9c11' }
    await expect(next.service.create(input(other))).rejects.toMatchObject({ data: { code: 'CONFLICT', field: 'name' } })
    api.fail = null
    await next.clock.advance(SETTLE_WINDOW_MS)
    expect(next.state('a').creates).toEqual([expect.objectContaining({ state: 'created' })])
    await expect(next.service.create(input(other))).rejects.toMatchObject({ data: { code: 'CONFLICT' } })
    expect(api.calls.createNode).toBe(1)
    expect(next.saved.get('a')?.creates).toBeUndefined()
    await next.service.stop()
  })

  it('a create that cannot be written to disk is not sent', async () => {
    const { api, h } = await started()
    h.failSaves(new Error('ENOSPC'))
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'not_created' } })
    expect(api.calls.createNode).toBe(0)
    h.failSaves(null)
    expect(await h.service.create(input())).toMatchObject({ outcome: 'created' })
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
