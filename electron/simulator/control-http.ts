// HTTP control API: POST or GET /__control/<operation> with a JSON body, guarded by the x-sim-secret header (any other
// method answers 405). The preview host's test hooks (/__test/sim/<operation>) run the same operations through runControl.
import { timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { FaultInput, RequestFilter, SimulatorControl } from './types'

const location = z.enum(['Delhi', 'Chennai'])
const scopeInput = z.object({ apiKey: z.string(), projectId: z.number().int(), location })
const seed = z.union([z.literal('demo'), z.literal('empty'), z.number().int()], {
  error: 'must be "demo", "empty" or an integer'
})

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

/**
 * One control operation as HTTP (and the preview host's test hooks) call it: `call` validates the JSON body and runs
 * the in-process SimulatorControl method, returning what it returned; `reply` wraps a bare result (a time, an id, a
 * count) in an object for the HTTP answer; `valueField` names the field a bare value stands for in the preview test hooks' older
 * `{"arg": value}` form (`expireToken {"arg": token}` = `{"authToken": token}`).
 */
interface Operation {
  call(control: SimulatorControl, body: unknown): unknown
  reply?(result: unknown): unknown
  valueField?: string
  /** The body's fields: any other is refused by name (a misspelt field used to be dropped and the default run). */
  fields: readonly string[]
  /** How the refusal words it: `unknown <field> "x": <subject> takes …` ("filter field", "the filter" for the
   * request-log filters; "field", "it" otherwise). */
  wording?: { field: string; subject: string }
}

const keysOf = (schema: { shape: object }) => Object.keys(schema.shape)

/** Throws, naming them, when the body has fields the operation does not take. */
function refuseUnknownFields(body: unknown, op: Operation): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return
  const unknown = Object.keys(body).filter((k) => !op.fields.includes(k))
  if (unknown.length === 0) return
  const { field, subject } = op.wording ?? { field: 'field', subject: 'it' }
  const takes = op.fields.length > 0 ? op.fields.join(', ') : 'no fields'
  throw new Error(
    `unknown ${field}${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}: ` +
      `${subject} takes ${takes}`
  )
}

const parseFilter = (body: unknown) => dropUndefined(filter.parse(body)) as RequestFilter
const FILTER = { fields: keysOf(filter), wording: { field: 'filter field', subject: 'the filter' } }
const NO_FIELDS: readonly string[] = []

const addNodesInput = scopeInput.extend({
  count: z.number().int().min(0).max(100_000),
  status: z.string().optional(),
  namePrefix: z.string().optional(),
  sku: z.string().optional()
})
const setNodeInput = z.object({
  nodeId: z.number().int(),
  status: z.string().optional(),
  isLocked: z.boolean().optional(),
  isAccidentalProtection: z.boolean().optional(),
  publicIp: z.string().nullable().optional(),
  name: z.string().optional(),
  committedEndsAt: z.union([z.string(), z.number()]).optional(),
  committedStatus: z.enum(['auto_renew', 'hourly_billing', 'auto_terminate']).optional()
})
const FAULT_FIELDS = [...new Set([...faultSpec.options.flatMap(keysOf), ...keysOf(faultScope)])]

const OPERATIONS = {
  reset: {
    call: (c, b) => c.reset(z.object({ seed: seed.optional() }).parse(b).seed),
    valueField: 'seed',
    fields: ['seed']
  },
  addAccount: { call: (c, b) => c.addAccount(dropUndefined(account.parse(b))), fields: keysOf(account) },
  expireToken: {
    call: (c, b) => c.expireToken(z.object({ authToken: z.string() }).parse(b).authToken),
    valueField: 'authToken',
    fields: ['authToken']
  },
  addNodes: { call: (c, b) => c.addNodes(dropUndefined(addNodesInput.parse(b))), fields: keysOf(addNodesInput) },
  getNodes: { call: (c, b) => c.getNodes(scopeInput.parse(b)), fields: keysOf(scopeInput) },
  setNode: { call: (c, b) => c.setNode(dropUndefined(setNodeInput.parse(b))), fields: keysOf(setNodeInput) },
  advanceClock: {
    call: (c, b) => c.advanceClock(z.object({ ms: z.number().nonnegative() }).parse(b).ms),
    reply: (now) => ({ now }),
    valueField: 'ms',
    fields: ['ms']
  },
  now: { call: (c) => c.now(), reply: (now) => ({ now }), fields: NO_FIELDS },
  setTransitions: {
    call: (c, b) => c.setTransitions(z.object({ mode: z.enum(['instant', 'fast', 'real']) }).parse(b).mode),
    valueField: 'mode',
    fields: ['mode']
  },
  setOptions: { call: (c, b) => c.setOptions(dropUndefined(options.parse(b))), fields: keysOf(options) },
  injectFault: {
    call: (c, b) => c.injectFault({ ...faultSpec.parse(b), ...dropUndefined(faultScope.parse(b)) } as FaultInput),
    reply: (faultId) => ({ faultId }),
    fields: FAULT_FIELDS
  },
  clearFaults: { call: (c) => c.clearFaults(), fields: NO_FIELDS },
  requestLog: { call: (c, b) => c.requestLog(parseFilter(b)), ...FILTER },
  countRequests: { call: (c, b) => c.countRequests(parseFilter(b)), reply: (count) => ({ count }), ...FILTER },
  clearLog: { call: (c) => c.clearLog(), fields: NO_FIELDS }
} satisfies Record<keyof SimulatorControl, Operation>

/** A control operation's name, looked up as an own property: `constructor` or `__proto__` must not reach Object's. */
export function isControlOperation(name: string): name is keyof SimulatorControl {
  return Object.hasOwn(OPERATIONS, name)
}

/** The body a bare value stands for: `{"arg": 1000}` to advanceClock is `{"ms": 1000}`; an object is the body itself. */
export function bodyFromArg(operation: keyof SimulatorControl, arg: unknown): unknown {
  const op: Operation = OPERATIONS[operation]
  return op.valueField === undefined ? arg : { [op.valueField]: arg }
}

export function secretMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

export type ControlOutcome =
  /** `body` is the HTTP reply; `result` what the in-process SimulatorControl call returned. */
  { status: 200; body: unknown; result: unknown } | { status: 400 | 404; body: { error: string } }

export function runControl(control: SimulatorControl, operation: string, body: unknown): ControlOutcome {
  if (!isControlOperation(operation))
    return { status: 404, body: { error: `unknown control operation "${operation}"` } }
  const op: Operation = OPERATIONS[operation]
  try {
    refuseUnknownFields(body, op)
    const result = op.call(control, body ?? {})
    const reply = op.reply ? op.reply(result) : result
    return { status: 200, body: reply === undefined ? { ok: true } : reply, result }
  } catch (err) {
    return { status: 400, body: { error: errorMessage(err) } }
  }
}

function errorMessage(err: unknown): string {
  if (!(err instanceof z.ZodError)) return err instanceof Error ? err.message : String(err)
  return err.issues
    .map((i) => {
      const field = i.path.length > 0 ? i.path.join('.') : 'body'
      // A missing field says so, rather than "expected string, received undefined".
      if (i.code === 'invalid_type' && / received undefined$/.test(i.message)) return `${field}: required`
      return `${field}: ${i.message}`
    })
    .join('; ')
}
