// Property-based fuzzing of every invoke channel through the real registry of a real createMain. Every input is one
// the channel's schema refuses; each must come back as a VALIDATION envelope naming a field, leak no secret and
// change nothing: not the profiles, not the settings, not the file on disk, and no write reaches the API.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { INVOKE_CHANNELS, invokeSchemas } from '../../shared/ipc/contract'
import { validExamples, type Known } from '../support/ipc-examples'
import { SENDER, startMainHarness, valueOf, writeCounts, type MainHarness } from './harness'

const RUNS_PER_CHANNEL = 300
const SEED = 20_260_203

/** Top-level field names a schema knows (both shapes of a union). */
function schemaKeys(schema: z.ZodType): Set<string> {
  if (schema instanceof z.ZodObject) return new Set(Object.keys(schema.shape))
  if (schema instanceof z.ZodUnion) return new Set(schema.options.flatMap((o) => [...schemaKeys(o as z.ZodType)]))
  return new Set()
}

// ---- mutations of a valid example -------------------------------------------------------------------------------

type Path = (string | number)[]

function leafPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => leafPaths(v, [...prefix, i]))]
  if (value !== null && typeof value === 'object') {
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]))]
  }
  return [prefix]
}

/** A deep copy of `value` with `fn` applied to the container at `path` (plain objects and arrays only). */
function editAt(
  value: unknown,
  path: Path,
  fn: (container: Record<string | number, unknown>, key: string | number) => void
): unknown {
  const copy: unknown = structuredClone(value)
  let node = copy as Record<string | number, unknown>
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>
  const last = path[path.length - 1]
  if (last !== undefined) fn(node, last)
  return copy
}

/** Own property even for "__proto__": a plain assignment would swap the prototype instead. */
function defineOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

function mutations(valid: unknown, secrets: string[]): fc.Arbitrary<unknown> {
  const paths = leafPaths(valid).filter((p) => p.length > 0)
  const objectPaths = leafPaths(valid).filter((p) => {
    const at = p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], valid)
    return at !== null && typeof at === 'object' && !Array.isArray(at)
  })
  const huge = fc.oneof(
    fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n + 300)),
    fc.constantFrom(
      'é'.repeat(70_000),
      '\u0000'.repeat(5000),
      '9'.repeat(10_000),
      `https://${'a'.repeat(5000)}.example`
    )
  )
  const badNumber = fc.oneof(
    fc.integer({ max: 0 }),
    fc.double({ noInteger: true }),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, -1, 0.5, 2 ** 53 + 2, -(2 ** 31))
  )
  const wrong = fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.string({ maxLength: 20 }),
    fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
    fc.object({ maxDepth: 1 }),
    fc.bigInt(),
    fc.date(),
    badNumber,
    huge,
    fc.constantFrom(
      ...secrets,
      ...secrets.map((s) => `Bearer ${s}`),
      'Delhi ',
      'delhi',
      'Mumbai',
      '#zzzzzz',
      '../../etc/passwd'
    )
  )
  const pollutionKey = fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '__defineGetter__'
  )
  const pollutionValue = fc.constantFrom<unknown>(
    { polluted: 'yes' },
    { prototype: { polluted: 'yes' } },
    'polluted',
    1
  )

  const fieldEdits: fc.Arbitrary<unknown>[] = []
  if (paths.length > 0) {
    const setField = fc
      .tuple(fc.constantFrom(...paths), wrong)
      .map(([p, v]) => editAt(valid, p, (c, k) => defineOwn(c, k, v)))
    const dropField = fc.constantFrom(...paths).map((p) =>
      editAt(valid, p, (c, k) => {
        if (Array.isArray(c) && typeof k === 'number') c.splice(k, 1)
        else delete c[k]
      })
    )
    fieldEdits.push(setField, setField, dropField)
  }
  const extraKey = fc
    .tuple(
      fc.constantFrom(...objectPaths),
      fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), pollutionKey),
      fc.oneof(fc.anything({ maxDepth: 2 }), pollutionValue)
    )
    .map(([p, key, v]) => {
      const copy = structuredClone(valid) as Record<string, unknown>
      const target = p.reduce<Record<string | number, unknown>>(
        (o, k) => o[k] as Record<string | number, unknown>,
        copy
      )
      defineOwn(target, key, v)
      return copy
    })
  const jsonPollution = fc
    .constantFrom(
      '{"__proto__":{"polluted":"yes"}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"__proto__":{"isAdmin":true},"profileId":"x"}'
    )
    .map((text) => {
      const copy = structuredClone(valid) as Record<string, unknown>
      for (const [k, v] of Object.entries(JSON.parse(text) as Record<string, unknown>)) defineOwn(copy, k, v)
      return copy
    })
  const wrapped = fc.constantFrom<unknown>(
    [valid],
    JSON.stringify(valid),
    new Map(Object.entries(valid as object)),
    'null',
    [],
    0,
    false
  )
  return fc.oneof(...fieldEdits, extraKey, jsonPollution, wrapped)
}

function anythingAtAll(): fc.Arbitrary<unknown> {
  return fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withBoxedValues: true,
    withObjectString: true
  })
}

// ---- the run ------------------------------------------------------------------------------------------------------

let h: MainHarness
let known: Known

