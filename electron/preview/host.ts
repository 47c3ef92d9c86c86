// The browser preview host: plain Node standing in for Electron's main process. It composes the same
// services and handler registry (createMain), serves the built renderer plus a bridge, and binds 127.0.0.1
// only. It is for tests, benchmarks and machines without Electron, and is never packaged.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { homedir } from 'node:os'
import type { AddressInfo } from 'node:net'
import { createMain, type Main } from '../main/app/create-main'
import type { ClientFactory } from '../main/api/client.types'
import type { Clock } from '../main/ports'
import { createDemoBackend, type DemoBackendWithSim } from '../main/demo/demo-backend'
import { showDemoIfNothingSetUp } from '../main/profiles/index'
import { createLogger, SecretScrubber } from '../main/redact'
import type { CredentialVault } from '../main/vault/credential-vault'
import { lockDataDir } from './data-lock'
import { createPreviewPorts } from './preview-ports'
import {
  createPreviewSenderCheck,
  guardRequest,
  SECRET_FRAGMENT_KEY,
  senderOf,
  type PreviewSender
} from './request-guard'
import { buildBridgeScript, readRendererFile } from './static-files'
import { handleTestHook } from './test-hooks'
import { errEnvelope } from '../../shared/ipc/envelope'

export interface PreviewHostOptions {
  port?: number
  dataDir: string
  rendererDir: string
  vault: CredentialVault
  /** false: no demo backend at all (`--demo off`). */
  demo?: boolean
  /**
   * 'on': start with the demo sandbox shown while nothing is set up, as the app did before the demo became opt-in
   * (`--demo on`; the Playwright fixtures' default). 'opt-in' (default): the first-run screen offers it.
   */
  demoStart?: 'on' | 'opt-in'
  demoTransitions?: 'instant' | 'fast' | 'real'
  demoLatencyMs?: number
  /** Enables /__test/* (simulator control passthrough) for Playwright and benches. */
  testHooks?: boolean
  homeDir?: string
  clock?: Clock
  createClient?: ClientFactory
  logSink?: (line: string) => void
}

export interface PreviewHost {
  /** Open this in a browser: the secret rides in the fragment, which the bridge moves into memory. */
  url: string
  origin: string
  secret: string
  main: Main<PreviewSender>
  demo: DemoBackendWithSim | null
  close(): Promise<void>
}

const MAX_BODY = 1024 * 1024
const BATCH_PATH = '/ipc/_batch'
const MAX_BATCH = 16

export async function startPreviewHost(opts: PreviewHostOptions): Promise<PreviewHost> {
  // First, before anything is read or written: a second host on the same folder refuses to start (data-lock.ts).
  const lock = lockDataDir(opts.dataDir)
  try {
    return await startLocked(opts, lock.release)
  } catch (err) {
    lock.release()
    throw err
  }
}

