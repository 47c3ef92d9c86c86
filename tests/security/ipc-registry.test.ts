// What the registry tells a caller it refuses, and what it writes down: the messages a person or a log reader sees,
// and the edges of naming an unknown field (only keys that read as names are echoed back).
import { describe, expect, it } from 'vitest'
import { INVOKE_CHANNELS, type InvokeChannel } from '../../shared/ipc/contract'
import type { Envelope } from '../../shared/ipc/envelope'
import { DomainError } from '../../electron/main/errors'
import { createRegistry, type CallContext, type HandlerMap } from '../../electron/main/ipc/registry'
import { createSenderCheck, describeIpcSender, isSameDocument } from '../../electron/main/ipc/sender'
import { createLogger, SecretScrubber } from '../../electron/main/redact'

type Sender = { trusted: boolean; name: string }
const OURS: Sender = { trusted: true, name: 'window-1' }
const SECRET = 'registered-secret-0123456789'

function setup(handler: (channel: InvokeChannel, input: unknown, ctx: CallContext) => Promise<unknown>) {
  const scrubber = new SecretScrubber()
  scrubber.add(SECRET)
  const lines: string[] = []
  const handlers = Object.fromEntries(
    INVOKE_CHANNELS.map((c) => [c, (input: unknown, ctx: CallContext) => handler(c, input, ctx)])
  ) as unknown as HandlerMap
  const registry = createRegistry<Sender>(handlers, {
    isTrustedSender: (s) => s.trusted,
    describeSender: (s) => `sender ${s.name}`,
    scrubber,
    log: createLogger(scrubber, (l) => lines.push(l))
  })
  return { registry, lines }
}

const idle = () => setup(async () => null)

function errorOf(env: Envelope<unknown>) {
  if (env.ok) throw new Error(`expected an error, got ${JSON.stringify(env)}`)
  return env.error
}

describe('refusals a caller sees', () => {
  it('an untrusted sender is told it may not call, and the log names the channel and the sender', async () => {
    const { registry, lines } = idle()
    const err = errorOf(await registry.dispatch('nodes:refresh', {}, { trusted: false, name: 'frame-9' }))
    expect(err).toEqual({ code: 'UNTRUSTED_SENDER', message: 'This window is not allowed to call Nodetray.' })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('ipc: refused call from untrusted sender')
    expect(lines[0]).toContain('"channel":"nodes:refresh"')
    expect(lines[0]).toContain('"sender":"sender frame-9"')
  })

  it('an unknown channel is named, cut to 60 characters', async () => {
    const { registry } = idle()
    expect(errorOf(await registry.dispatch('fs:read', {}, OURS))).toEqual({
      code: 'NOT_AVAILABLE',
      message: 'Unknown channel "fs:read"'
    })
    const long = `x:${'y'.repeat(100)}`
    expect(errorOf(await registry.dispatch(long, {}, OURS)).message).toBe(`Unknown channel "${long.slice(0, 60)}"`)
  })

  it('the handler learns who called', async () => {
    const seen: CallContext[] = []
    const { registry } = setup(async (_c, _i, ctx) => {
      seen.push(ctx)
      return null
    })
    await registry.dispatch('app:info', {}, OURS)
    expect(seen).toEqual([{ sender: 'sender window-1' }])
  })
})

