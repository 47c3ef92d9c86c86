// The transport under http.ts (node:http, no axios): compressed replies are read, a cut reply is a network failure,
// an oversized body is never sent, and sockets are kept alive between requests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttp, MAX_REQUEST_BYTES } from './http'

const KEY = 'cafe0000-1111-2222-3333-444455556666'
const TOKEN = 'tok-' + 'x'.repeat(60)

let server: Server | null = null
let connections = 0
const seen: { method: string; url: string; bytes: number }[] = []
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((r) => (server ? server.close(r) : r(null)))
  server = null
  connections = 0
  seen.length = 0
})

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => {
    let bytes = 0
    req.on('data', (c: Buffer) => (bytes += c.length))
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', bytes })
      handler(req, res)
    })
  })
  server.on('connection', () => connections++)
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`
}

const client = (base: string) =>
  createHttp({ baseUrl: base, apiKey: KEY, authToken: TOKEN }, { sleep: async () => undefined, timeoutMs: 5_000 })

async function failureOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p
  } catch (e) {
    return (e as { data: { code: string; message: string } }).data
  }
  throw new Error('the request did not fail')
}

const reply = { code: 200, data: [{ id: 7, name: 'ünïcode-7' }], message: 'Success' }

describe('transport', () => {
  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync]
  ] as const)('reads a %s reply', async (encoding, compress) => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding })
      res.end(compress(Buffer.from(JSON.stringify(reply))))
    })
    expect(await client(base).send({ method: 'GET', path: 'nodes/', scope: 'acct' })).toEqual(reply)
  })

  it('a 204 that claims gzip but has no body is an empty success', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(204, { 'content-encoding': 'gzip' })
      res.end()
    })
    expect(await client(base).send({ method: 'DELETE', path: 'nodes/7/', scope: 'acct' })).toBeNull()
  })

  it('a reply cut off mid-body is a NETWORK failure, retried like any GET', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      res.write('{"code":200,"data":[')
      setTimeout(() => res.socket?.destroy(), 5)
    })
    expect(await failureOf(client(base).send({ method: 'GET', path: 'nodes/', scope: 'acct' }))).toMatchObject({
      code: 'NETWORK'
    })
    expect(seen.filter((s) => s.method === 'GET')).toHaveLength(3)
  })

  it('a body over the 1 MiB cap is never sent', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{}')
    })
    const big = { startScript: 'x'.repeat(MAX_REQUEST_BYTES) }
    const err = await failureOf(client(base).send({ method: 'POST', path: 'nodes/', scope: 'acct', body: big }))
    expect(err.code).toBe('NETWORK')
    expect(seen).toHaveLength(0)
  })

  it('sends the body with its length and JSON content type', async () => {
    let headers: IncomingMessage['headers'] = {}
    const base = await serve((req, res) => {
      headers = req.headers
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"code":200,"data":{}}')
    })
    await client(base).send({ method: 'PUT', path: 'nodes/7/actions/', scope: 'acct', body: { type: 'reboot' } })
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'content-length': String(JSON.stringify({ type: 'reboot' }).length),
      authorization: `Bearer ${TOKEN}`
    })
    expect(seen[0]).toMatchObject({ method: 'PUT', bytes: JSON.stringify({ type: 'reboot' }).length })
  })

  it('keeps sockets alive: twenty requests, ten at a time, open ten connections', async () => {
    const base = await serve((_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify(reply))
      }, 10)
    })
    const http = client(base)
    for (let round = 0; round < 2; round++)
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => http.send({ method: 'GET', path: `nodes/${i + 1}/`, scope: 'acct' }))
      )
    expect(seen).toHaveLength(20)
    expect(connections).toBe(10)
  })
})