async function startLocked(opts: PreviewHostOptions, releaseLock: () => void): Promise<PreviewHost> {
  const secret = randomBytes(24).toString('hex')
  const scrubber = new SecretScrubber()
  const log = createLogger(scrubber, opts.logSink ?? ((line) => process.stderr.write(line + '\n')))
  let origin = 'http://127.0.0.1:0'
  let main: Main<PreviewSender> | null = null
  const ports = createPreviewPorts(() => main?.events ?? null)
  const demo =
    opts.demo === false
      ? null
      : createDemoBackend({ transitions: opts.demoTransitions ?? 'fast', latencyMs: opts.demoLatencyMs ?? 0 })
  const isTrusted = createPreviewSenderCheck({ origin: () => origin, secret })
  const bridgeScript = await buildBridgeScript()
  const sseClients = new Set<ServerResponse>()

  const server = createServer((req, res) => {
    void route(req, res).catch((err: unknown) => {
      log.error('preview: request failed', { error: err instanceof Error ? err.message : String(err) })
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error')
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sender = senderOf(req)
    const path = sender.path
    const verdict = guardRequest(
      { ...sender, method: req.method },
      { origin, secret, testHooks: opts.testHooks === true }
    )
    if (!verdict.ok) return send(res, verdict.status, 'text/plain', verdict.message)
    if (!main) return send(res, 503, 'text/plain', 'starting')

    // Calls the page makes in the same tick travel together (see bridge.ts); each is still dispatched, validated
    // and answered on its own. Channel names are `area:verb`, so `_batch` cannot collide with one.
    if (verdict.route === 'ipc' && path === BATCH_PATH) {
      const body = await readJson(req)
      if (body === TOO_LARGE) return send(res, 413, 'text/plain', `bad batch: ${TOO_LARGE_MESSAGE}`)
      const calls = parseBatch(body)
      if (!calls) return send(res, 400, 'text/plain', `bad batch: an array of 1–${MAX_BATCH} {channel, input} calls`)
      const envelopes = await Promise.all(calls.map((c) => main!.registry.dispatch(c.channel, c.input, sender)))
      return send(res, 200, 'application/json', JSON.stringify(envelopes))
    }
    if (verdict.route === 'ipc') {
      const body = await readJson(req)
      if (body === NOT_JSON)
        return send(
          res,
          200,
          'application/json',
          JSON.stringify(errEnvelope({ code: 'VALIDATION', message: NOT_JSON_MESSAGE }))
        )
      if (body === TOO_LARGE)
        return send(
          res,
          413,
          'application/json',
          JSON.stringify(errEnvelope({ code: 'VALIDATION', message: TOO_LARGE_MESSAGE }))
        )
      const envelope = await main.registry.dispatch(path.slice(5), body, sender)
      return send(res, 200, 'application/json', JSON.stringify(envelope))
    }
    // Server-Sent Events framing, read by the bridge over fetch (EventSource cannot send the secret header).
    if (verdict.route === 'events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(': connected\n\n')
      sseClients.add(res)
      req.on('close', () => sseClients.delete(res))
      return
    }
    if (verdict.route === 'test-hook') {
      const args = await readJson(req)
      if (args === NOT_JSON) return send(res, 400, 'application/json', JSON.stringify({ error: NOT_JSON_MESSAGE }))
      if (args === TOO_LARGE) return send(res, 413, 'application/json', JSON.stringify({ error: TOO_LARGE_MESSAGE }))
      const out = await handleTestHook(path.slice(8), args, { main, demo, ports })
      return send(res, out.status, 'application/json', JSON.stringify(out.body))
    }
    // Deferred and cacheable: it runs before the app's module script (document order) without blocking parsing.
    if (path === '/preview-bridge.js')
      return send(res, 200, 'text/javascript; charset=utf-8', bridgeScript, 'private, max-age=3600')
    const file = await readRendererFile(opts.rendererDir, path)
    // Vite's hashed assets never change under the same name; a reload takes them from the browser's cache.
    const immutable = file.status === 200 && path.startsWith('/assets/')
    return send(res, file.status, file.type, file.body, immutable ? 'private, max-age=31536000, immutable' : 'no-store')
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`

  main = await createMain<PreviewSender>(
    {
      version: process.env.npm_package_version ?? '0.1.0',
      platform: process.platform,
      preview: true,
      dataDir: opts.dataDir,
      homeDir: opts.homeDir ?? homedir(),
      vault: opts.vault,
      dialogs: ports.dialogs,
      notifier: ports.notifier,
      clipboard: ports.clipboard,
      window: ports.window,
      openExternal: async (u) => void ports.externalLog.push(u),
      demo,
      // `--demo on`: the window opens on the demo's list, as `npm start` from a checkout does.
      startsOnDemo: opts.demoStart === 'on',
      scrubber,
      log,
      respondToDialog: (input) => ports.respondToDialog(input),
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.createClient ? { createClient: opts.createClient } : {})
    },
    { isTrustedSender: isTrusted, describeSender: (s) => `preview ${s.path}` }
  )
  if (demo && opts.demoStart === 'on') await showDemoIfNothingSetUp(main.profiles, main.settings)
  const unsubscribe = main.events.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`
    for (const c of sseClients) c.write(frame)
  })

  return {
    url: `${origin}/#${SECRET_FRAGMENT_KEY}=${secret}`,
    origin,
    secret,
    main,
    demo,
    async close() {
      unsubscribe()
      ports.cancelAllDialogs()
      for (const c of sseClients) c.end()
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
      try {
        await main?.dispose()
      } finally {
        releaseLock()
      }
    }
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, cache = 'no-store'): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
  })
  res.end(body)
}

function parseBatch(body: unknown): { channel: string; input: unknown }[] | null {
  if (!Array.isArray(body) || body.length === 0 || body.length > MAX_BATCH) return null
  const calls: { channel: string; input: unknown }[] = []
  for (const item of body as unknown[]) {
    if (typeof item !== 'object' || item === null) return null
    const { channel, input } = item as { channel?: unknown; input?: unknown }
    if (typeof channel !== 'string') return null
    calls.push({ channel, input: input ?? {} })
  }
  return calls
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  // Past the limit the rest is read and dropped, not kept, so the caller can still be sent a 413 it will read.
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size <= MAX_BODY) chunks.push(chunk as Buffer)
  }
  if (size > MAX_BODY) return TOO_LARGE
  if (size === 0) return {}
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    return NOT_JSON
  }
}

/** readJson's answer for a body that is not JSON: said as such, not as a missing field of the channel's input. */
const NOT_JSON = Symbol('not JSON')
const NOT_JSON_MESSAGE = 'The request body is not valid JSON: send the channel’s input as one JSON object.'
/** readJson's answer for a body over MAX_BODY: 413 with this, not a 500. */
const TOO_LARGE = Symbol('too large')
const TOO_LARGE_MESSAGE = `The request body is larger than ${MAX_BODY / 1024 / 1024} MiB: send a smaller input.`
