// No API key or token may reach an error (message, data, stack, cause, own properties) or a log line, whatever
// the server sends back, including servers that echo the request URL and headers.
import { inspect } from 'node:util'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FaultInput } from '../../simulator/index'
import type { ApiTarget, E2EClient } from './client.types'
import { createE2EClient } from './index'
import {
  html,
  json,
  localServer,
  rejectionOf,
  simHarness,
  type LocalServer,
  type SimHarness
} from '../../../tests/support/api-harness'

const API_KEY = 'KEYSECRET-7d2e41a0-5c3b-4f19-9e86-0b1c2d3e4f50'
const TOKEN = 'TOKSECRET.ZZtopSecretTokenBody_9x8y7w'
const JWT_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE4OTM0NTYwMDB9.c2lnbmF0dXJlLXNlY3JldC1wYXJ0'

let h: SimHarness
let echo: LocalServer
const logLines: string[] = []

function dump(e: unknown): string {
  const parts: string[] = [String(e), inspect(e, { depth: 8, showHidden: true })]
  try {
    parts.push(JSON.stringify(e))
  } catch {
    parts.push('[unserialisable]')
  }
  if (e && typeof e === 'object') {
    for (const k of Object.getOwnPropertyNames(e)) {
      const v = (e as Record<string, unknown>)[k]
      parts.push(k, typeof v === 'string' ? v : inspect(v, { depth: 8 }))
      try {
        parts.push(JSON.stringify(v) ?? '')
      } catch {
        parts.push('[unserialisable]')
      }
    }
    const err = e as { stack?: unknown; cause?: unknown }
    parts.push(String(err.stack), inspect(err.cause, { depth: 8 }))
  }
  return parts.join('\n')
}

function expectClean(text: string, secrets: string[]): void {
  for (const s of secrets) {
    expect(text).not.toContain(s)
    expect(text).not.toContain(encodeURIComponent(s))
  }
}

beforeAll(async () => {
  h = await simHarness('empty')
  // The server echoes the full request URL (apikey query) and Authorization header back in every body form.
  echo = await localServer((req, res) => {
    const leak = `url=${req.url} auth=${String(req.headers['authorization'])}`
    const p = new URL(req.url, 'http://x').pathname
    if (p.endsWith('/ssh_keys/')) return html(res, 500, `<html><body><pre>${leak}</pre></body></html>`)
    if (p.endsWith('/security_group/')) return json(res, 400, { code: 400, errors: leak, message: 'Bad Request' })
    if (p.endsWith('/vpc/list/')) return json(res, 200, { code: 200, data: leak })
    if (p.endsWith('/reserve_ips/')) return html(res, 200, `<p>${leak}</p>`)
    if (p.endsWith('/iam/multi-crn/')) return json(res, 401, { detail: leak })
    if (p.endsWith('/pbac/project/')) return json(res, 429, { status_code: 429, errors: leak }, { 'retry-after': '60' })
    if (req.method === 'DELETE')
      return json(res, 403, { detail: `You do not have permission to perform this action. ${leak}` })
    if (p.includes('/actions/')) return json(res, 412, { code: 412, errors: { detail: [leak] }, message: leak })
    if (p.endsWith('/nodes/') && req.method === 'POST')
      return json(res, 503, { code: 503, errors: leak, message: leak })
    if (p.endsWith('/nodes/')) return json(res, 200, { errors: true, message: leak })
    return json(res, 404, { detail: `${leak} not found` })
  })
})
afterAll(async () => {
  await h.stop()
  await echo.stop()
})
beforeEach(() => {
  logLines.length = 0
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      logLines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '))
    })
  }
})
afterEach(() => vi.restoreAllMocks())

