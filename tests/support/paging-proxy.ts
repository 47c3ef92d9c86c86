// A loopback proxy in front of the simulator that can hold `GET nodes/` page requests and let them through one by
// one, so a test can change the list between page fetches and decide which page sees which version of it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface PagingProxy {
  /** Point the client here instead of the simulator. */
  baseUrl: string
  /** page_no of every list request that arrived, in arrival order. */
  arrived: number[]
  /** While true, page requests wait for release(). */
  hold: boolean
  /** Page numbers waiting now. */
  held(): number[]
  /** Forwards the waiting requests for these pages (all waiting ones when omitted) and waits for their replies. */
  release(pages?: number[]): Promise<void>
  /** Resolves once `n` page requests are waiting (fails after 5 s). */
  untilHeld(n: number): Promise<void>
  stop(): Promise<void>
}

interface Parked {
  page: number
  forward: () => Promise<void>
}

export async function pagingProxy(simBaseUrl: string): Promise<PagingProxy> {
  const origin = new URL(simBaseUrl).origin
  const parked: Parked[] = []

  const forward = async (req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> => {
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host') headers[k] = v
    const reply = await fetch(`${origin}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(body.length ? { body } : {})
    })
    const text = await reply.text()
    res.writeHead(reply.status, { 'content-type': reply.headers.get('content-type') ?? 'application/json' })
    res.end(text)
  }

  const proxy: PagingProxy = {
    baseUrl: '',
    arrived: [],
    hold: false,
    held: () => parked.map((p) => p.page),
    async release(pages) {
      const go = parked.filter((p) => !pages || pages.includes(p.page))
      for (const p of go) parked.splice(parked.indexOf(p), 1)
      await Promise.all(go.map((p) => p.forward()))
    },
    async untilHeld(n) {
      const until = Date.now() + 5_000
      while (parked.length < n) {
        if (Date.now() > until) throw new Error(`only ${parked.length} of ${n} page requests arrived`)
        await new Promise((r) => setTimeout(r, 5))
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://proxy')
      const page = Number(url.searchParams.get('page_no'))
      const body = Buffer.concat(chunks)
      const send = (): Promise<void> =>
        forward(req, body, res).catch(() => {
          res.writeHead(502).end()
        })
      if (req.method === 'GET' && url.pathname.endsWith('/nodes/') && page > 0) {
        proxy.arrived.push(page)
        if (proxy.hold) {
          parked.push({ page, forward: send })
          return
        }
      }
      void send()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  proxy.baseUrl = `http://127.0.0.1:${port}${new URL(simBaseUrl).pathname}`
  return proxy
}