describe('validation errors', () => {
  it('lists the unknown fields, at most five, in the message', async () => {
    const { registry } = idle()
    const input = { profileId: 'p1', nodeId: 5, a1: 1, a2: 2, a3: 3, a4: 4, a5: 5, a6: 6 }
    const err = errorOf(await registry.dispatch('nodes:detail', input, OURS))
    expect(err.field).toBe('a1')
    expect(err.message).toBe('a1: Unknown field(s): a1, a2, a3, a4, a5')
  })

  it('names an unknown key only when it reads as a name (it is echoed back to the page)', async () => {
    const { registry } = idle()
    const field = async (key: string) =>
      errorOf(await registry.dispatch('nodes:detail', { profileId: 'p1', nodeId: 5, [key]: true }, OURS)).field
    expect(await field('extra_Field-2')).toBe('extra_Field-2')
    expect(await field(`k${'x'.repeat(63)}`)).toBe(`k${'x'.repeat(63)}`)
    for (const odd of ['1abc', 'a b', 'ab<script>', `k${'x'.repeat(64)}`, '-lead'])
      expect(await field(odd), odd).toBe('input')
  })

  it('a value that fits none of the accepted shapes says so', async () => {
    const { registry } = idle()
    const err = errorOf(await registry.dispatch('profiles:check-credentials', { apiKey: 5 }, OURS))
    expect(err).toMatchObject({
      code: 'VALIDATION',
      field: 'input',
      message: 'input: Does not match any accepted shape'
    })
  })

  it('an input that is not an object is reported against "input"', async () => {
    const { registry } = idle()
    for (const bad of ['text', 42, [1, 2], true]) {
      const err = errorOf(await registry.dispatch('nodes:detail', bad, OURS))
      expect(err.field, JSON.stringify(bad)).toBe('input')
      expect(err.message.startsWith('input: ')).toBe(true)
    }
  })

  it('reports every problem up to ten, so a form can mark each field', async () => {
    const { registry } = idle()
    const bad = { alias: '', name: '', projectId: 'x', location: 'Mumbai' } // four problems each
    const issuesOf = async (entries: number) =>
      (
        errorOf(
          await registry.dispatch('profiles:import', { importId: 'i', entries: Array(entries).fill(bad) }, OURS)
        ) as {
          issues?: unknown[]
        }
      ).issues
    expect(await issuesOf(2)).toHaveLength(8)
    expect(await issuesOf(3)).toHaveLength(10)
  })
})

describe('errors thrown by a handler', () => {
  it('a domain error keeps its hint, scrubbed', async () => {
    const { registry } = setup(async () => {
      throw new DomainError('AUTH', `rejected ${SECRET}`, { hint: `check the key ending ${SECRET}` })
    })
    const err = errorOf(await registry.dispatch('nodes:refresh', {}, OURS))
    expect(err).toMatchObject({ code: 'AUTH', message: 'rejected [redacted]', hint: 'check the key ending [redacted]' })
  })

  it('an unexpected error is logged as a handler failure with its channel', async () => {
    const { registry, lines } = setup(async () => {
      throw new Error('disk on fire')
    })
    errorOf(await registry.dispatch('nodes:snapshot', {}, OURS))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/ ERROR ipc: handler failed \{"channel":"nodes:snapshot","error":"disk on fire"\}$/)
  })
})

describe('sender check edges', () => {
  const page = 'app://nodetray/index.html'
  it('refuses another scheme showing the same host and path (custom schemes all have a "null" origin)', () => {
    expect(isSameDocument(page, page)).toBe(true)
    expect(isSameDocument('evil://nodetray/index.html', page)).toBe(false)
    expect(isSameDocument('https://nodetray/index.html', page)).toBe(false)
  })

  it('describes a sender by its webContents id and page, cut to 120 characters, or as frameless', () => {
    const url = `${page}#/${'n'.repeat(200)}`
    expect(describeIpcSender({ sender: { id: 3 }, senderFrame: { url, parent: null } })).toBe(
      `webContents#3 ${url.slice(0, 120)}`
    )
    expect(describeIpcSender({ sender: { id: 4 }, senderFrame: null })).toBe('webContents#4 no-frame')
    expect(describeIpcSender({ sender: { id: 5 }, senderFrame: undefined })).toBe('webContents#5 no-frame')
  })

  it('trusts exactly our window', () => {
    const check = createSenderCheck(new Set([7]), { url: page })
    expect(check({ sender: { id: 7 }, senderFrame: { url: page, parent: null } })).toBe(true)
    expect(check({ sender: { id: 7 }, senderFrame: { url: 'app://nodetray/index.htm', parent: null } })).toBe(false)
  })
})
