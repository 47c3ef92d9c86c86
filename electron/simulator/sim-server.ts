// HTTP front: routing, auth, latency, faults and the request log around the route table; /__control/* beside it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { authenticate, bearerOf, resolveScope } from './api-auth'
import { matchRoute, type RouteCtx } from './api-routes'
import { isoMicros } from './clock'
import { runControl, secretMatches } from './control-http'
import { isLoopbackHost } from './host-check'
import type { FaultBook } from './faults'
import { accountHint, redactQuery, type RequestLog } from './request-log'
import { ApiError, badRequest, detailError, htmlPage, type SimResponse } from './responses'
import type { FaultKind, FaultSpec, RequestLogEntry, SimulatorControl } from './types'
import type { Scope, World } from './world'

export const API_PREFIX = '/myaccount/api/v1/'
const CONTROL_PREFIX = '/__control/'
const MAX_BODY_BYTES = 1_000_000

export interface ServerDeps {
  world: World
  faults: FaultBook
  log: RequestLog
  control: SimulatorControl
  controlSecret: string
  onRequest?(entry: RequestLogEntry): void
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** A body past MAX_BODY_BYTES: the caller gets a 413, as from the front proxy of a real API. */
class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY_BYTES) return void chunks.push(c)
      // Stop reading: the reply closes the connection instead of taking in the rest.
      req.pause()
      reject(new BodyTooLarge())
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function tooLarge(res: ServerResponse, control: boolean): void {
  const limit = `${MAX_BODY_BYTES / 1_000_000} MB`
  const reply = control
    ? { status: 413, body: { error: `body over ${limit}` } }
    : htmlPage(413, `The request body is over ${limit}.`)
  send(res, { ...reply, headers: { connection: 'close' } })
}

function send(res: ServerResponse, r: SimResponse): void {
  const text = r.html ? String(r.body) : JSON.stringify(r.body)
  res.writeHead(r.status, {
    'content-type': r.html ? 'text/html; charset=utf-8' : 'application/json',
    ...(r.headers ?? {})
  })
  res.end(text)
}

function faultResponse(f: FaultSpec): SimResponse {
  switch (f.kind) {
    case 'http429': {
      const r = htmlPage(429, 'You have made too many requests. Please slow down.')
      return f.retryAfterSec !== undefined ? { ...r, headers: { 'retry-after': String(f.retryAfterSec) } } : r
    }
    case 'http5xx':
      return f.body === 'html'
        ? htmlPage(f.status)
        : {
            status: f.status,
            body: {
              code: f.status,
              data: {},
              errors: 'Something went wrong on our side',
              message: 'Internal Server Error'
            }
          }
    case 'errorsInside200':
      return { status: 200, body: { errors: true, message: 'Something went wrong. Please try again later.' } }
    case 'statusCodeBody':
      return f.status === 400
        ? { status: 400, body: { status_code: 400, message: 'Invalid request, please check the parameters' } }
        : {
            status: 429,
            body: { status_code: 429, errors: 'Request was throttled. Expected available in 30 seconds.' }
          }
    default:
      return { status: 500, body: { detail: `fault ${f.kind} has no reply` } }
  }
}

