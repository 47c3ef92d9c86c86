// Sliding one-hour window of request times for one profile, shown as "requests in the last hour".
export const HOUR_MS = 60 * 60_000

export class RequestCounter {
  private times: number[] = []

  constructor(private readonly windowMs = HOUR_MS) {}

  add(at: number): void {
    this.times.push(at)
  }

  count(now: number): number {
    const from = now - this.windowMs
    // Times arrive in order, so drop from the front.
    let drop = 0
    while (drop < this.times.length && (this.times[drop] ?? 0) <= from) drop++
    if (drop) this.times.splice(0, drop)
    return this.times.length
  }
}
