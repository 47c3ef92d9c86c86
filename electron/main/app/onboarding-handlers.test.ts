// The onboarding channels through the real registry: app:info tells "demo available" from "demo shown", and
// profiles:check-import is validated before its handler runs.
import { describe, expect, it, vi } from 'vitest'
import { invokeSchemas, type InvokeChannel } from '../../../shared/ipc/contract'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings'
import { createLogger, SecretScrubber } from '../redact'
import { createRegistry, type HandlerMap } from '../ipc/registry'
import { createHandlers } from './handlers'
import type { MainServices } from './create-main'

type Sender = { trusted: boolean }
const OURS = { trusted: true }

function rig(opts: { demo: boolean; settings: Partial<Settings>; startsOnDemo?: boolean }) {
  const checkImport = vi.fn(async ({ alias }: { alias: string }) => ({
    alias,
    checks: [],
    projects: [],
    blockedBy: null
  }))
  const services = {
    env: {
      version: '1.0.0',
      platform: 'linux',
      preview: true,
      demo: opts.demo ? {} : null,
      startsOnDemo: opts.startsOnDemo
    },
    settings: { get: () => ({ ...DEFAULT_SETTINGS, ...opts.settings }) },
    profiles: { notices: [], checkImport }
  } as unknown as MainServices
  const all = createHandlers(services)
  const handlers = Object.fromEntries(
    (Object.keys(invokeSchemas) as InvokeChannel[]).map((c) => [c, all[c]])
  ) as unknown as HandlerMap
  const scrubber = new SecretScrubber()
  const registry = createRegistry<Sender>(handlers, {
    isTrustedSender: (s) => s.trusted,
    describeSender: () => 'test',
    scrubber,
    log: createLogger(scrubber, () => undefined)
  })
  return { registry, checkImport }
}

describe('app:info and the demo', () => {
  it('a fresh install: the demo is available but not shown', async () => {
    const { registry } = rig({ demo: true, settings: {} })
    expect(await registry.dispatch('app:info', {}, OURS)).toMatchObject({
      ok: true,
      value: { demoMode: false, demoAvailable: true }
    })
  })
  it('picked: shown; no demo backend: neither', async () => {
    expect(
      await rig({ demo: true, settings: { showDemo: true } }).registry.dispatch('app:info', {}, OURS)
    ).toMatchObject({ value: { demoMode: true, demoAvailable: true } })
    expect(
      await rig({ demo: false, settings: { showDemo: true } }).registry.dispatch('app:info', {}, OURS)
    ).toMatchObject({ value: { demoMode: false, demoAvailable: false } })
  })
})

describe('app:info: opening on the demo', () => {
  it('only when started so (npm start from a checkout, --demo on) and a demo backend exists', async () => {
    const info = async (o: { demo: boolean; startsOnDemo?: boolean }) =>
      (await rig({ ...o, settings: { showDemo: true } }).registry.dispatch('app:info', {}, OURS)) as {
        value: { startsOnDemo: boolean }
      }
    expect((await info({ demo: true, startsOnDemo: true })).value.startsOnDemo).toBe(true)
    expect((await info({ demo: true })).value.startsOnDemo).toBe(false)
    expect((await info({ demo: false, startsOnDemo: true })).value.startsOnDemo).toBe(false)
  })
})

describe('profiles:check-import', () => {
  it('passes a valid input to the profiles service', async () => {
    const { registry, checkImport } = rig({ demo: false, settings: {} })
    expect(await registry.dispatch('profiles:check-import', { importId: 'imp-1', alias: 'work' }, OURS)).toEqual({
      ok: true,
      value: { alias: 'work', checks: [], projects: [], blockedBy: null }
    })
    expect(checkImport).toHaveBeenCalledWith({ importId: 'imp-1', alias: 'work' })
  })

  it.each([
    [{ importId: 'imp-1' }, 'alias'],
    [{ importId: '', alias: 'work' }, 'importId'],
    [{ importId: 'imp-1', alias: 'x'.repeat(101) }, 'alias'],
    [{ importId: 'imp-1', alias: 'work', apiKey: 'sneaky' }, undefined]
  ])('refuses %j before the handler runs', async (input, field) => {
    const { registry, checkImport } = rig({ demo: false, settings: {} })
    const env = await registry.dispatch('profiles:check-import', input, OURS)
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', ...(field ? { field } : {}) } })
    expect(checkImport).not.toHaveBeenCalled()
  })

  it('refuses a foreign sender', async () => {
    const { registry, checkImport } = rig({ demo: false, settings: {} })
    const env = await registry.dispatch(
      'profiles:check-import',
      { importId: 'imp-1', alias: 'work' },
      { trusted: false }
    )
    expect(env).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    expect(checkImport).not.toHaveBeenCalled()
  })
})
