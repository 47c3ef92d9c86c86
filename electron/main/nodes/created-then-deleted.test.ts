// A node our create made, deleted elsewhere (another profile on the same project, the web console) before this
// profile's list showed it running. Found by the fault soak: the profile went on showing it as Creating, with a
// pending 'create', although every list fetched since no longer had it. A list fetched after the create was
// confirmed is the truth; only a list fetched before that may miss the node without meaning it is gone.
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type * as S from '../../../shared/ipc/schemas'
import { DomainError } from '../errors'
import { engineHarness, FakeApi, summary } from '../../../tests/support/engine-fakes'
import { SETTLE_WINDOW_MS } from './pending-creates'

const input = (over: Partial<z.infer<typeof S.CreateNodeInput>> = {}): z.infer<typeof S.CreateNodeInput> => ({
  profileId: 'a',
  requestId: '6f1c3c1e-8c1a-4d6e-9d5e-2b1f3a4c5d6e',
  name: 'gone-01',
  plan: 'C3-8vCPU-16RAM-100DISK-C3.16GB-Ubuntu-22.04-Delhi',
  image: 'Ubuntu-22.04',
  count: 1,
  sshKeys: [],
  backups: false,
  ipv6: false,
  ...over
})

/** Profiles a and b on one project: one node table. */
async function twoProfiles() {
  const api = new FakeApi([summary(1)])
  const h = engineHarness({ a: api, b: api })
  await h.service.start()
  await h.clock.advance(1)
  return { api, h }
}

const shown = (h: Awaited<ReturnType<typeof twoProfiles>>['h'], id: string) =>
  h.state(id).nodes.map((n) => `${n.id}:${n.status}`)

describe('a node our create made, then deleted elsewhere', () => {
  it('deleted before any list of ours showed it: the next list drops it and its pending create', async () => {
    const { api, h } = await twoProfiles()
    const made = await h.service.create(input())
    const id = made.nodes[0]?.id ?? -1
    expect(shown(h, 'a')).toEqual(['1:RUNNING', `${id}:CREATING`])
    expect(h.state('a').pending[String(id)]).toMatchObject({ kind: 'create' })

    // Profile b on the same project sees it and deletes it.
    await h.service.refresh('b')
    api.set(id, { status: 'RUNNING' })
    await h.service.refresh('b')
    await h.service.delete({ profileId: 'b', nodeId: id, confirmName: 'gone-01', reserveIp: false })
    api.nodes.delete(id) // the fake's delete does not remove the row
    await h.clock.advance(1)

    await h.service.refresh('a')
    await h.service.refresh('a')
    expect(shown(h, 'a')).toEqual(['1:RUNNING'])
    expect(h.state('a').pending).toEqual({})
    await h.service.stop()
  })

  it('deleted after our list showed it Creating: the next list drops it', async () => {
    const { api, h } = await twoProfiles()
    const made = await h.service.create(input())
    const id = made.nodes[0]?.id ?? -1
    await h.clock.advance(1)
    await h.service.refresh('a')
    expect(shown(h, 'a')).toEqual(['1:RUNNING', `${id}:CREATING`])
    expect(h.state('a').pending[String(id)]).toMatchObject({ kind: 'create' })

    api.nodes.delete(id)
    await h.clock.advance(1)
    await h.service.refresh('a')
    expect(shown(h, 'a')).toEqual(['1:RUNNING'])
    expect(h.state('a').pending).toEqual({})
    await h.service.stop()
  })

  it('a list that started before the create was confirmed and arrives after it still keeps the node', async () => {
    const { api, h } = await twoProfiles()
    let release = (): void => undefined
    api.holdLists = new Promise<void>((r) => (release = r))
    // E2E answers from before the POST. Started in the same millisecond as the confirmation: it may have been
    // sent before the reply arrived, so it proves nothing either.
    const lists = api.calls.listNodes
    const early = h.service.refresh('a')
    for (let i = 0; i < 100 && api.calls.listNodes === lists; i++) await Promise.resolve()
    expect(api.calls.listNodes).toBe(lists + 1)
    const made = await h.service.create(input())
    const id = made.nodes[0]?.id ?? -1
    api.holdLists = null
    release()
    await early
    expect(shown(h, 'a')).toEqual(['1:RUNNING', `${id}:CREATING`])
    expect(h.state('a').pending[String(id)]).toMatchObject({ kind: 'create' })
    await h.clock.advance(1)
    await h.service.refresh('a')
    expect(shown(h, 'a')).toEqual(['1:RUNNING', `${id}:CREATING`])
    await h.service.stop()
  })

  it('a create settled as made by a list, then deleted elsewhere: gone after the next list', async () => {
    const { api, h } = await twoProfiles()
    // E2E makes the node but the answer is lost: checking until a list after the window shows it.
    api.createImpl = async (names) => {
      for (const name of names) api.nodes.set(api.nextId, summary(api.nextId++, 'CREATING', { name, publicIp: null }))
      throw new DomainError('SERVER', 'E2E had a problem (503).', { status: 503, createOutcome: 'unknown' })
    }
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    await h.clock.advance(SETTLE_WINDOW_MS + 1)
    await h.service.refresh('a')
    const id = [...api.nodes.values()].find((n) => n.name === 'gone-01')?.id ?? -1
    expect(h.state('a').creates).toMatchObject([{ state: 'created' }])
    expect(h.state('a').pending[String(id)]).toMatchObject({ kind: 'create' })

    api.nodes.delete(id)
    await h.clock.advance(1)
    await h.service.refresh('a')
    expect(shown(h, 'a')).toEqual(['1:RUNNING'])
    expect(h.state('a').pending).toEqual({})
    await h.service.stop()
  })

  it('a create whose outcome is unknown stays checking, Retry refused, whatever lists show meanwhile', async () => {
    const { api, h } = await twoProfiles()
    api.createImpl = async (names) => {
      for (const name of names) api.nodes.set(api.nextId, summary(api.nextId++, 'CREATING', { name, publicIp: null }))
      throw new DomainError('SERVER', 'E2E had a problem (503).', { status: 503, createOutcome: 'unknown' })
    }
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    const id = [...api.nodes.values()].find((n) => n.name === 'gone-01')?.id ?? -1
    api.nodes.delete(id)
    await h.clock.advance(1)
    await h.service.refresh('a')
    await h.service.refresh('a')
    expect(h.state('a').creates).toMatchObject([{ state: 'checking' }])
    await expect(h.service.create(input())).rejects.toMatchObject({ data: { createOutcome: 'unknown' } })
    expect(api.calls.createNode).toBe(1)
    await h.service.stop()
  })
})
