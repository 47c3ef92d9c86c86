import { describe, expect, it } from 'vitest'
import { makeNode } from '../../../../tests/support/builders'
import { AppError } from '../../lib/ipc'
import { BUSY_SKIP, planBulk, runBulk } from './bulk'
import type { NodeRow } from './list-filter'

const row = (id: number, over: Parameters<typeof makeNode>[0] = {}): NodeRow => ({
  profileId: id > 100 ? 'p2' : 'p1',
  node: makeNode({ id, name: `n-${id}`, ...over })
})

describe('planBulk', () => {
  const ctx = { blockReason: (id: string) => (id === 'p2' ? 'The profile is offline' : null), isBusy: () => false }

  it('lets through what the rules allow and skips the rest with the same reason the detail gives', () => {
    const rows = [
      row(1, { status: 'FAILED' }),
      row(2, { isLocked: true }),
      row(3, { isProtected: true }),
      row(4, { status: 'CREATING' }),
      row(101, { status: 'FAILED' })
    ]
    const plan = planBulk('delete', rows, ctx)
    expect(plan.ready.map((r) => r.node.id)).toEqual([1])
    expect(plan.skipped.map((s) => [s.row.node.id, s.reason])).toEqual([
      [2, 'The node is locked. Unlock it before deleting.'],
      [3, 'Accidental-delete protection is on. Turn it off before deleting.'],
      [4, 'The node is still being created; wait until it is running.'],
      [101, 'The profile is offline']
    ])
  })

  it('power off takes only running nodes; a node with a change under way is skipped', () => {
    const rows = [row(1, { status: 'RUNNING' }), row(2, { status: 'OFF' }), row(3, { status: 'RUNNING' })]
    const plan = planBulk('power_off', rows, { ...ctx, isBusy: (r) => r.node.id === 3 })
    expect(plan.ready.map((r) => r.node.id)).toEqual([1])
    expect(plan.skipped.map((s) => s.reason)).toEqual(['Already powered off', BUSY_SKIP])
  })
})

describe('runBulk', () => {
  it('never has more than `concurrency` requests in flight, and keeps each failure with its node', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(i + 1))
    let inFlight = 0
    let most = 0
    const progress: number[] = []
    const outcome = await runBulk(
      rows,
      async (r) => {
        inFlight++
        most = Math.max(most, inFlight)
        // Later nodes answer first: the outcome is still in the rows' order.
        await new Promise((res) => setTimeout(res, 20 - r.node.id))
        inFlight--
        if (r.node.id % 5 === 0) throw new AppError({ code: 'SERVER', message: 'boom' })
      },
      { concurrency: 3, onProgress: (n) => progress.push(n) }
    )
    expect(most).toBe(3)
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(outcome.failed.map((f) => [f.row.node.id, f.error.code])).toEqual([
      [5, 'SERVER'],
      [10, 'SERVER']
    ])
    expect(outcome.done.map((r) => r.node.id)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 11, 12])
  })

  it('stops sending when asked; what was not sent is listed', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => row(i + 1))
    let stop = false
    const sent: number[] = []
    const outcome = await runBulk(
      rows,
      async (r) => {
        sent.push(r.node.id)
        if (r.node.id === 2) stop = true
        await Promise.resolve()
      },
      { concurrency: 1, stopped: () => stop }
    )
    expect(sent).toEqual([1, 2])
    expect(outcome.notSent.map((r) => r.node.id)).toEqual([3, 4, 5, 6])
  })
})