async function provokeAll(client: E2EClient, inject: (f: FaultInput) => void, nodeId: number): Promise<unknown[]> {
  const errors: unknown[] = []
  const faults: FaultInput[] = [
    { kind: 'http429', html: true },
    { kind: 'http5xx', status: 502, body: 'html' },
    { kind: 'http5xx', status: 500, body: 'json' },
    { kind: 'errorsInside200' },
    { kind: 'statusCodeBody', status: 400 },
    { kind: 'statusCodeBody', status: 429 },
    { kind: 'drop' },
    { kind: 'hang' }
  ]
  for (const f of faults) {
    inject({ ...f, method: 'GET', route: 'nodes/' } as FaultInput)
    errors.push(await rejectionOf(client.listNodes()))
    inject({ ...f, method: 'POST', route: 'nodes/', times: 1 } as FaultInput)
    errors.push(
      await rejectionOf(
        client.createNode({ name: 'x', plan: 'p', image: 'i', count: 1, sshKeys: [], backups: false, ipv6: false })
      )
    )
    h.sim.control.clearFaults()
  }
  errors.push(await rejectionOf(client.upgradeNode(nodeId, 'C3.8GB', 'img'))) // 412
  errors.push(await rejectionOf(client.getNode(999_999))) // 404
  const ac = new AbortController()
  ac.abort()
  errors.push(await rejectionOf(client.listSshKeys({ signal: ac.signal }))) // CANCELLED
  inject({ kind: 'tokenExpiry', method: 'GET', route: 'ssh_keys/', times: 1 })
  errors.push(await rejectionOf(client.listSshKeys())) // AUTH expired
  errors.push(await rejectionOf(client.listSshKeys())) // AUTH (stays expired)
  return errors
}

describe('redaction', () => {
  it.each([
    ['plain token', TOKEN],
    ['JWT token', JWT_TOKEN]
  ])('simulator faults leak nothing (%s)', async (_label, token) => {
    const acct = h.sim.control.addAccount({ apiKey: `${API_KEY}-${token.length}`, authToken: token })
    const target: ApiTarget = {
      baseUrl: h.sim.baseUrl,
      apiKey: acct.apiKey,
      authToken: acct.authToken,
      projectId: acct.projects[0]?.projectId,
      location: 'Delhi'
    }
    const [nodeId] = h.sim.control.addNodes({
      apiKey: acct.apiKey,
      projectId: target.projectId ?? 0,
      location: 'Delhi',
      count: 1
    })
    const seen: unknown[] = []
    const client = createE2EClient(target, {
      timeoutMs: 100,
      createTimeoutMs: 100,
      sleep: async () => {},
      onRequest: (i) => seen.push(i)
    })
    const errors = await provokeAll(client, (f) => h.sim.control.injectFault(f), nodeId ?? 0)
    errors.push(await rejectionOf(createE2EClient({ ...target, authToken: `${token}x` }).listNodes())) // 401
    const codes = new Set(errors.map((e) => (e as { code?: string }).code))
    expect([...codes].sort()).toEqual([
      'AUTH',
      'CANCELLED',
      'NETWORK',
      'NOT_FOUND',
      'PRECONDITION',
      'RATE_LIMITED',
      'SERVER',
      'TIMEOUT',
      'VALIDATION'
    ])
    for (const e of errors) expectClean(dump(e), [acct.apiKey, acct.authToken])
    expectClean(inspect(seen, { depth: 5 }), [acct.apiKey, acct.authToken])
    expectClean(logLines.join('\n'), [acct.apiKey, acct.authToken])
  })

  it('servers that echo the URL and Authorization header back leak nothing', async () => {
    for (const token of [TOKEN, JWT_TOKEN]) {
      const client = createE2EClient(
        { baseUrl: echo.baseUrl, apiKey: API_KEY, authToken: token, projectId: 1, location: 'Delhi' },
        { sleep: async () => {} }
      )
      const errors = [
        await rejectionOf(client.listSshKeys()),
        await rejectionOf(client.listSecurityGroups()),
        await rejectionOf(client.listVpcs()),
        await rejectionOf(client.listReservedIps()),
        await rejectionOf(client.checkCredentials()),
        await rejectionOf(client.listProjects()),
        await rejectionOf(client.nodeAction(3, 'reboot')),
        await rejectionOf(client.listNodes()),
        await rejectionOf(client.getNode(3)),
        await rejectionOf(client.deleteNode(3, { reserveIp: true })),
        await rejectionOf(
          client.createNode({ name: 'x', plan: 'p', image: 'i', count: 1, sshKeys: [], backups: false, ipv6: false })
        )
      ]
      expect(new Set(errors.map((e) => (e as { code?: string }).code))).toEqual(
        new Set([
          'SERVER',
          'FORBIDDEN',
          'VALIDATION',
          'INVALID_REPLY',
          'AUTH',
          'RATE_LIMITED',
          'PRECONDITION',
          'NOT_FOUND'
        ])
      )
      // The echo really was there: the scrubbed text still shows where it was cut.
      expect(errors.map((e) => (e as Error).message).join('\n')).toContain('[redacted')
      for (const e of errors) expectClean(dump(e), [API_KEY, token])
    }
    expectClean(logLines.join('\n'), [API_KEY, TOKEN, JWT_TOKEN])
  })
})