export function createSimServer(deps: ServerDeps): { server: Server; hanging: Set<ServerResponse> } {
  const { world, faults, log } = deps
  const hanging = new Set<ServerResponse>()

  function record(
    method: string,
    path: string,
    route: string,
    query: URLSearchParams,
    status: number,
    fault: FaultKind | undefined
  ): void {
    const apiKey = query.get('apikey')
    const account = apiKey && world.accounts.has(apiKey) ? accountHint(apiKey) : undefined
    const entry = log.add({
      at: isoMicros(world.now()),
      method,
      path,
      route,
      query: redactQuery(query),
      status,
      ...(fault ? { fault } : {}),
      ...(account ? { account } : {})
    })
    deps.onRequest?.(entry)
  }

  function runRoute(
    method: string,
    route: string,
    query: URLSearchParams,
    req: IncomingMessage,
    rawBody: string
  ): SimResponse {
    const hit = matchRoute(route)
    if (!hit) return htmlPage(404)
    if (!hit.def.methods.includes(method)) return detailError(405, `Method "${method}" not allowed.`).response
    try {
      const account = authenticate(world, query, req.headers.authorization, method !== 'GET')
      let body: unknown
      if (rawBody.trim()) {
        try {
          body = JSON.parse(rawBody)
        } catch {
          throw badRequest('Request body is not valid JSON')
        }
      }
      let scope: Scope | undefined
      const ctx: RouteCtx = {
        world,
        account,
        query,
        body,
        params: hit.params,
        scope: () => (scope ??= resolveScope(world, account, query))
      }
      return hit.def.handle(ctx, method)
    } catch (err) {
      if (err instanceof ApiError) return err.response
      process.stderr.write(
        `[simulator] ${method} ${route} crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`
      )
      return { status: 500, body: { code: 500, data: {}, errors: 'Internal error', message: 'Internal Server Error' } }
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, rawBody: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const route = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname
    const { delayMs, fault } = faults.take(method, route, world.faultPrng)
    const o = world.options
    const wait = o.latencyMs + (o.jitterMs ? world.faultPrng.int(0, o.jitterMs) : 0) + delayMs
    // Latency is a round trip: half on the way in, half on the way back, so the server's own work on one
    // request overlaps other requests in flight, as it does with a real remote API.
    const inbound = Math.floor(wait / 2)
    if (inbound > 0) await sleep(inbound)
    const outbound = (): Promise<void> => (wait - inbound > 0 ? sleep(wait - inbound) : Promise.resolve())
    const kind = fault?.kind
    if (!url.pathname.startsWith(API_PREFIX)) {
      record(method, url.pathname, route, url.searchParams, 404, undefined)
      await outbound()
      return send(res, htmlPage(404))
    }
    if (kind === 'drop' || kind === 'hang') {
      await outbound()
      record(method, url.pathname, route, url.searchParams, 0, kind)
      if (kind === 'drop') req.socket.destroy()
      else {
        hanging.add(res)
        res.on('close', () => hanging.delete(res))
      }
      return
    }
    let reply: SimResponse
    if (kind === 'tokenExpiry') {
      const account = world.tokens.get(bearerOf(req.headers.authorization) ?? '')
      if (account) account.expired = true
      reply = detailError(o.authFailureStatus, 'Given token not valid for any token type: token has expired.').response
    } else if (fault && !(fault.kind === 'http429' && fault.applyChange)) {
      reply = faultResponse(fault)
    } else {
      reply = runRoute(method, route, url.searchParams, req, rawBody)
      // docs/e2e-api.md#quirks-checklist, item 15: the write applied, yet the caller sees an HTML 429.
      if (fault) reply = faultResponse(fault)
    }
    record(method, url.pathname, route, url.searchParams, reply.status, kind)
    await outbound()
    send(res, reply)
  }

  const server = createServer((req, res) => {
    if (!isLoopbackHost(req.headers.host, req.socket.localPort ?? 0)) {
      // 421 Misdirected Request: this server answers only to its loopback name and port.
      res.writeHead(421, { 'content-type': 'application/json', connection: 'close' })
      return void res.end(
        JSON.stringify({ detail: 'The simulator answers only to 127.0.0.1, localhost or [::1] with its own port.' })
      )
    }
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      let rawBody: string
      try {
        rawBody = await readBody(req)
      } catch (err) {
        if (err instanceof BodyTooLarge) return tooLarge(res, url.pathname.startsWith(CONTROL_PREFIX))
        throw err
      }
      if (url.pathname.startsWith(CONTROL_PREFIX)) {
        const secret = req.headers['x-sim-secret']
        if (!secretMatches(deps.controlSecret, typeof secret === 'string' ? secret : undefined)) {
          return send(res, { status: 403, body: { error: 'bad or missing x-sim-secret' } })
        }
        if (req.method !== 'POST' && req.method !== 'GET')
          return send(res, {
            status: 405,
            body: { error: `method ${req.method ?? ''} not allowed: use POST (or GET)` },
            headers: { allow: 'POST, GET' }
          })
        let body: unknown
        try {
          body = rawBody.trim() ? JSON.parse(rawBody) : {}
        } catch {
          return send(res, { status: 400, body: { error: 'invalid JSON' } })
        }
        const out = runControl(deps.control, url.pathname.slice(CONTROL_PREFIX.length), body)
        return send(res, out)
      }
      await handleApi(req, res, url, rawBody)
    })().catch((err: unknown) => {
      process.stderr.write(`[simulator] request failed: ${err instanceof Error ? err.message : String(err)}\n`)
      if (!res.headersSent) send(res, { status: 500, body: { detail: 'simulator error' } })
    })
  })
  return { server, hanging }
}
