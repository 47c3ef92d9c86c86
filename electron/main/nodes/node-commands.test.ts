import { describe, expect, it } from 'vitest'
import type { CommittedInfo, CommittedMode } from '../../../shared/domain/node'
import { DomainError } from '../errors'
import { SAVED_CHOICE_WINS_MS } from './node-commands'
import { engineHarness, FakeApi, summary } from '../../../tests/support/engine-fakes'

async function started(nodes = [summary(1), summary(2, 'OFF'), summary(3, 'RUNNING', { isLocked: true })]) {
  const api = new FakeApi(nodes)
  const h = engineHarness({ a: api })
  await h.service.start()
  await h.clock.advance(1)
  return { api, h }
}

describe('node actions', () => {
  it('refuses a disallowed action with the rule’s reason and sends nothing', async () => {
    const { api, h } = await started()
    await expect(h.service.action('a', 1, 'power_on')).rejects.toMatchObject({
      data: { code: 'PRECONDITION', message: 'Already running' }
    })
    await expect(h.service.action('a', 3, 'power_off')).rejects.toMatchObject({
      data: { code: 'PRECONDITION', message: 'The node is locked; unlock it first' }
    })
    expect(api.calls.nodeAction).toBe(0)
    await h.service.stop()
  })

  it('marks the node pending, polls fast, and clears the mark once the list shows the new state', async () => {
    const { api, h } = await started()
    await h.service.action('a', 1, 'power_off')
    expect(api.calls.nodeAction).toBe(1)
    expect(h.state('a').pending['1']).toMatchObject({ nodeId: 1, kind: 'power_off' })
    expect(h.state('a').polling.intervalMs).toBe(5_000)
    await h.clock.advance(30_000)
    expect(h.state('a').pending['1']).toBeDefined() // E2E still says Running
    api.set(1, { status: 'OFF' })
    await h.clock.advance(5_000)
    expect(h.state('a').pending).toEqual({})
    expect(h.state('a').nodes.find((n) => n.id === 1)?.status).toBe('OFF')
    expect(h.state('a').polling.intervalMs).toBe(60_000)
    expect(h.notifications).toEqual([]) // we asked for it: not "stopped unexpectedly"
    await h.service.stop()
  })

  it('gives up waiting after 10 minutes', async () => {
    const { h } = await started()
    await h.service.action('a', 2, 'power_on')
    await h.clock.advance(10 * 60_000 + 5_000)
    expect(h.state('a').pending).toEqual({})
    await h.service.stop()
  })

  it('re-reads the node after a failed action and rethrows the API error', async () => {
    const { api, h } = await started()
    api.set(1, { status: 'OFF' }) // changed behind our back
    api.failNext.push(new DomainError('PRECONDITION', 'Node is not running', { status: 412 }))
    await expect(h.service.action('a', 1, 'reboot')).rejects.toMatchObject({
      data: { code: 'PRECONDITION', status: 412 }
    })
    expect(api.calls.getNode).toBe(1)
    expect(h.state('a').nodes.find((n) => n.id === 1)?.status).toBe('OFF')
    expect(h.state('a').pending).toEqual({})
    await h.service.stop()
  })

  it('refuses a second action while one is pending on the node', async () => {
    const { api, h } = await started()
    await h.service.action('a', 1, 'power_off')
    await expect(h.service.action('a', 1, 'lock_vm')).rejects.toMatchObject({ data: { code: 'PRECONDITION' } })
    expect(api.calls.nodeAction).toBe(1)
    await h.service.stop()
  })
})

