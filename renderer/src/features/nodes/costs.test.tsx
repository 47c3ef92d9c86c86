import { act, render as renderUi, renderHook, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { NodeSummary } from '../../../../shared/domain/node'
import type { ProfileNodes } from '../../../../shared/domain/node-state'
import { makeProfile } from '../../../../tests/support/builders'
import type { PriceBook } from '../../../../shared/domain/running-cost'
import { resetPriceBooks, usePriceStore } from '../../tray/price-book.store'
import { CostTotalText, useRunningCosts, useShownCost, type RunningCosts } from './costs'
import type { NodeRow } from './list-filter'

const book: PriceBook = { hourlyBySku: { small: 1, big: 10 }, committed: {} }
const costs = {
  books: { p1: book },
  perProfile: {},
  total: { perHour: 0, perMonth: 0, unknown: 0 },
  known: true,
  pricing: false,
  perHourOf: () => null,
  now: 0
} satisfies RunningCosts

const node = (id: number, plan = 'small'): NodeSummary => ({
  id,
  name: `node-${id}`,
  status: 'RUNNING',
  rawStatus: 'Running',
  plan,
  publicIp: null,
  privateIp: null,
  isLocked: false,
  isProtected: false,
  isCommitted: false,
  createdAt: null,
  location: null,
  vcpus: null,
  memoryGb: null,
  diskGb: null
})
/** Fresh rows and node objects every call, as each `nodes:changed` builds them. */
const rows = (...nodes: NodeSummary[]): NodeRow[] => nodes.map((n) => ({ profileId: 'p1', node: { ...n } }))
const three = () => rows(node(1), node(2), node(3))

function render(f: NodeRow[]) {
  return renderHook(({ f }) => useShownCost(costs, f, 5), { initialProps: { f } })
}
const wait = (ms: number) => {
  act(() => {
    vi.advanceTimersByTime(ms)
  })
}
const perHour = (v: unknown) => (v !== null && typeof v === 'object' && 'perHour' in v ? v.perHour : v)

describe('useShownCost', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('shows no figure while typing, then the figure of the rows left once typing pauses', () => {
    const { result, rerender } = render(three())
    expect(result.current).toBe('pending')
    wait(100)
    // Another keystroke: still nothing, and the pause starts over.
    rerender({ f: rows(node(1), node(2)) })
    wait(100)
    expect(result.current).toBe('pending')
    wait(60)
    expect(result.current).toEqual({ count: 2, perHour: 2, perMonth: 2 * 730, unknown: 0 })
    // A keystroke that changes the rows: the old figure would be for other nodes.
    rerender({ f: rows(node(1)) })
    expect(result.current).toBe('pending')
    wait(160)
    expect(perHour(result.current)).toBe(1)
  })

  it('keeps the figure through a poll that leaves the shown nodes as they were', () => {
    const { result, rerender } = render(three())
    wait(200)
    expect(perHour(result.current)).toBe(3)
    for (let poll = 0; poll < 5; poll++) {
      rerender({ f: three() })
      expect(result.current).not.toBe('pending')
      wait(100)
      expect(perHour(result.current)).toBe(3)
    }
  })

  it('keeps the figure when the same nodes come back in another order (a re-sort)', () => {
    const { result, rerender } = render(three())
    wait(200)
    rerender({ f: rows(node(3), node(1), node(2)) })
    expect(perHour(result.current)).toBe(3)
  })

  it('updates the figure, without a blank, when a poll changes a shown node’s plan', () => {
    const { result, rerender } = render(three())
    wait(200)
    rerender({ f: rows(node(1), node(2, 'big'), node(3)) })
    expect(perHour(result.current)).toBe(3)
    wait(200)
    expect(result.current).toEqual({ count: 3, perHour: 12, perMonth: 12 * 730, unknown: 0 })
  })

  it('shows no figure when a poll changes which nodes are shown (its count would be wrong)', () => {
    const { result, rerender } = render(three())
    wait(200)
    rerender({ f: rows(node(1), node(2), node(4)) })
    expect(result.current).toBe('pending')
    wait(200)
    expect(perHour(result.current)).toBe(3)
  })

  it('gives the whole list back at once, and forgets the figure, when the filter goes', () => {
    const { result, rerender } = render(three())
    wait(200)
    rerender({ f: rows(node(1), node(2), node(3), node(4), node(5)) })
    expect(result.current).toBeNull()
    // The same filter again, later: the old figure may be out of date, so it waits for a fresh one.
    rerender({ f: three() })
    expect(result.current).toBe('pending')
    wait(200)
    expect(perHour(result.current)).toBe(3)
  })
})

