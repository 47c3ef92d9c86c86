// A loopback proxy in front of the simulator for `POST nodes/` faults the simulator has no switch for: E2E applies
// the create and then the caller sees a 503, a 429 or a reset connection; or the POST reaches E2E only when the test
// says (after the client gave up), or never. Every other request passes through unchanged.
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type PostPlan =
  /** Applied, then this answer instead of E2E's. */
  | { kind: 'applied-then'; reply: 503 | 429 | 'reset' }
  /** Reaches E2E only when `release` resolves (the client has usually given up by then); then answered normally. */
  | { kind: 'late'; release: Promise<void> }
  /** Never reaches E2E; the connection stays open until the client gives up. */
  | { kind: 'swallowed' }

export interface CreateFaultProxy {
  /** Point the client here instead of the simulator (same path prefix). */
  baseUrl: string
  /** The next `POST nodes/` gets this plan. */
  planNextPost(plan: PostPlan): void
  clearPlans(): void
  /** Requests being forwarded to the simulator now (held ones count once released). */
  readonly busy: number
  stop(): Promise<void>
}

const html = (status: number): string => `<html><body><h1>${status}</h1></body></html>`

export async function createFaultProxy(simBaseUrl: string): Promise<CreateFaultProxy> {
  const sim = new URL(simBaseUrl)
  const plans: PostPlan[] = []
  let busy = 0

  const agent = new Agent({ keepAlive: true })
  function forward(
    req: IncomingMessage,
    body: Buffer,
    signal: AbortSignal | undefined
  ): Promise<{ status: number; type: string; text: string }> {
    return new Promise((resolve, reject) => {
      const up = request(
        {
          host: sim.hostname,
          port: sim.port,
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: { ...req.headers, host: sim.host },
          agent,
          ...(signal ? { signal } : {})
        },
        (reply) => {
          const chunks: Buffer[] = []
          reply.on('data', (c: Buffer) => chunks.push(c))
          reply.on('error', reject)
          reply.on('end', () =>
            resolve({
              status: reply.statusCode ?? 502,
              type: reply.headers['content-type'] ?? 'application/json',
              text: Buffer.concat(chunks).toString('utf8')
            })
          )
        }
      )
      up.on('error', reject)
      up.end(body)
    })
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer, gone: AbortSignal): Promise<void> {
    const isCreate = req.method === 'POST' && new URL(req.url ?? '/', sim.origin).pathname.endsWith('/nodes/')
    const plan = isCreate ? plans.shift() : undefined
    if (plan?.kind === 'swallowed') return // the client times out and closes the socket
    if (plan?.kind === 'late') await plan.release
    // A planned POST reaches E2E whatever the client does; any other request ends when its client gives up.
    busy++
    let reply
    try {
      reply = await forward(req, body, plan ? undefined : gone)
    } finally {
      busy--
    }
    if (plan?.kind === 'applied-then') {
      if (plan.reply === 'reset') return void req.socket.destroy()
      res.writeHead(plan.reply, { 'content-type': 'text/html' })
      return void res.end(html(plan.reply))
    }
    if (res.destroyed) return
    res.writeHead(reply.status, { 'content-type': reply.type })
    res.end(reply.text)
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    const gone = new AbortController()
    res.on('close', () => gone.abort())
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks), gone.signal).catch(() => {
        if (!res.headersSent && !res.destroyed) res.writeHead(502).end()
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}${sim.pathname}`,
    planNextPost: (plan) => void plans.push(plan),
    clearPlans: () => void plans.splice(0),
    get busy() {
      return busy
    },
    async stop() {
      agent.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