describe('delete', () => {
  it('refuses a wrong confirmation name without calling the API', async () => {
    const { api, h } = await started()
    await expect(
      h.service.delete({ profileId: 'a', nodeId: 2, confirmName: 'web-2', reserveIp: false })
    ).rejects.toMatchObject({
      data: { code: 'VALIDATION', field: 'confirmName', message: "Type the node's name exactly to confirm" }
    })
    await expect(
      h.service.delete({ profileId: 'a', nodeId: 2, confirmName: 'WEB-02', reserveIp: false })
    ).rejects.toMatchObject({
      data: { code: 'VALIDATION' }
    })
    expect(api.calls.deleteNode).toBe(0)
    await h.service.stop()
  })

  it('refuses to delete a locked or protected node', async () => {
    const { api, h } = await started([
      summary(3, 'RUNNING', { isLocked: true }),
      summary(4, 'OFF', { isProtected: true })
    ])
    await expect(
      h.service.delete({ profileId: 'a', nodeId: 3, confirmName: 'web-03', reserveIp: false })
    ).rejects.toMatchObject({
      data: { code: 'PRECONDITION', message: 'The node is locked. Unlock it before deleting.' }
    })
    await expect(
      h.service.delete({ profileId: 'a', nodeId: 4, confirmName: 'web-04', reserveIp: false })
    ).rejects.toMatchObject({
      data: { code: 'PRECONDITION' }
    })
    expect(api.calls.deleteNode).toBe(0)
    await h.service.stop()
  })

  it('deletes: the node goes at once; a later list that still shows it shows it Deleting until E2E drops it', async () => {
    const { api, h } = await started()
    await h.service.delete({ profileId: 'a', nodeId: 2, confirmName: 'web-02', reserveIp: true })
    expect(api.calls.deleteNode).toBe(1)
    expect(h.state('a').nodes.map((n) => n.id)).toEqual([1, 3])
    await h.clock.advance(5_000)
    expect(h.state('a').nodes.some((n) => n.id === 2)).toBe(true)
    expect(h.state('a').pending['2']).toMatchObject({ kind: 'delete' })
    api.nodes.delete(2)
    await h.clock.advance(5_000)
    expect(h.state('a').nodes.map((n) => n.id)).toEqual([1, 3])
    expect(h.state('a').pending).toEqual({})
    expect(h.notifications.map((n) => n.title)).toEqual(['web-02 deleted · A'])
    await h.service.stop()
  })

  it('a list fetched before E2E confirmed the delete does not bring the node back (issue 11 A.4)', async () => {
    const { api, h } = await started()
    let release = (): void => undefined
    api.holdLists = new Promise<void>((r) => (release = r))
    const stale = h.service.refresh('a') // starts now: E2E still lists node 2
    await h.clock.advance(1)
    await h.service.delete({ profileId: 'a', nodeId: 2, confirmName: 'web-02', reserveIp: false })
    api.nodes.delete(2)
    expect(h.state('a').nodes.map((n) => n.id)).toEqual([1, 3])
    api.holdLists = null
    release()
    await stale
    expect(h.state('a').nodes.map((n) => n.id)).toEqual([1, 3])
    await h.clock.advance(5_000) // a list fetched after the delete: still gone
    expect(h.state('a').nodes.map((n) => n.id)).toEqual([1, 3])
    await h.service.stop()
  })
})

