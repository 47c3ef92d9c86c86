import { describe, expect, it, vi } from 'vitest'
import { buildBridgeApi } from './bridge'
import { INVOKE_CHANNELS } from './contract'

describe('bridge API generated from the contract', () => {
  it('maps every channel to api.<area>.<camelVerb> and nothing else', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: null }))
    const api = buildBridgeApi({ invoke, subscribe: () => () => undefined }) as unknown as Record<
      string,
      Record<string, (i: unknown) => Promise<unknown>>
    >
    for (const channel of INVOKE_CHANNELS) {
      const [area, verb] = channel.split(':') as [string, string]
      const fn = api[area]?.[verb.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())]
      expect(typeof fn, channel).toBe('function')
      await fn!({ x: 1 })
      expect(invoke).toHaveBeenLastCalledWith(channel, { x: 1 })
    }
    expect('invoke' in api).toBe(false)
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('refuses to subscribe to events outside the contract', () => {
    const api = buildBridgeApi({ invoke: vi.fn(), subscribe: () => () => undefined })
    expect(() => api.events.on('fs:changed' as never, () => undefined)).toThrow(/Unknown event/)
  })
})
