// A node stays "busy" (and its profile polls fast) until the list shows what we asked for. Settling too early lets a
// second action or a delete race the first; settling too late blocks the node for ten minutes.
import { describe, expect, it } from 'vitest'
import type { NodeStatus, NodeSummary } from '../../shared/domain/node'
import type { PendingKind } from '../../shared/domain/node-state'
import {
  blocksNextAction,
  isSettled,
  PENDING_TIMEOUT_MS,
  settlePending,
  type PendingEntry
} from '../../electron/main/nodes/pending'

const at = (status: NodeStatus): NodeSummary => ({
  id: 7,
  name: 'web-07',
  status,
  rawStatus: status,
  plan: 'C3.8GB',
  publicIp: null,
  privateIp: null,
  isLocked: false,
  isProtected: false,
  isCommitted: false,
  createdAt: null,
  location: 'Delhi',
  vcpus: 2,
  memoryGb: 8,
  diskGb: 100
})
const entry = (kind: PendingKind, settleAfterMs = 1_000, startedAtMs = 0): PendingEntry => ({
  action: { nodeId: 7, kind, startedAt: new Date(startedAtMs).toISOString() },
  startedAtMs,
  settleAfterMs
})

describe('isSettled', () => {
  it('a delete is done only when the node is gone from the list', () => {
    expect(isSettled('delete', undefined)).toBe(true)
    for (const s of ['RUNNING', 'OFF', 'FAILED', 'UNKNOWN'] as const) expect(isSettled('delete', at(s)), s).toBe(false)
  })

  it('any other action is over when the node is gone or failed', () => {
    for (const kind of ['power_on', 'power_off', 'reboot', 'create'] as const) {
      expect(isSettled(kind, undefined), kind).toBe(true)
      expect(isSettled(kind, at('FAILED')), kind).toBe(true)
    }
  })

  it('power and reboot wait for the state they asked for', () => {
    expect(isSettled('power_on', at('RUNNING'))).toBe(true)
    expect(isSettled('power_on', at('OFF'))).toBe(false)
    expect(isSettled('power_off', at('OFF'))).toBe(true)
    expect(isSettled('power_off', at('RUNNING'))).toBe(false)
    expect(isSettled('reboot', at('RUNNING'))).toBe(true)
    expect(isSettled('reboot', at('OFF'))).toBe(true)
    expect(isSettled('reboot', at('REINSTALLING'))).toBe(false)
  })

  it('a create waits while the node is creating or unknown', () => {
    expect(isSettled('create', at('CREATING'))).toBe(false)
    expect(isSettled('create', at('UNKNOWN'))).toBe(false)
    expect(isSettled('create', at('RUNNING'))).toBe(true)
    expect(isSettled('create', at('OFF'))).toBe(true)
  })

  it('flag changes and committed settings show at once, whatever the state', () => {
    for (const kind of [
      'lock_vm',
      'unlock_vm',
      'enable_accidental_protection',
      'disable_accidental_protection',
      'committed'
    ] as const)
      for (const s of ['RUNNING', 'CREATING', 'UNKNOWN'] as const)
        expect(isSettled(kind, at(s)), `${kind} ${s}`).toBe(true)
  })
})

describe('blocksNextAction', () => {
  it('flag changes free the node once accepted; slow changes keep it busy; nothing is free while in flight', () => {
    for (const kind of [
      'lock_vm',
      'unlock_vm',
      'enable_accidental_protection',
      'disable_accidental_protection',
      'committed'
    ] as const) {
      expect(blocksNextAction(entry(kind)), kind).toBe(false)
      expect(blocksNextAction(entry(kind, Infinity)), `${kind} in flight`).toBe(true)
    }
    for (const kind of ['power_on', 'power_off', 'reboot', 'delete', 'create'] as const)
      expect(blocksNextAction(entry(kind)), kind).toBe(true)
  })
})

describe('settlePending', () => {
  it('only a list fetched after the call was accepted can settle it', () => {
    const pending = new Map([[7, entry('power_off', 1_000)]])
    expect(settlePending(pending, [at('OFF')], 999, 2_000).kept.size).toBe(1)
    const later = settlePending(pending, [at('OFF')], 1_000, 2_000)
    expect(later.kept.size).toBe(0)
    expect(later.settled).toHaveLength(1)
  })

  it('without a list nothing settles, except entries older than the timeout', () => {
    const pending = new Map([
      [7, entry('power_off', 1_000, 0)],
      [8, { ...entry('power_on', 1_000, 5_000), action: { nodeId: 8, kind: 'power_on' as const, startedAt: '' } }]
    ])
    const r = settlePending(pending, null, 2_000, PENDING_TIMEOUT_MS)
    expect([...r.kept.keys()]).toEqual([8])
    expect(r.settled.map((e) => e.action.nodeId)).toEqual([7])
    expect(settlePending(pending, null, 2_000, PENDING_TIMEOUT_MS - 1).kept.size).toBe(2)
  })
})
