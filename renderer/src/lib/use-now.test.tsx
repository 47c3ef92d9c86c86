import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useNow } from './use-now'

let visibility: DocumentVisibilityState = 'visible'

function setVisibility(v: DocumentVisibilityState) {
  visibility = v
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'))
  })
}
const wait = (ms: number) => {
  act(() => {
    vi.advanceTimersByTime(ms)
  })
}

/** The hook's value, and how many times it rendered: a tick is a render. */
function renderNow(everyMs: number) {
  const renders = { count: 0 }
  const hook = renderHook(() => {
    renders.count++
    return useNow(everyMs)
  })
  return { ...hook, renders }
}

describe('useNow', () => {
  beforeEach(() => {
    visibility = 'visible'
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
    vi.useFakeTimers({ now: 1_000_000 })
  })
  afterEach(() => {
    vi.useRealTimers()
    // Back to jsdom's own getter on Document.prototype.
    delete (document as { visibilityState?: unknown }).visibilityState
  })

  it('ticks at its interval while the page shows', () => {
    const { result, renders } = renderNow(1000)
    expect(result.current).toBe(1_000_000)
    wait(999)
    expect(result.current).toBe(1_000_000)
    wait(1)
    expect(result.current).toBe(1_001_000)
    for (let tick = 0; tick < 3; tick++) wait(1000)
    expect(result.current).toBe(1_004_000)
    // One render a tick, none between.
    expect(renders.count).toBe(5)
  })

  it('does not tick, nor keep a timer, while the page is hidden from the start', () => {
    visibility = 'hidden'
    const { result, renders } = renderNow(1000)
    expect(vi.getTimerCount()).toBe(0)
    wait(60_000)
    expect(renders.count).toBe(1)
    expect(result.current).toBe(1_000_000)
  })

  it('stops ticking when the page is hidden, and a focus while hidden does not start it again', () => {
    const { renders } = renderNow(1000)
    wait(1000)
    setVisibility('hidden')
    const before = renders.count
    expect(vi.getTimerCount()).toBe(0)
    act(() => {
      window.dispatchEvent(new Event('focus'))
    })
    wait(60_000)
    expect(renders.count).toBe(before)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('re-reads the time at once when the page shows again, then ticks from there', () => {
    const { result } = renderNow(60_000)
    setVisibility('hidden')
    wait(5 * 60_000 + 7_000)
    expect(result.current).toBe(1_000_000)
    setVisibility('visible')
    // At once: no waiting for the next tick to stop an age reading "just now".
    expect(result.current).toBe(1_307_000)
    wait(60_000)
    expect(result.current).toBe(1_367_000)
  })

  it('leaves no timer behind once unmounted', () => {
    const { unmount } = renderNow(1000)
    expect(vi.getTimerCount()).toBe(1)
    unmount()
    expect(vi.getTimerCount()).toBe(0)
  })
})
