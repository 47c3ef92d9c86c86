import { describe, expect, it, vi } from 'vitest'
import { invokeSchemas, type InvokeChannel } from '../../../shared/ipc/contract'
import { DomainError } from '../errors'
import { createLogger, SecretScrubber } from '../redact'
import { createRegistry, type HandlerMap } from './registry'

type Sender = { trusted: boolean }
const API_KEY = 'a1b2c3d4-0000-4000-8000-feedfacecafe'
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE4OTk5OTk5OTl9.c2lnbmF0dXJlLXNlY3JldA'

function setup(overrides: Partial<HandlerMap> = {}) {
  const scrubber = new SecretScrubber()
  scrubber.add(API_KEY)
  scrubber.add(TOKEN)
  const lines: string[] = []
  const log = createLogger(scrubber, (l) => lines.push(l))
  const fallback = vi.fn(async () => {
    throw new Error('not used in this test')
  })
  const handlers = Object.fromEntries(
    (Object.keys(invokeSchemas) as InvokeChannel[]).map((c) => [c, overrides[c] ?? fallback])
  ) as unknown as HandlerMap
  const registry = createRegistry<Sender>(handlers, {
    isTrustedSender: (s) => s.trusted,
    describeSender: () => 'test',
    scrubber,
    log
  })
  return { registry, lines, fallback }
}

const appInfo = async () => ({
  name: 'Nodetray',
  version: '1.2.3',
  platform: 'linux',
  demoMode: true,
  preview: false,
  notices: []
})

describe('IPC registry', () => {
  it('answers a trusted call with an ok envelope', async () => {
    const { registry } = setup({ 'app:info': appInfo })
    await expect(registry.dispatch('app:info', {}, { trusted: true })).resolves.toEqual({
      ok: true,
      value: { name: 'Nodetray', version: '1.2.3', platform: 'linux', demoMode: true, preview: false, notices: [] }
    })
  })

  it('refuses a foreign sender without running the handler', async () => {
    const handler = vi.fn(appInfo)
    const { registry, lines } = setup({ 'app:info': handler })
    const env = await registry.dispatch('app:info', {}, { trusted: false })
    expect(env).toEqual({ ok: false, error: { code: 'UNTRUSTED_SENDER', message: expect.any(String) } })
    expect(handler).not.toHaveBeenCalled()
    expect(lines.join('\n')).toContain('untrusted sender')
  })

  it('names the bad field in a validation error and never calls the handler', async () => {
    const handler = vi.fn()
    const { registry } = setup({ 'profiles:create': handler })
    const env = await registry.dispatch(
      'profiles:create',
      { name: 'Prod', projectId: '12ab', location: 'Delhi', apiKey: API_KEY, authToken: TOKEN },
      { trusted: true }
    )
    expect(env.ok).toBe(false)
    if (env.ok) return
    expect(env.error.code).toBe('VALIDATION')
    expect(env.error.field).toBe('projectId')
    expect(env.error.message).toBe('projectId: Project id must be digits only, e.g. 51734')
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses unknown fields and wrong types with the field path', async () => {
    const { registry } = setup()
    const extra = await registry.dispatch('nodes:detail', { profileId: 'p1', nodeId: 5, evil: true }, { trusted: true })
    expect(extra).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'evil', message: expect.stringContaining('evil') }
    })
    const wrongType = await registry.dispatch('nodes:detail', { profileId: 'p1', nodeId: '5' }, { trusted: true })
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'nodeId' } })
    const nested = await registry.dispatch(
      'profiles:import',
      { importId: 'x', entries: [{ alias: 'a', name: 'A', projectId: '1', location: 'Mumbai' }] },
      { trusted: true }
    )
    expect(nested).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'entries[0].location' } })
  })

  it('answers an unknown channel with NOT_AVAILABLE', async () => {
    const { registry } = setup()
    await expect(registry.dispatch('fs:read', {}, { trusted: true })).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' }
    })
  })

  it('turns a thrown DomainError into plain data with secrets scrubbed', async () => {
    const { registry } = setup({
      'nodes:refresh': async () => {
        throw new DomainError('AUTH', `rejected https://api.example/nodes/?apikey=${API_KEY} with Bearer ${TOKEN}`, {
          status: 401
        })
      }
    })
    const env = await registry.dispatch('nodes:refresh', {}, { trusted: true })
    expect(env.ok).toBe(false)
    if (env.ok) return
    expect(Object.keys(env.error).sort()).toEqual(['code', 'message', 'status'])
    expect(env.error.code).toBe('AUTH')
    const text = JSON.stringify(env)
    expect(text).not.toContain(API_KEY)
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain('stack')
  })

  it('hides an unexpected error behind INTERNAL and logs it scrubbed', async () => {
    const { registry, lines } = setup({
      'nodes:snapshot': async () => {
        const err = new Error(`boom with token ${TOKEN}`) as Error & { config?: unknown }
        err.config = { headers: { Authorization: `Bearer ${TOKEN}` } }
        throw err
      }
    })
    const env = await registry.dispatch('nodes:snapshot', {}, { trusted: true })
    expect(env).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('Something went wrong') }
    })
    expect(lines.some((l) => l.includes('boom'))).toBe(true)
    expect(lines.join('\n')).not.toContain(TOKEN)
    expect(JSON.stringify(env)).not.toContain('boom')
  })

  it('survives JSON round trips: envelopes are plain data', async () => {
    const { registry } = setup({ 'app:info': appInfo })
    const env = await registry.dispatch('app:info', {}, { trusted: true })
    expect(JSON.parse(JSON.stringify(env))).toEqual(env)
    expect(structuredClone(env)).toEqual(env)
  })
})
