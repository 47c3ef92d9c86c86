// Replies a hostile or broken server can send: redirects (never followed, never a success) and echoes of the key in
// forms a literal match misses (upper-cased, HTML-escaped, cut at the snippet's edge).
import { afterEach, describe, expect, it } from 'vitest'
import { createE2EClient } from './index'
import { json, localServer, rejectionOf, type LocalServer } from '../../../tests/support/api-harness'

const API_KEY = 'k3y-a1b2c3d4-e5f6-7788-9900-aabbccddeeff'
const TOKEN = 'tok.Secret-Value_0123456789'
let srv: LocalServer | undefined
afterEach(async () => {
  await srv?.stop()
  srv = undefined
})
const client = (baseUrl: string) =>
  createE2EClient(
    { baseUrl, apiKey: API_KEY, authToken: TOKEN, projectId: 1, location: 'Delhi' },
    { sleep: async () => undefined, timeoutMs: 2_000, createTimeoutMs: 2_000 }
  )
const createReq = { name: 'web', plan: 'p', image: 'i', count: 1, sshKeys: [], backups: false, ipv6: false }

describe('redirects', () => {
  it.each([301, 302, 307, 308])('a %i on POST nodes/ is not a create: the outcome stays unknown', async (status) => {
    srv = await localServer((r, res) => {
      if (r.method === 'POST') {
        res.writeHead(status, { location: 'https://elsewhere.example/nodes/' })
        res.end()
        return
      }
      json(res, 200, { code: 200, data: [], total_count: 0, total_page_number: 1 })
    })
    const e = await rejectionOf(client(srv.baseUrl).createNode(createReq))
    expect(e).toMatchObject({ data: { code: 'SERVER', status, createOutcome: 'unknown' } })
    expect(srv.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('a redirect on DELETE is not a delete', async () => {
    srv = await localServer((_r, res) => {
      res.writeHead(302, { location: 'https://elsewhere.example/' })
      res.end('<html>moved</html>')
    })
    const e = await rejectionOf(client(srv.baseUrl).deleteNode(7, { reserveIp: false }))
    expect(e).toMatchObject({ data: { code: 'SERVER', status: 302, message: expect.stringContaining('redirect') } })
  })
})

describe('echoed secrets in error text', () => {
  // What a reader of the message would see: numeric HTML entities spelled out.
  const decoded = (text: string) =>
    text.replace(/&#(x[0-9a-f]+|\d+);/gi, (_m, c: string) =>
      String.fromCodePoint(c[0] === 'x' ? parseInt(c.slice(1), 16) : parseInt(c, 10))
    )
  const leaks = (raw: string) => {
    const text = decoded(raw).toLowerCase()
    return [API_KEY, TOKEN, API_KEY.slice(0, 12), TOKEN.slice(0, 12)].some((s) => text.includes(s.toLowerCase()))
  }

  it.each([
    ['upper-cased', `Invalid key ${API_KEY.toUpperCase()} for token ${TOKEN.toUpperCase()}`],
    ['HTML-escaped', `Invalid key ${API_KEY.replace(/-/g, '&#45;')} token ${TOKEN.replace(/\./g, '&#x2e;')}`],
    ['cut at the snippet edge', `${'x'.repeat(190)} key=${API_KEY} token=${TOKEN}`]
  ])('%s: nothing of the key or token reaches the message', async (_label, message) => {
    srv = await localServer((_r, res) => json(res, 500, { code: 500, data: {}, message }))
    const e = await rejectionOf(client(srv.baseUrl).listSshKeys())
    const text = JSON.stringify(e)
    expect(text).toMatch(/E2E/)
    expect(leaks(text)).toBe(false)
  })

  it('an HTML error page cut at the edge keeps no part of the key', async () => {
    srv = await localServer((_r, res) => {
      res.writeHead(502, { 'content-type': 'text/html' })
      res.end(`<html><body>${'y'.repeat(185)} ${API_KEY}</body></html>`)
    })
    const e = await rejectionOf(client(srv.baseUrl).listSshKeys())
    expect(leaks(JSON.stringify(e))).toBe(false)
  })
})
