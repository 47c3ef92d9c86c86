import { describe, expect, it } from 'vitest'
import type { PendingAction } from '../../../shared/domain/node-state'
import { summary } from '../../../tests/support/engine-fakes'
import { decideNotifications, termKey, type TransitionInput } from './transition-notifier'

const NOW = Date.UTC(2026, 1, 3, 8, 0, 0)
const node = summary
const pend = (nodeId: number, kind: PendingAction['kind']): Record<string, PendingAction> => ({
  [String(nodeId)]: { nodeId, kind, startedAt: new Date(NOW).toISOString() }
})
const input = (over: Partial<TransitionInput>): TransitionInput => ({
  profileId: 'p1',
  profileName: 'Prod',
  prev: [],
  next: [],
  pendingBefore: {},
  createdByUs: new Set(),
  termEnds: new Map(),
  termWarned: new Set(),
  now: NOW,
  enabled: true,
  ...over
})
const titles = (i: TransitionInput) => decideNotifications(i).notifications.map((n) => n.title)

describe('decideNotifications', () => {
  it('is silent on the first list of a profile, however alarming', () => {
    expect(titles(input({ prev: null, next: [node(1, 'FAILED'), node(2, 'OFF')] }))).toEqual([])
  })

  it('announces a node we created once it runs, with its IP, and only once', () => {
    const created = new Set([1])
    const first = decideNotifications(
      input({ prev: [node(1, 'CREATING')], next: [node(1, 'RUNNING')], createdByUs: created })
    )
    expect(first.notifications).toHaveLength(1)
    expect(first.notifications[0]).toMatchObject({
      title: 'web-01 is running · Prod',
      body: 'Ready at 10.0.0.1',
      profileId: 'p1',
      nodeId: 1
    })
    expect(titles(input({ prev: [node(1, 'RUNNING')], next: [node(1, 'RUNNING')], createdByUs: created }))).toEqual([])
    // someone else's node reaching Running is not news
    expect(titles(input({ prev: [node(2, 'CREATING')], next: [node(2, 'RUNNING')] }))).toEqual([])
  })

  it('flags a Running node going off unless we powered it off, rebooted or deleted it', () => {
    const change = { prev: [node(1, 'RUNNING')], next: [node(1, 'OFF')] }
    expect(titles(input(change))).toEqual(['web-01 stopped unexpectedly · Prod'])
    expect(titles(input({ ...change, pendingBefore: pend(1, 'power_off') }))).toEqual([])
    expect(titles(input({ ...change, pendingBefore: pend(1, 'delete') }))).toEqual([])
    expect(titles(input({ ...change, pendingBefore: pend(1, 'lock_vm') }))).toEqual([
      'web-01 stopped unexpectedly · Prod'
    ])
    expect(titles(input({ prev: [node(1, 'OFF')], next: [node(1, 'OFF')] }))).toEqual([])
  })

  it('reports a node turning FAILED once', () => {
    expect(titles(input({ prev: [node(1, 'CREATING')], next: [node(1, 'FAILED')] }))).toEqual(['web-01 failed · Prod'])
    expect(titles(input({ prev: [node(1, 'FAILED')], next: [node(1, 'FAILED')] }))).toEqual([])
    expect(titles(input({ prev: [], next: [node(3, 'FAILED')], createdByUs: new Set([3]) }))).toEqual([
      'web-03 failed · Prod'
    ])
  })

  it('reports a delete we asked for when the node disappears', () => {
    expect(titles(input({ prev: [node(1, 'OFF')], next: [], pendingBefore: pend(1, 'delete') }))).toEqual([
      'web-01 deleted · Prod'
    ])
    expect(titles(input({ prev: [node(1, 'OFF')], next: [] }))).toEqual([])
  })

  it('the term warning gives the end date as the window writes dates, not as the API sends it', () => {
    const out = decideNotifications(
      input({
        prev: [node(1, 'RUNNING', { isCommitted: true })],
        next: [node(1, 'RUNNING', { isCommitted: true })],
        termEnds: new Map([[1, '2026-02-06T12:00:00Z']])
      })
    )
    expect(out.notifications.map((n) => n.body)).toEqual(['The term ends 6 Feb 2026.'])
  })

  it('warns once per node per term when a committed term ends within 7 days', () => {
    const end = new Date(NOW + 3 * 86_400_000).toISOString()
    const base = input({
      prev: [node(1, 'RUNNING', { isCommitted: true })],
      next: [node(1, 'RUNNING', { isCommitted: true })],
      termEnds: new Map([[1, end]])
    })
    const first = decideNotifications(base)
    expect(first.notifications.map((n) => n.title)).toEqual(['web-01: committed term ends in 3 days · Prod'])
    expect(first.termWarnedAdd).toEqual([termKey('p1', 1, end)])
    expect(titles({ ...base, termWarned: new Set(first.termWarnedAdd) })).toEqual([])
    // a renewed term is a new term
    const later = new Date(NOW + 5 * 86_400_000).toISOString()
    expect(titles({ ...base, termWarned: new Set(first.termWarnedAdd), termEnds: new Map([[1, later]]) })).toHaveLength(
      1
    )
    expect(titles({ ...base, termEnds: new Map([[1, new Date(NOW + 30 * 86_400_000).toISOString()]]) })).toEqual([])
  })

  it('stays silent when notifications are switched off', () => {
    expect(
      titles(input({ prev: [node(1, 'RUNNING')], next: [node(1, 'OFF'), node(2, 'FAILED')], enabled: false }))
    ).toEqual([])
  })
})

describe('many of one kind at once', () => {
  it('a bulk delete of many nodes is one summary naming a few of them, not one banner each', () => {
    const gone = Array.from({ length: 105 }, (_, i) => node(i + 1, 'FAILED', { name: `batch-${i + 1}` }))
    const pendingBefore = Object.assign({}, ...gone.map((n) => pend(n.id, 'delete'))) as Record<string, PendingAction>
    const out = decideNotifications(input({ prev: gone, next: [], pendingBefore }))
    expect(out.notifications).toHaveLength(1)
    expect(out.notifications[0]).toMatchObject({
      title: '105 nodes deleted · Prod',
      body: 'batch-1, batch-2, batch-3 and 102 more.',
      nodeId: null,
      profileId: 'p1'
    })
  })

  it('up to three of a kind still notify one by one, and kinds are summarised apart', () => {
    const three = [1, 2, 3].map((id) => node(id, 'OFF', { name: `n${id}` }))
    const pendingBefore = Object.assign({}, ...three.map((n) => pend(n.id, 'delete'))) as Record<string, PendingAction>
    const failed = [4, 5, 6, 7].map((id) => node(id, 'FAILED', { name: `f${id}` }))
    const out = decideNotifications(
      input({
        prev: [...three, ...failed.map((n) => ({ ...n, status: 'CREATING' as const }))],
        next: failed,
        pendingBefore
      })
    )
    expect(out.notifications.map((n) => n.title).sort()).toEqual(
      ['4 nodes failed · Prod', 'n1 deleted · Prod', 'n2 deleted · Prod', 'n3 deleted · Prod'].sort()
    )
  })
})