describe('committed settings', () => {
  it('needs a committed node, and a plan for auto_renew', async () => {
    const { api, h } = await started([summary(1), summary(5, 'RUNNING', { isCommitted: true })])
    await expect(
      h.service.committedSettings({ profileId: 'a', nodeId: 1, mode: 'hourly_billing' })
    ).rejects.toMatchObject({
      data: { code: 'PRECONDITION' }
    })
    await expect(h.service.committedSettings({ profileId: 'a', nodeId: 5, mode: 'auto_renew' })).rejects.toMatchObject({
      data: { code: 'VALIDATION', field: 'committedPlanId' }
    })
    expect(api.calls.committed).toBe(0)
    await h.service.committedSettings({ profileId: 'a', nodeId: 5, mode: 'auto_renew', committedPlanId: 77 })
    expect(api.calls.committed).toBe(1)
    await h.service.stop()
  })

  it('refuses "delete at the end of the term" for a protected or locked node, as it refuses a delete', async () => {
    const { api, h } = await started([
      summary(5, 'RUNNING', { isCommitted: true, isProtected: true }),
      summary(6, 'RUNNING', { isCommitted: true, isLocked: true })
    ])
    await expect(
      h.service.committedSettings({ profileId: 'a', nodeId: 5, mode: 'auto_terminate' })
    ).rejects.toMatchObject({ data: { code: 'PRECONDITION', message: expect.stringMatching(/protection is on/) } })
    await expect(
      h.service.committedSettings({ profileId: 'a', nodeId: 6, mode: 'auto_terminate' })
    ).rejects.toMatchObject({ data: { code: 'PRECONDITION', message: expect.stringMatching(/locked/) } })
    expect(api.calls.committed).toBe(0)
    // Keeping it, or going hourly, is still allowed.
    await h.service.committedSettings({ profileId: 'a', nodeId: 5, mode: 'hourly_billing' })
    expect(api.calls.committed).toBe(1)
    await h.service.stop()
  })

  /** E2E's detail reports `reported` as the term-end choice (null: it does not say). */
  class CommittedApi extends FakeApi {
    reported: CommittedMode | null = 'auto_renew'
    override client(o?: Parameters<FakeApi['client']>[0]): ReturnType<FakeApi['client']> {
      const c = super.client(o)
      return {
        ...c,
        getNode: async (id) => {
          const d = await c.getNode(id)
          return { ...d, committed: { ...term, mode: this.reported } }
        }
      }
    }
  }
  const term: CommittedInfo = {
    skuId: 900,
    skuName: '365 Days Committed , Rs. 38412.0',
    price: 38412,
    days: 365,
    termEndRaw: null,
    termEnd: null,
    message: 'Committed until 2027-01-21; then auto renew',
    mode: 'auto_renew'
  }

  it('reports the saved choice in the next detail at once, even while E2E still says the old one', async () => {
    const api = new CommittedApi([summary(5, 'RUNNING', { isCommitted: true })])
    const h = engineHarness({ a: api })
    await h.service.start()
    await h.clock.advance(1)
    expect((await h.service.detail('a', 5)).committed?.mode).toBe('auto_renew')
    await h.service.committedSettings({ profileId: 'a', nodeId: 5, mode: 'auto_terminate' })
    // E2E has not caught up: the choice just saved wins.
    expect((await h.service.detail('a', 5)).committed).toMatchObject({ mode: 'auto_terminate', renewPlanId: null })
    // Later, E2E's word counts again.
    await h.clock.advance(SAVED_CHOICE_WINS_MS + 1)
    expect((await h.service.detail('a', 5)).committed?.mode).toBe('auto_renew')
    // When E2E never says, the choice saved here stays.
    api.reported = null
    await h.service.committedSettings({ profileId: 'a', nodeId: 5, mode: 'auto_renew', committedPlanId: 901 })
    await h.clock.advance(SAVED_CHOICE_WINS_MS + 1)
    expect((await h.service.detail('a', 5)).committed).toMatchObject({ mode: 'auto_renew', renewPlanId: 901 })
    await h.service.stop()
  })

  it('a failed save changes nothing that the detail reports', async () => {
    const api = new CommittedApi([summary(5, 'RUNNING', { isCommitted: true })])
    const h = engineHarness({ a: api })
    await h.service.start()
    await h.clock.advance(1)
    api.failNext.push(new DomainError('SERVER', 'E2E had a problem', { status: 503 }))
    await expect(h.service.committedSettings({ profileId: 'a', nodeId: 5, mode: 'auto_terminate' })).rejects.toThrow()
    expect((await h.service.detail('a', 5)).committed?.mode).toBe('auto_renew')
    await h.service.stop()
  })
})

describe('catalog', () => {
  it('caches OS and plans per profile for 10 minutes', async () => {
    const { api, h } = await started()
    await h.service.catalogOs('a')
    await h.service.catalogOs('a')
    expect(api.calls.listOs).toBe(1)
    await h.clock.advance(10 * 60_000)
    await h.service.catalogOs('a')
    expect(api.calls.listOs).toBe(2)
    await h.service.stop()
  })
})
