// Every invoke channel refuses a field it does not know, at the top level and in every nested object, and says
// which one. Each input is a channel's valid example plus one unknown key, sent whatever the schema thinks of it:
// the schema under test is never used to pick inputs, so a schema that stops being strict fails here.
import { describe, expect, it } from 'vitest'
import { INVOKE_CHANNELS, invokeSchemas, type InvokeChannel } from '../../shared/ipc/contract'
import type { Envelope } from '../../shared/ipc/envelope'
import { createRegistry, type HandlerMap } from '../../electron/main/ipc/registry'
import { createLogger, SecretScrubber } from '../../electron/main/redact'
import { STUB_KNOWN, validExamples } from '../support/ipc-examples'

const UNKNOWN = 'unexpectedExtra'

type Path = (string | number)[]

/** Paths of the input itself and of every plain object inside it. */
function objectPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...prefix, i]))
  if (value === null || typeof value !== 'object') return []
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...prefix, k]))]
}

function withExtraKey(value: unknown, path: Path): unknown {
  const copy: unknown = structuredClone(value)
  const target = path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy)
  ;(target as Record<string, unknown>)[UNKNOWN] = 'x'
  return copy
}

/** How the registry names a field: `entries[0].alias`. */
function fieldName(path: Path): string {
  return [...path, UNKNOWN]
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('.')
    .replace(/\.\[/g, '[')
}

function registryWithRecordingHandlers() {
  const called: string[] = []
  const scrubber = new SecretScrubber()
  const handlers = Object.fromEntries(
    INVOKE_CHANNELS.map((c) => [
      c,
      async () => {
        called.push(c)
        return null
      }
    ])
  ) as unknown as HandlerMap
  const registry = createRegistry<'renderer'>(handlers, {
    isTrustedSender: () => true,
    describeSender: () => 'test',
    scrubber,
    log: createLogger(scrubber, () => undefined)
  })
  return { registry, called }
}

const examples = validExamples(STUB_KNOWN)
const cases = INVOKE_CHANNELS.flatMap((channel) =>
  objectPaths(examples[channel]).map((path) => ({ channel, path, field: fieldName(path) }))
)

describe('unknown fields on every channel', () => {
  it('has an example for every channel and reaches the handler with each one as it is', async () => {
    const { registry, called } = registryWithRecordingHandlers()
    for (const channel of INVOKE_CHANNELS) {
      const env = await registry.dispatch(channel, examples[channel], 'renderer')
      expect(env, channel).toEqual({ ok: true, value: null })
    }
    expect(called).toEqual([...INVOKE_CHANNELS])
    expect(Object.keys(invokeSchemas).sort()).toEqual([...INVOKE_CHANNELS].sort())
    // Nested objects are covered too, not just the top level.
    expect(cases.some((c) => c.path.length > 0)).toBe(true)
  })

  it.each(cases)(
    '$channel refuses $field with VALIDATION naming it, and never runs',
    async ({ channel, path, field }) => {
      const { registry, called } = registryWithRecordingHandlers()
      const env: Envelope<unknown> = await registry.dispatch(channel, withExtraKey(examples[channel], path), 'renderer')
      expect(env.ok, `${channel} accepted an unknown field at ${field}`).toBe(false)
      if (env.ok) return
      expect(env.error.code).toBe('VALIDATION')
      expect(env.error.field).toBe(field)
      expect(env.error.message).toContain(UNKNOWN)
      expect(called).toEqual([])
    }
  )

  it('covers every channel', () => {
    expect(new Set(cases.map((c) => c.channel as InvokeChannel))).toEqual(new Set(INVOKE_CHANNELS))
  })
})
