import { describe, expect, it } from 'vitest'
import { diskSizeError } from './catalog'
import { actionAvailability, deleteAvailability } from './node-rules'
import { compareNodesByName, firstNodesByName, isTransitional, normalizeStatus } from './node-status'

describe('status normalisation (e2e-api.md#status-text)', () => {
  it.each([
    ['Running', 'RUNNING'],
    ['Powered off', 'OFF'],
    ['Powered Off', 'OFF'],
    ['Stopped', 'OFF'],
    ['Creating', 'CREATING'],
    ['Pending', 'CREATING'],
    ['Reinstalling', 'REINSTALLING'],
    ['Saving', 'SAVING'],
    ['Failed recreate', 'FAILED'],
    ['Error', 'FAILED'],
    ['Failure', 'FAILED'],
    ['Hibernating', 'UNKNOWN'],
    ['', 'UNKNOWN']
  ])('%s → %s', (raw, expected) => {
    expect(normalizeStatus(raw)).toBe(expected)
  })
  it('treats unknown states as transitional so they are polled fast', () => {
    expect(isTransitional('UNKNOWN')).toBe(true)
    expect(isTransitional('RUNNING')).toBe(false)
  })
})

describe('action rules', () => {
  const running = { status: 'RUNNING' as const, isLocked: false, isProtected: false }
  it('allows power off only when running and unlocked', () => {
    expect(actionAvailability(running, 'power_off').allowed).toBe(true)
    expect(actionAvailability({ ...running, isLocked: true }, 'power_off')).toEqual({
      allowed: false,
      reason: 'The node is locked; unlock it first'
    })
    expect(actionAvailability({ ...running, status: 'CREATING' }, 'power_off')).toEqual({
      allowed: false,
      reason: 'Not possible while Creating'
    })
    expect(actionAvailability({ ...running, status: 'OFF' }, 'power_on').allowed).toBe(true)
  })
  it('refuses delete for locked, protected and busy nodes with a reason', () => {
    expect(deleteAvailability(running).allowed).toBe(true)
    expect(deleteAvailability({ ...running, isLocked: true }).reason).toMatch(/locked/)
    expect(deleteAvailability({ ...running, isProtected: true }).reason).toMatch(/protection/)
    expect(deleteAvailability({ ...running, status: 'CREATING' }).allowed).toBe(false)
    expect(deleteAvailability({ ...running, status: 'OFF' }).allowed).toBe(true)
  })
})

describe('E1 disk rules', () => {
  it.each([
    [75, null],
    [125, null],
    [150, null],
    [2400, null],
    [50, 'between'],
    [2450, 'between'],
    [110, 'steps of 25'],
    [175, 'steps of 50'],
    [100.5, 'whole number']
  ])('%s GB', (gb, problem) => {
    const err = diskSizeError(gb)
    if (problem === null) expect(err).toBeNull()
    else expect(err).toContain(problem)
  })
})

describe('first nodes by name (the cut snapshot)', () => {
  const shuffled = (n: number) => {
    // A fixed permutation, so a failure repeats: multiply by a number coprime to n.
    return Array.from({ length: n }, (_, i) => {
      const k = (i * 7919) % n
      return { id: k + 1, name: `node-${k % 40}` }
    })
  }

  it('equals sorting everything and taking the head, ties broken by id', () => {
    const nodes = shuffled(1000)
    for (const n of [1, 7, 80, 999, 1000, 5000]) {
      expect(firstNodesByName(nodes, n)).toEqual([...nodes].sort(compareNodesByName).slice(0, n))
    }
  })

  it('orders names the way people read them and leaves the input alone', () => {
    const nodes = [
      { id: 1, name: 'web-10' },
      { id: 2, name: 'Web-2' },
      { id: 3, name: 'db-1' }
    ]
    const before = JSON.stringify(nodes)
    expect(firstNodesByName(nodes, 2).map((n) => n.name)).toEqual(['db-1', 'Web-2'])
    expect(JSON.stringify(nodes)).toBe(before)
    expect(firstNodesByName(nodes, 0)).toEqual([])
  })
})