describe('useRunningCosts: when prices are asked for', () => {
  // The prices are a catalog query per profile, several milliseconds of IPC on the page's thread: they must wait
  // for the list's frame and then for the page to be idle, so they delay neither that frame nor the input after it.
  const frames: FrameRequestCallback[] = []
  const idle: IdleRequestCallback[] = []
  beforeEach(() => {
    vi.useFakeTimers()
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb))
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => idle.push(cb))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.useRealTimers()
    vi.restoreAllMocks()
    frames.length = 0
    idle.length = 0
  })

  it('asks only once the frame has painted and the page is idle', async () => {
    const update = vi.spyOn(usePriceStore.getState(), 'update').mockResolvedValue(undefined)
    const profile = makeProfile({ id: 'p1' })
    const shown = [{ profileId: 'p1', nodes: [node(1)] } as ProfileNodes]
    renderHook(() => useRunningCosts([profile], shown, { p1: shown[0]! }))
    expect(update).not.toHaveBeenCalled()
    // The frame, then the task after it: still waiting for idle time.
    await act(async () => {
      frames.splice(0).forEach((cb) => cb(0))
      await vi.advanceTimersByTimeAsync(0)
    })
    expect(update).not.toHaveBeenCalled()
    expect(idle).toHaveLength(1)
    await act(async () => {
      idle.splice(0).forEach((cb) => cb({ didTimeout: false, timeRemaining: () => 10 }))
      await vi.advanceTimersByTimeAsync(0)
    })
    expect(update).toHaveBeenCalledTimes(1)
    expect(update.mock.calls[0]?.[0]).toEqual([profile])
  })
})

describe('CostTotalText', () => {
  const p1 = makeProfile({ id: 'p1', name: 'Prod' })
  const withTotal = (unknown: number): RunningCosts => ({
    ...costs,
    perProfile: { p1: { perHour: 12.4, perMonth: 9052, unknown } },
    total: { perHour: 12.4, perMonth: 9052, unknown }
  })

  it('says on the line itself when the total leaves nodes out, not only in its tooltip', () => {
    renderUi(<CostTotalText costs={withTotal(1234)} profiles={{ p1 }} />)
    const total = screen.getByTestId('list-cost-total')
    expect(total).toHaveTextContent(/estimate · 1,234 without a price$/)
    expect(total.title).toContain('1,234 nodes have no known price yet')
  })

  it('says nothing more when every node has a price', () => {
    renderUi(<CostTotalText costs={withTotal(0)} profiles={{ p1 }} />)
    expect(screen.getByTestId('list-cost-total')).toHaveTextContent(/estimate$/)
  })

  it('shows no figure while a shown profile’s prices are on their way (it would be a part of the total)', () => {
    renderUi(<CostTotalText costs={{ ...withTotal(3), pricing: true }} profiles={{ p1 }} />)
    expect(screen.queryByTestId('list-cost-total')).toBeNull()
  })

  it('a filtered figure says so too', () => {
    renderUi(
      <CostTotalText
        costs={withTotal(0)}
        profiles={{ p1 }}
        shown={{ perHour: 1, perMonth: 730, unknown: 2, count: 5 }}
      />
    )
    expect(screen.getByTestId('list-cost-total')).toHaveTextContent(/for 5 shown · 2 without a price$/)
  })
})

describe('useRunningCosts: prices on their way', () => {
  afterEach(() => resetPriceBooks())

  it('is pricing while a shown profile with nodes has its plan prices asked for, and not once they are in', () => {
    const shown = [
      { profileId: 'p1', nodes: [node(1)] } as ProfileNodes,
      { profileId: 'p2', nodes: [] } as unknown as ProfileNodes
    ]
    const { result } = renderHook(() => useRunningCosts([], shown, {}))
    expect(result.current.pricing).toBe(false)
    act(() => usePriceStore.setState({ fetching: { p2: true } }))
    expect(result.current.pricing).toBe(false)
    act(() => usePriceStore.setState({ fetching: { p1: true } }))
    expect(result.current.pricing).toBe(true)
    act(() => usePriceStore.setState({ fetching: {}, books: { p1: book } }))
    expect(result.current.pricing).toBe(false)
    expect(result.current.total.perHour).toBe(1)
  })
})

describe('useRunningCosts: two profiles of one project', () => {
  afterEach(() => resetPriceBooks())

  it('each profile shows its cost, and the total counts the project’s nodes once', () => {
    const prod = makeProfile({ id: 'p1', projectId: '51734' })
    const twin = makeProfile({ id: 'p2', name: 'Prod (CI key)', projectId: '51734' })
    const other = makeProfile({ id: 'p3', name: 'Staging', projectId: '9' })
    const lists = {
      p1: { profileId: 'p1', nodes: [node(1), node(2, 'big')], fetchedAt: '2026-03-01T00:00:00Z' } as ProfileNodes,
      p2: { profileId: 'p2', nodes: [node(1), node(2, 'big')], fetchedAt: '2026-03-01T00:00:00Z' } as ProfileNodes,
      p3: { profileId: 'p3', nodes: [node(7)], fetchedAt: '2026-03-01T00:00:00Z' } as ProfileNodes
    }
    const shown = [lists.p1, lists.p2, lists.p3]
    act(() => usePriceStore.setState({ books: { p1: book, p2: book, p3: book } }))
    const { result } = renderHook(() => useRunningCosts([prod, twin, other], shown, lists))
    expect(result.current.perProfile.p1?.perHour).toBe(11)
    expect(result.current.perProfile.p2?.perHour).toBe(11)
    expect(result.current.total.perHour).toBe(12)
  })
})
