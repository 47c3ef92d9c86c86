// A local HTTP server that answers every request with an empty E2E envelope and records what it was sent
// (URL with query, Authorization header), so a test can prove which secrets reached which host.
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  url: string
  authorization: string
}

export interface RecordingServer {
  baseUrl: string
  requests: RecordedRequest[]
  /** Every request as one string, for "this secret never arrived" checks. */
  seen(): string
  close(): Promise<void>
}

export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = []
  const server = createServer((req: IncomingMessage, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization ?? '' })
    req.resume()
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ code: 200, data: [], errors: {}, message: 'Success' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/myaccount/api/v1`,
    requests,
    seen: () => requests.map((r) => `${r.method} ${decodeURIComponent(r.url)} ${r.authorization}`).join('\n'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
