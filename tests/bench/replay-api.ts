// A stand-in for E2E's servers in the many-profiles bench: replays `GET nodes/` pages recorded from the simulator
// (real reply shapes) after a fixed latency, doing no work per request, so the figure is the client's alone.
// Real servers answer concurrent profiles in parallel; one simulator process on a 2-core machine cannot.
//   tsx tests/bench/replay-api.ts <pages.json> <latencyMs>   → prints {"baseUrl": …} on one line
// pages.json: { "<apikey> <page_no>": "<reply body>" | ["<body>", "<body>", …] }: a list is served in turn, one body
// per request, so every refresh sees that page changed.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const [file = '', latency = '0'] = process.argv.slice(2)
const pages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | string[]>
const served = new Map<string, number>()
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://replay')
  const key = `${url.searchParams.get('apikey')} ${url.searchParams.get('page_no')}`
  const entry = pages[key]
  const turn = served.get(key) ?? 0
  served.set(key, turn + 1)
  const body = Array.isArray(entry) ? entry[turn % entry.length] : entry
  req.resume()
  setTimeout(() => {
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' })
    res.end(body ?? '{"detail":"Not found."}')
  }, Number(latency))
})
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  process.stdout.write(`${JSON.stringify({ baseUrl: `http://127.0.0.1:${port}/myaccount/api/v1` })}\n`)
})