beforeAll(async () => {
  h = await startMainHarness()
  const conn = await h.demo.ensureStarted()
  const project = conn.projects.find((p) => p.location === 'Delhi')
  if (!project) throw new Error('the demo simulator has no Delhi project')
  const node = h.sim.control.getNodes({ apiKey: conn.apiKey, projectId: project.projectId, location: 'Delhi' })[0]
  if (!node) throw new Error('the demo simulator has no node in Delhi')
  const created = valueOf(
    await h.call('profiles:create', {
      name: 'Fuzz target',
      projectId: String(project.projectId),
      location: 'Delhi',
      apiBaseUrl: conn.baseUrl,
      apiKey: conn.apiKey,
      authToken: conn.authToken
    }),
    'creating the profile'
  )
  known = {
    profileId: created.id,
    nodeId: node.id,
    nodeName: node.name,
    apiKey: conn.apiKey,
    authToken: conn.authToken,
    baseUrl: conn.baseUrl,
    projectId: String(project.projectId)
  }
  valueOf(await h.call('nodes:refresh', {}), 'first refresh')
}, 30_000)

afterAll(async () => {
  await h?.close()
})

async function stateOf(): Promise<string> {
  const conn = await h.demo.ensureStarted()
  return JSON.stringify({
    profiles: await h.main.profiles.list(),
    settings: h.main.settings.get(),
    file: await h.readProfileFile(),
    vault: await Promise.all((await h.vault.listProfileIds()).sort().map(async (id) => [id, await h.vault.get(id)])),
    writes: writeCounts(h.sim),
    paused: h.main.nodes.isPaused(),
    ports: h.recorded,
    simNodes: conn.projects.map((p) =>
      h.sim.control.getNodes({ apiKey: conn.apiKey, projectId: p.projectId, location: p.location })
    )
  })
}

describe('IPC fuzzing against the real registry', () => {
  it('refuses every schema-invalid input on every channel with VALIDATION, no secret and no state change', async () => {
    const started = Date.now()
    const examples = validExamples(known)
    const secrets = [known.apiKey, known.authToken]
    const perChannel: string[] = []
    let total = 0
    let refused = 0
    let crashes = 0
    let stateChanges = 0
    let namedField = 0
    let namedUnknown = 0
    const before = await stateOf()

    for (const channel of INVOKE_CHANNELS) {
      const schema = invokeSchemas[channel] as z.ZodType
      const example: unknown = examples[channel]
      // The examples must be valid, or "mutations of a valid input" would prove nothing.
      expect(schema.safeParse(example).success, `valid example for ${channel}`).toBe(true)
      const keys = schemaKeys(schema)
      // The registry reads a missing input as {} (Electron's invoke with no argument); filter the same way.
      const rejected = (input: unknown): boolean => !schema.safeParse(input ?? {}).success
      const arb = fc
        .oneof({ arbitrary: anythingAtAll(), weight: 1 }, { arbitrary: mutations(example, secrets), weight: 3 })
        .filter(rejected)
      let runs = 0
      const channelBefore = await stateOf()

      await fc.assert(
        fc.asyncProperty(arb, async (input) => {
          runs++
          let reply: unknown
          try {
            reply = await h.main.registry.dispatch(channel, input, SENDER)
          } catch (err) {
            crashes++
            throw new Error(`${channel}: dispatch threw ${String(err)}`, { cause: err })
          }
          const env = reply as { ok: boolean; error?: { code?: unknown; field?: unknown; message?: unknown } }
          expect(env.ok, `${channel} accepted an invalid input`).toBe(false)
          expect(env.error?.code).toBe('VALIDATION')
          const field = env.error?.field
          expect(typeof field === 'string' && field.length > 0, `${channel}: field ${String(field)}`).toBe(true)
          const root = String(field).split(/[.[]/)[0] ?? ''
          const isPlainObject = input !== null && typeof input === 'object' && !Array.isArray(input)
          if (!isPlainObject && input !== undefined && input !== null)
            expect(field, `${channel}: non-object input`).toBe('input')
          else {
            // A schema field, an unknown key the input really carries (named so the caller knows what to drop),
            // or 'input' for a problem with the input as a whole.
            const sent = isPlainObject ? Object.keys(input as object) : []
            expect(
              root === 'input' || keys.has(root) || sent.includes(root),
              `${channel}: field "${String(field)}" names no field`
            ).toBe(true)
            if (sent.includes(root) && !keys.has(root)) namedUnknown++
          }
          if (root !== 'input') namedField++
          expect(typeof env.error?.message === 'string' && env.error.message.length > 0).toBe(true)
          const json = JSON.stringify(reply)
          for (const s of secrets) expect(json.includes(s), `${channel}: reply carries a secret`).toBe(false)
          expect(Object.keys(Object.prototype)).toEqual([])
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
          expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined()
          refused++
        }),
        { numRuns: RUNS_PER_CHANNEL, seed: SEED, endOnFailure: true }
      )
      total += runs
      if ((await stateOf()) !== channelBefore) stateChanges++
      perChannel.push(`${channel}=${runs}`)
    }

    const after = await stateOf()
    if (after !== before) stateChanges++
    const secretInLog = h.logLines.filter((l) => l.includes(known.apiKey) || l.includes(known.authToken)).length
    console.log(
      `ipc-fuzz: ${INVOKE_CHANNELS.length} channels × ${RUNS_PER_CHANNEL} runs = ${total} inputs, ${refused} refused with VALIDATION naming a field ` +
        `(${namedField - namedUnknown} a schema field, ${namedUnknown} an unknown key, ${refused - namedField} "input"), ` +
        `${crashes} crashes, ${stateChanges} state changes, ${secretInLog} secrets in ${h.logLines.length} log lines, ${((Date.now() - started) / 1000).toFixed(1)} s`
    )
    console.log(`ipc-fuzz runs per channel: ${perChannel.join(' ')}`)
    expect(total).toBe(INVOKE_CHANNELS.length * RUNS_PER_CHANNEL)
    expect(refused).toBe(total)
    expect(crashes).toBe(0)
    expect(stateChanges).toBe(0)
    expect(after).toBe(before)
    expect(secretInLog).toBe(0)
    expect(Object.keys(Object.prototype)).toEqual([])
  }, 60_000)
})
