// The one fake Clock for tests: time moves only when a test says so. advance() fires due timers in order and lets
// the promises they start settle before moving on, so async pollers behave as they would in real time; set()
// jumps without firing anything (a date-dependent rule, not a timer).
import type { Clock } from '../../electron/main/ports'

interface Timer {
  id: number
  at: number
  fn: () => void
}

export class FakeClock implements Clock {
  private t: number
  private seq = 0
  private timers: Timer[] = []

  constructor(
    start = Date.UTC(2026, 1, 3, 8, 0, 0),
    /** Awaited after each timer fires: by default a few macrotask turns; sim tests also wait for in-flight HTTP. */
    private readonly settle: () => Promise<void> = flushAsync
  ) {
    this.t = start
  }

  now(): number {
    return this.t
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { id: ++this.seq, at: this.t + Math.max(0, ms), fn }
    this.timers.push(timer)
    return timer.id
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== handle)
  }

  /** Jumps to `ms` at once; no timer fires (await advance() for that). */
  set(ms: number): void {
    this.t = ms
  }

  get pending(): number {
    return this.timers.length
  }

  /** Moves time forward by ms, firing every timer due on the way (including ones they schedule). */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms
    await this.settle()
    for (;;) {
      const next = this.timers.filter((x) => x.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!next) break
      this.timers = this.timers.filter((x) => x !== next)
      this.t = Math.max(this.t, next.at)
      next.fn()
      await this.settle()
    }
    this.t = target
    await this.settle()
  }
}

export async function flushAsync(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}
