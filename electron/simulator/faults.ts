// Injected faults (docs/e2e-api.md#simulator-faults): scoped by method/route, limited to the next N calls, or drawn
// with a seeded probability.
import { pathPattern } from './request-log'
import type { Prng } from './prng'
import type { FaultInput, FaultScope, FaultSpec } from './types'

export interface ActiveFault {
  id: number
  spec: FaultSpec
  method: string | null
  route: RegExp | null
  remaining: number | null
  probability: number
}

const METHOD_PREFIX = /^(GET|POST|PUT|DELETE|PATCH)\s+(.+)$/i

export function toActiveFault(id: number, input: FaultInput): ActiveFault {
  const { scope, method, route, times, probability, ...rest } = input
  const s: FaultScope = {
    ...(scope ?? {}),
    ...(method !== undefined ? { method } : {}),
    ...(route !== undefined ? { route } : {}),
    ...(times !== undefined ? { times } : {}),
    ...(probability !== undefined ? { probability } : {})
  }
  let m = s.method?.toUpperCase() ?? null
  let r = s.route ?? null
  const prefixed = r ? METHOD_PREFIX.exec(r) : null
  if (prefixed) {
    m = (prefixed[1] ?? '').toUpperCase()
    r = prefixed[2] ?? null
  }
  if (r !== null) r = r.replace(/^\/?(myaccount\/api\/v1\/)?/, '')
  return {
    id,
    spec: rest as FaultSpec,
    method: m,
    route: r === null ? null : pathPattern(r),
    remaining: s.times ?? null,
    probability: s.probability ?? 1
  }
}

export class FaultBook {
  private faults: ActiveFault[] = []
  private nextId = 1

  add(input: FaultInput): number {
    const fault = toActiveFault(this.nextId++, input)
    this.faults.push(fault)
    return fault.id
  }

  clear(): void {
    this.faults = []
  }

  /** Faults that fire for this call: every matching latency fault, plus the first matching other fault. */
  take(method: string, route: string, prng: Prng): { delayMs: number; fault: FaultSpec | null } {
    let delayMs = 0
    let fault: FaultSpec | null = null
    for (const f of this.faults) {
      if (f.method !== null && f.method !== method) continue
      if (f.route !== null && !f.route.test(route)) continue
      if (f.spec.kind !== 'latency' && fault !== null) continue
      if (f.probability < 1 && prng.next() >= f.probability) continue
      if (f.remaining !== null) f.remaining -= 1
      if (f.spec.kind === 'latency') delayMs += f.spec.ms + (f.spec.jitterMs ? prng.int(0, f.spec.jitterMs) : 0)
      else fault = f.spec
    }
    this.faults = this.faults.filter((f) => f.remaining === null || f.remaining > 0)
    return { delayMs, fault }
  }
}
