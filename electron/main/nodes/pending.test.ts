import { describe, expect, it } from 'vitest'
import { isSettled, settlePending, PENDING_TIMEOUT_MS, type PendingEntry } from './pending'
import { summary } from '../../../tests/support/engine-fakes'

const entry = (nodeId: number, kind: PendingEntry['action']['kind'], settleAfterMs = 0): PendingEntry => ({
  action: { nodeId, kind, startedAt: new Date(0).toISOString() },
  startedAtMs: 0,
  settleAfterMs
})

describe('when a pending action counts as done', () => {
  it('waits for the state a power action asked for', () => {
    expect(isSettled('power_off', summary(1, 'RUNNING'))).toBe(false)
    expect(isSettled('power_off', summary(1, 'OFF'))).toBe(true)
    expect(isSettled('power_on', summary(1, 'OFF'))).toBe(false)
    expect(isSettled('power_on', summary(1, 'RUNNING'))).toBe(true)
  })

  it('a reboot overtaken by someone else powering the node off is not waited on', () => {
    expect(isSettled('reboot', summary(1, 'OFF'))).toBe(true)
    expect(isSettled('reboot', summary(1, 'RUNNING'))).toBe(true)
    expect(isSettled('reboot', summary(1, 'CREATING'))).toBe(false)
  })

  it('flag changes settle on the first list fetched after E2E accepted them, whatever it shows', () => {
    const pending = new Map([[1, entry(1, 'lock_vm', 100)]])
    const unlocked = [summary(1, 'RUNNING', { isLocked: false })]
    // A list that started before the call was accepted proves nothing.
    expect(settlePending(pending, unlocked, 50, 60).kept.size).toBe(1)
    expect(settlePending(pending, unlocked, 150, 160).settled).toHaveLength(1)
  })

  it('a delete waits until the node is gone; anything waits at most ten minutes', () => {
    const pending = new Map([[1, entry(1, 'delete')]])
    expect(settlePending(pending, [summary(1, 'RUNNING')], 10, 10).kept.size).toBe(1)
    expect(settlePending(pending, [], 10, 10).settled).toHaveLength(1)
    expect(settlePending(pending, [summary(1, 'RUNNING')], 10, PENDING_TIMEOUT_MS).settled).toHaveLength(1)
  })
})

describe('what keeps a node busy for the next action', () => {
  it('a call in flight always does; once accepted, only slow changes do', async () => {
    const { blocksNextAction } = await import('./pending')
    expect(blocksNextAction(entry(1, 'lock_vm', Infinity))).toBe(true)
    expect(blocksNextAction(entry(1, 'lock_vm', 10))).toBe(false)
    expect(blocksNextAction(entry(1, 'committed', 10))).toBe(false)
    expect(blocksNextAction(entry(1, 'power_off', 10))).toBe(true)
    expect(blocksNextAction(entry(1, 'delete', 10))).toBe(true)
  })
})
