import { describe, expect, it } from 'vitest'
import type { IncomingMessage } from 'node:http'
import { createPreviewSenderCheck, guardRequest, senderOf, type GuardExpect, type PreviewSender } from './request-guard'

const SECRET = 'a'.repeat(48)
const ORIGIN = 'http://127.0.0.1:4321'
const expected: GuardExpect = { origin: ORIGIN, secret: SECRET, testHooks: true }

const req = (over: Partial<PreviewSender & { method: string }> = {}) => ({
  host: '127.0.0.1:4321',
  origin: undefined,
  secret: SECRET,
  path: '/ipc/app:info',
  method: 'POST',
  ...over
})

describe('preview request guard', () => {
  it('lets the page call IPC, stream events and use test hooks with the secret header', () => {
    expect(guardRequest(req(), expected)).toEqual({ ok: true, route: 'ipc' })
    expect(guardRequest(req({ origin: ORIGIN }), expected)).toEqual({ ok: true, route: 'ipc' })
    expect(guardRequest(req({ path: '/events', method: 'GET' }), expected)).toEqual({ ok: true, route: 'events' })
    expect(guardRequest(req({ path: '/__test/sim/now' }), expected)).toEqual({ ok: true, route: 'test-hook' })
  })

  it('serves the built page without the secret (a navigation cannot send a header), with our Host only', () => {
    const page = req({ path: '/', method: 'GET', secret: undefined })
    expect(guardRequest(page, expected)).toEqual({ ok: true, route: 'static' })
    expect(guardRequest({ ...page, path: '/preview-bridge.js' }, expected)).toEqual({ ok: true, route: 'static' })
    expect(guardRequest({ ...page, host: 'attacker.example:4321' }, expected)).toMatchObject({ ok: false, status: 403 })
  })

  it.each([
    ['no secret', req({ secret: undefined })],
    ['a wrong secret', req({ secret: 'b'.repeat(48) })],
    ['a secret one character short', req({ secret: SECRET.slice(1) })],
    ['a DNS-rebinding Host', req({ host: 'rebind.attacker.example:4321' })],
    ['localhost instead of 127.0.0.1', req({ host: 'localhost:4321' })],
    ['another port', req({ host: '127.0.0.1:4322' })],
    ['no Host', req({ host: undefined })],
    ['a foreign Origin', req({ origin: 'http://evil.example' })],
    ['another port as Origin', req({ origin: 'http://127.0.0.1:9999' })],
    ['the "null" Origin of a sandboxed frame', req({ origin: 'null' })]
  ])('refuses IPC with %s (403)', (_why, r) => {
    expect(guardRequest(r, expected)).toMatchObject({ ok: false, status: 403 })
    expect(guardRequest({ ...r, path: '/events', method: 'GET' }, expected)).toMatchObject({ ok: false, status: 403 })
    expect(guardRequest({ ...r, path: '/__test/sim/now' }, expected)).toMatchObject({ ok: false, status: 403 })
  })

  it('refuses the secret when it comes only in a cookie (cookies reach every port of 127.0.0.1)', () => {
    const incoming = {
      method: 'POST',
      url: '/ipc/app:info',
      headers: { host: '127.0.0.1:4321', cookie: `nodetray_preview=${SECRET}; x-nodetray-secret=${SECRET}` }
    } as unknown as IncomingMessage
    const sender = senderOf(incoming)
    expect(sender.secret).toBeUndefined()
    expect(guardRequest({ ...sender, method: 'POST' }, expected)).toMatchObject({ ok: false, status: 403 })
    expect(createPreviewSenderCheck({ origin: () => ORIGIN, secret: SECRET })(sender)).toBe(false)
  })

  it('judges the path the router will use: dot segments cannot dodge the secret', () => {
    for (const url of ['/assets/../ipc/app:info', '/./ipc/_batch?x=1', '/x/%2e%2e/ipc/app:info', '/a/b/../../events']) {
      const sender = senderOf({
        method: 'POST',
        url,
        headers: { host: '127.0.0.1:4321' }
      } as unknown as IncomingMessage)
      expect(sender.path, url).toMatch(/^\/(ipc\/|events$)/)
      expect(guardRequest({ ...sender, method: 'POST' }, expected), url).toMatchObject({ ok: false, status: 403 })
    }
  })

  it('test hooks and IPC answer POST only; events GET only; the page GET only', () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS', undefined]) {
      expect(guardRequest(req({ path: '/__test/sim/addNodes', method }), expected), String(method)).toMatchObject({
        ok: false,
        status: 405
      })
      expect(guardRequest(req({ path: '/ipc/app:info', method }), expected)).toMatchObject({ ok: false, status: 405 })
    }
    expect(guardRequest(req({ path: '/events', method: 'POST' }), expected)).toMatchObject({ ok: false, status: 405 })
    expect(guardRequest(req({ path: '/', method: 'POST', secret: undefined }), expected)).toMatchObject({
      ok: false,
      status: 405
    })
  })

  // Outside tester: without --test-hooks, POST /__test/recorded answered "405 method not allowed: use GET".
  it('without --test-hooks, /__test/* is a missing page (404) for every method, with or without the secret', () => {
    const off = { ...expected, testHooks: false }
    for (const path of ['/__test/sim/now', '/__test/recorded', '/__test/sim/stop', '/__test/', '/__test'])
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', undefined])
        for (const secret of [undefined, SECRET])
          expect(guardRequest(req({ path, method, secret }), off), `${String(method)} ${path}`).toEqual({
            ok: false,
            status: 404,
            message: 'not found'
          })
    // A foreign Host is still refused first, and the rest of the page is unchanged.
    expect(guardRequest(req({ path: '/__test/recorded', host: 'evil.example:4321' }), off)).toMatchObject({
      status: 403
    })
    expect(guardRequest(req({ path: '/__testing', method: 'GET', secret: undefined }), off)).toEqual({
      ok: true,
      route: 'static'
    })
  })

  it("the registry's sender check wants the same Host, Origin and secret", () => {
    const trusted = createPreviewSenderCheck({ origin: () => ORIGIN, secret: SECRET })
    expect(trusted(req())).toBe(true)
    expect(trusted(req({ secret: undefined }))).toBe(false)
    expect(trusted(req({ host: 'evil.example:4321' }))).toBe(false)
    expect(trusted(req({ origin: 'http://evil.example' }))).toBe(false)
  })
})
