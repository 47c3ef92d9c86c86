// A reply larger than the cap stops being read at the cap: main never buffers a hostile 700 MB body.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttp, MAX_REPLY_BYTES } from './http'

const KEY = 'cafe0000-1111-2222-3333-444455556666'
const TOKEN = 'tok-' + 'x'.repeat(60)
const MiB = 1024 * 1024

let server: Server | null = null
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((r) => (server ? server.close(r) : r(null)))
  server = null
})

/** A server whose nodes/ reply is `totalBytes` of JSON-ish text; `served` counts what the socket accepted. */
async function hugeReplyServer(totalBytes: number, withLength: boolean): Promise<{ base: string; served(): number }> {
  let served = 0
  server = createServer((req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(withLength ? { 'content-length': String(totalBytes) } : {})
    })
    const chunk = Buffer.alloc(MiB, 0x20)
    const pump = (): void => {
      while (served < totalBytes) {
        served += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    res.on('error', () => undefined)
    pump()
  })
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, served: () => served }
}

async function failureOf(p: Promise<unknown>): Promise<{ code: string; message: string; retryable?: boolean }> {
  try {
    await p
  } catch (e) {
    return (e as { data: { code: string; message: string; retryable?: boolean } }).data
  }
  throw new Error('the request did not fail')
}

describe('API reply size cap', () => {
  it.each([
    ['without Content-Length (streamed)', false],
    ['with an honest Content-Length', true]
  ])('a 128 MiB reply %s fails at the cap, quickly, with a specific error', async (_how, withLength) => {
    const { base, served } = await hugeReplyServer(128 * MiB, withLength)
    const http = createHttp({ baseUrl: base, apiKey: KEY, authToken: TOKEN }, { timeoutMs: 30_000 })
    const started = performance.now()
    const err = await failureOf(http.send({ method: 'GET', path: 'nodes/', scope: 'acct' }))
    const ms = performance.now() - started
    expect(err).toMatchObject({
      code: 'INVALID_REPLY',
      message: `E2E sent a reply larger than 32 MB on GET nodes/; Nodetray stopped reading it. Try again later; if it keeps happening, the API base URL may not be E2E's.`,
      retryable: false
    })
    expect(err.message).not.toContain(KEY)
    // Reading stopped at the cap (plus what sat in socket buffers), not at the end of the body; one try, no retries.
    expect(served()).toBeLessThan(MAX_REPLY_BYTES + 16 * MiB)
    expect(ms).toBeLessThan(5_000)
  })

  it('counts bytes after decompression: a gzip bomb under 1 MB that inflates to 64 MiB stops at the cap', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * MiB, 0x20))
    expect(bomb.length).toBeLessThan(MiB)
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      res.end(bomb)
    })
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`
    const http = createHttp({ baseUrl: base, apiKey: KEY, authToken: TOKEN })
    const err = await failureOf(http.send({ method: 'GET', path: 'nodes/', scope: 'acct' }))
    expect(err).toMatchObject({ code: 'INVALID_REPLY', message: expect.stringMatching(/larger than 32 MB/) })
  })

  it('a large reply under the cap is read normally', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: i, name: `node-${i}`, pad: 'x'.repeat(300) }))
    const body = JSON.stringify({ code: 200, data: rows, errors: {}, message: 'Success' })
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(body)
    })
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`
    const http = createHttp({ baseUrl: base, apiKey: KEY, authToken: TOKEN })
    const reply = (await http.send({ method: 'GET', path: 'nodes/', scope: 'acct' })) as { data: unknown[] }
    expect(reply.data).toHaveLength(10_000)
  })
})
