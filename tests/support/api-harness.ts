// Shared by the api tests (not shipped code): simulator-backed clients and a tiny local HTTP server for reply
// shapes the simulator does not produce.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startSimulator, type StartedSimulator } from '../../electron/simulator/index'
import type { ApiTarget, ClientOptions, E2EClient } from '../../electron/main/api/client.types'
import { createE2EClient } from '../../electron/main/api/index'

export const noSleep = async (): Promise<void> => {}

export interface SimHarness {
  sim: StartedSimulator
  target: ApiTarget
  client(options?: ClientOptions, over?: Partial<ApiTarget>): E2EClient
  /** Reseeds the simulator and points `target` at the new seed's primary account. */
  reset(seed?: 'demo' | 'empty' | number): void
  stop(): Promise<void>
}

export async function simHarness(seed: 'demo' | 'empty' | number = 'empty', latencyMs?: number): Promise<SimHarness> {
  const sim = await startSimulator({ seed, transitions: 'instant', ...(latencyMs !== undefined ? { latencyMs } : {}) })
  const project = sim.demo.projects[0]
  if (!project) throw new Error('simulator seeded no project')
  const target: ApiTarget = {
    baseUrl: sim.baseUrl,
    apiKey: sim.demo.apiKey,
    authToken: sim.demo.authToken,
    projectId: project.projectId,
    location: 'Delhi'
  }
  return {
    sim,
    target,
    client: (options = {}, over = {}) => createE2EClient({ ...target, ...over }, { sleep: noSleep, ...options }),
    reset(next = seed) {
      sim.control.reset(next)
      Object.assign(target, {
        apiKey: sim.demo.apiKey,
        authToken: sim.demo.authToken,
        projectId: sim.demo.projects[0]?.projectId
      })
    },
    stop: () => sim.stop()
  }
}

export interface SeenRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

export type Handler = (req: SeenRequest, res: ServerResponse) => void

export interface LocalServer {
  baseUrl: string
  requests: SeenRequest[]
  stop(): Promise<void>
}

/** A node:http server on 127.0.0.1 that answers with `handler` and records every request. */
export async function localServer(handler: Handler): Promise<LocalServer> {
  const requests: SeenRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      requests.push(seen)
      handler(seen, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/myaccount/api/v1`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

export function html(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html', ...headers })
  res.end(body)
}

/** Resolves with the rejection of `p` (fails the test if it resolves). */
export async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error('expected the call to fail')
}
