// HTTP control API: POST (or GET) /__control/<operation> with a JSON body, guarded by the x-sim-secret header.
import { timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { FaultInput, SimulatorControl } from './types'

const location = z.enum(['Delhi', 'Chennai'])
const scopeInput = z.object({ apiKey: z.string(), projectId: z.number().int(), location })
const seed = z.union([z.literal('demo'), z.literal('empty'), z.number().int()])

const faultSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().nonnegative(), jitterMs: z.number().nonnegative().optional() }),
  z.object({
    kind: z.literal('http429'),
    html: z.literal(true).default(true),
    applyChange: z.boolean().optional(),
    retryAfterSec: z.number().int().optional()
  }),
  z.object({
    kind: z.literal('http5xx'),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
    body: z.enum(['html', 'json'])
  }),
  z.object({ kind: z.literal('errorsInside200') }),
  z.object({ kind: z.literal('statusCodeBody'), status: z.union([z.literal(400), z.literal(429)]) }),
  z.object({ kind: z.literal('drop') }),
  z.object({ kind: z.literal('hang') }),
  z.object({ kind: z.literal('tokenExpiry') })
])
const faultScope = z.object({
  method: z.string().optional(),
  route: z.string().optional(),
  times: z.number().int().positive().optional(),
  probability: z.number().min(0).max(1).optional()
})
const filter = z.object({
  method: z.string().optional(),
  path: z.string().optional(),
  status: z.number().int().optional(),
  fault: z.string().optional(),
  sinceSeq: z.number().int().optional()
})
const options = z.object({
  latencyMs: z.number().nonnegative().optional(),
  jitterMs: z.number().nonnegative().optional(),
  offSpelling: z.enum(['Powered off', 'Powered Off', 'Stopped']).optional(),
  createFailureRate: z.number().min(0).max(1).optional(),
  ipChangeOnPowerCycle: z.boolean().optional(),
  legacyCreateReply: z.boolean().optional(),
  actionReplyStyle: z.enum(['spec', 'cli']).optional(),
  creditLimit: z.number().nullable().optional(),
  authFailureStatus: z.union([z.literal(401), z.literal(403)]).optional(),
  ignorePaging: z.boolean().optional()
})
const account = z.object({
  apiKey: z.string().optional(),
  authToken: z.string().optional(),
  readOnly: z.boolean().optional(),
  expiresAt: z.string().optional(),
  expiresAfterCalls: z.number().int().nonnegative().optional(),
  projects: z
    .array(z.object({ projectId: z.number().int().optional(), name: z.string(), isDefault: z.boolean().optional() }))
    .optional()
})

function dropUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T
}

type Operation = (control: SimulatorControl, body: unknown) => unknown
const OPERATIONS: Record<string, Operation> = {
  reset: (c, b) => c.reset(z.object({ seed: seed.optional() }).parse(b).seed),
  addAccount: (c, b) => c.addAccount(dropUndefined(account.parse(b))),
  expireToken: (c, b) => c.expireToken(z.object({ authToken: z.string() }).parse(b).authToken),
  addNodes: (c, b) =>
    c.addNodes(
      dropUndefined(
        scopeInput
          .extend({
            count: z.number().int().min(0).max(100_000),
            status: z.string().optional(),
            namePrefix: z.string().optional(),
            sku: z.string().optional()
          })
          .parse(b)
      )
    ),
  getNodes: (c, b) => c.getNodes(scopeInput.parse(b)),
  setNode: (c, b) =>
    c.setNode(
      dropUndefined(
        z
          .object({
            nodeId: z.number().int(),
            status: z.string().optional(),
            isLocked: z.boolean().optional(),
            isAccidentalProtection: z.boolean().optional(),
            publicIp: z.string().nullable().optional(),
            name: z.string().optional(),
            committedEndsAt: z.union([z.string(), z.number()]).optional(),
            committedStatus: z.enum(['auto_renew', 'hourly_billing', 'auto_terminate']).optional()
          })
          .parse(b)
      )
    ),
  advanceClock: (c, b) => ({ now: c.advanceClock(z.object({ ms: z.number().nonnegative() }).parse(b).ms) }),
  now: (c) => ({ now: c.now() }),
  setTransitions: (c, b) => c.setTransitions(z.object({ mode: z.enum(['instant', 'fast', 'real']) }).parse(b).mode),
  setOptions: (c, b) => c.setOptions(dropUndefined(options.parse(b))),
  injectFault: (c, b) => {
    const input = { ...faultSpec.parse(b), ...dropUndefined(faultScope.parse(b)) } as FaultInput
    return { faultId: c.injectFault(input) }
  },
  clearFaults: (c) => c.clearFaults(),
  requestLog: (c, b) =>
    c.requestLog(dropUndefined(filter.parse(b ?? {})) as Parameters<SimulatorControl['requestLog']>[0]),
  countRequests: (c, b) => ({
    count: c.countRequests(dropUndefined(filter.parse(b ?? {})) as Parameters<SimulatorControl['countRequests']>[0])
  }),
  clearLog: (c) => c.clearLog()
}

export function secretMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function runControl(
  control: SimulatorControl,
  operation: string,
  body: unknown
): { status: number; body: unknown } {
  // Own properties only: `constructor` or `__proto__` must not reach Object's.
  const op = Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined
  if (!op) return { status: 404, body: { error: `unknown control operation "${operation}"` } }
  try {
    const result = op(control, body ?? {})
    return { status: 200, body: result === undefined ? { ok: true } : result }
  } catch (err) {
    const message =
      err instanceof z.ZodError
        ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        : err instanceof Error
          ? err.message
          : String(err)
    return { status: 400, body: { error: message } }
  }
}
