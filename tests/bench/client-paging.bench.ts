// Paging benchmark: 1,000 nodes (10 pages of 100) behind 100 ms of simulated latency. Wall time of listNodes()
// with the page count known (every page at once), on a first refresh (page 1, then the rest), for ten profiles
// at once, and a naive page-at-a-time loop, as multiples of the latency.
// The simulator runs in its own process, as a remote API would: its CPU time is not the client's.
// A steady refresh whose pages did not change reuses what the last one read (http.ts readAgain), so the known-page
// and ten-profile figures are given twice: pages unchanged since the last refresh (the steady case), and every page
// changed (each reply parsed and mapped again, the worst case).
import { spawn } from 'node:child_process'
import http from 'node:http'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { createE2EClient } from '../../electron/main/api/index'
import { DEFAULT_CONCURRENCY } from '../../electron/main/api/paging'

const LATENCY_MS = 100
const NODES = 1000

import type { BenchResult } from './run'

interface SimProcess {
  baseUrl: string
  apiKey: string
  authToken: string
  projectId: number
  control(op: string, body: unknown): Promise<unknown>
  stop(): void
}

async function startSimulatorProcess(): Promise<SimProcess> {
  const args = [
    'electron/simulator/cli.ts',
    '--port',
    '0',
    '--seed',
    'empty',
    '--transitions',
    'instant',
    '--latency',
    String(LATENCY_MS)
  ]
  const child = spawn(join('node_modules', '.bin', 'tsx'), args, { stdio: ['ignore', 'pipe', 'ignore'] })
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)))
  })
  const info = JSON.parse(first) as {
    baseUrl: string
    controlUrl: string
    controlSecret: string
    apiKey: string
    authToken: string
    projects: { projectId: number }[]
  }
  return {
    baseUrl: info.baseUrl,
    apiKey: info.apiKey,
    authToken: info.authToken,
    projectId: info.projects[0]?.projectId ?? 0,
    async control(op, body) {
      const res = await fetch(`${info.controlUrl}/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sim-secret': info.controlSecret },
        body: JSON.stringify(body)
      })
      if (!res.ok) throw new Error(`simulator control ${op}: ${res.status}`)
      return res.json()
    },
    stop: () => void child.kill('SIGTERM')
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await fn()
  return performance.now() - started
}

const PROFILES = 10
const TRIES = 5

export async function benchClientPaging(): Promise<BenchResult[]> {
  const sim = await startSimulatorProcess()
  try {
    // Ten profiles (accounts), each with 1,000 nodes; the first is the one-profile case.
    const targets = [{ apiKey: sim.apiKey, authToken: sim.authToken, projectId: sim.projectId }]
    for (let i = 1; i < PROFILES; i++) {
      const a = (await sim.control('addAccount', { projects: [{ name: `bench-${i}` }] })) as {
        apiKey: string
        authToken: string
        projects: { projectId: number }[]
      }
      targets.push({ apiKey: a.apiKey, authToken: a.authToken, projectId: a.projects[0]?.projectId ?? 0 })
    }
    for (const t of targets)
      await sim.control('addNodes', {
        apiKey: t.apiKey,
        projectId: t.projectId,
        location: 'Delhi',
        count: NODES,
        status: 'mixed'
      })
    const clientFor = (t: (typeof targets)[number]) =>
      createE2EClient({ baseUrl: sim.baseUrl, ...t, location: 'Delhi' })
    const check = async (client: ReturnType<typeof clientFor>, concurrency = DEFAULT_CONCURRENCY): Promise<void> => {
      const nodes = await client.listNodes({ concurrency })
      if (nodes.length !== NODES) throw new Error(`listNodes returned ${nodes.length} nodes, expected ${NODES}`)
    }
    // Warm-up: sockets and JIT, and every profile's client learns its page count (10).
    const clients = targets.map(clientFor)
    for (const c of clients) await check(c)
    const one = clients[0]!
    // Best of five: the figure is about the request schedule, not scheduler noise.
    const best = async (fn: () => Promise<unknown>): Promise<number> =>
      Math.min(...(await sequential(TRIES, () => timed(fn))))
    const known = await best(() => check(one))
    const firstRefresh = await best(() => check(clientFor(targets[0]!)))
    const naive = await best(() => check(clientFor(targets[0]!), 1))
    const steady = await manyProfiles(sim.baseUrl, targets, false)
    const changed = await manyProfiles(sim.baseUrl, targets, true)
    const ratio = (ms: number): number => Math.round((ms / LATENCY_MS) * 100) / 100
    return [
      {
        name: `client listNodes, 1000 nodes/10 pages, page count known (steady refresh), wall / latency`,
        value: ratio(known),
        unit: '× latency',
        target: '≤ 1.3'
      },
      {
        name: 'client listNodes, 1000 nodes/10 pages, first refresh (page count unknown), wall / latency',
        value: ratio(firstRefresh),
        unit: '× latency',
        target: '≤ 2.3'
      },
      {
        name: `client listNodes, 1000 nodes/10 pages, page count known, every page changed (replayed replies), wall / latency`,
        value: ratio(changed.alone),
        unit: '× latency',
        target: '≤ 1.3'
      },
      {
        name: `${PROFILES} profiles × 1000 nodes refreshing together, pages unchanged (replayed replies), wall / one profile's`,
        value: Math.round((steady.together / steady.alone) * 100) / 100,
        unit: '×',
        target: '≤ 1.3'
      },
      {
        name: `${PROFILES} profiles × 1000 nodes refreshing together, every page changed (replayed replies), wall / one profile's`,
        value: Math.round((changed.together / changed.alone) * 100) / 100,
        unit: '×',
        target: '≤ 1.3'
      },
      {
        name: `${PROFILES} profiles × 1000 nodes together, every page changed, bare node:http + JSON.parse only (this machine's floor, not a target), wall / one profile's`,
        value: Math.round((changed.floor.together / changed.floor.alone) * 100) / 100,
        unit: '×'
      },
      {
        name: `client CPU per 1000-node list, ${PROFILES} profiles together, pages unchanged (user + system, best)`,
        value: Math.round(steady.cpuPerList * 10) / 10,
        unit: 'ms'
      },
      {
        name: `client CPU per 1000-node list, ${PROFILES} profiles together, every page changed (user + system, best)`,
        value: Math.round(changed.cpuPerList * 10) / 10,
        unit: 'ms'
      },
      { name: 'naive page-at-a-time loop, 1000 nodes/10 pages, wall / latency', value: ratio(naive), unit: '× latency' }
    ]
  } finally {
    sim.stop()
  }
}

/**
 * Ten profiles at once against replayed replies (see replay-api.ts): the simulator is one process sharing two
 * cores with the client, so ten profiles' worth of its CPU would be measured as the client's. `changing`: each
 * page alternates between its recorded reply and one with a node renamed, so no refresh can reuse a page.
 */
async function manyProfiles(
  simBaseUrl: string,
  targets: { apiKey: string; authToken: string; projectId: number }[],
  changing: boolean
): Promise<{ together: number; alone: number; cpuPerList: number; floor: { together: number; alone: number } }> {
  const pages: Record<string, string | string[]> = {}
  for (const t of targets) {
    for (let page = 1; page <= NODES / 100; page++) {
      const q = new URLSearchParams({
        apikey: t.apiKey,
        project_id: String(t.projectId),
        location: 'Delhi',
        page_no: String(page),
        per_page: '100'
      })
      const res = await fetch(`${simBaseUrl}/nodes/?${q}`, { headers: { authorization: `Bearer ${t.authToken}` } })
      const text = await res.text()
      pages[`${t.apiKey} ${page}`] = changing ? [text, renamedFirstRow(text)] : text
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'nodetray-bench-'))
  writeFileSync(join(dir, 'pages.json'), JSON.stringify(pages))
  const args = [join(__dirname, 'replay-api.ts'), join(dir, 'pages.json'), String(LATENCY_MS)]
  const child = spawn(join('node_modules', '.bin', 'tsx'), args, { stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve)
      child.once('exit', (code) => reject(new Error(`replay server exited with ${code}`)))
    })
    const { baseUrl } = JSON.parse(line) as { baseUrl: string }
    const clients = targets.map((t) => createE2EClient({ baseUrl, ...t, location: 'Delhi' }))
    const list = async (c: (typeof clients)[number]): Promise<void> => {
      const nodes = await c.listNodes()
      if (nodes.length !== NODES) throw new Error(`replayed list had ${nodes.length} nodes, expected ${NODES}`)
    }
    for (const c of clients) await list(c) // warm-up: every client learns its page count
    // Alone and together take turns, so a burst of load elsewhere on the machine hits both sides alike.
    const alone: number[] = []
    const together: number[] = []
    const cpu: number[] = []
    for (let i = 0; i < TRIES; i++) {
      alone.push(await timed(() => list(clients[0]!)))
      const before = process.cpuUsage()
      together.push(await timed(() => Promise.all(clients.map(list))))
      const used = process.cpuUsage(before)
      cpu.push((used.user + used.system) / 1000 / clients.length)
    }
    const floor = await bareFloor(baseUrl, targets)
    return { together: Math.min(...together), alone: Math.min(...alone), cpuPerList: Math.min(...cpu), floor }
  } finally {
    child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The same ten lists fetched the leanest way Node can: node:http with a keep-alive agent per profile, each reply
 * only JSON.parse'd (no checks, no mapping, no axios). Not a client Nodetray could ship (the stack fixes axios, and
 * replies must be checked); it shows what this machine allows, so the ten-profile rows can be read against it.
 */
async function bareFloor(
  baseUrl: string,
  targets: { apiKey: string; authToken: string; projectId: number }[]
): Promise<{ together: number; alone: number }> {
  const agents = targets.map(() => new http.Agent({ keepAlive: true }))
  const page = (t: (typeof targets)[number], agent: http.Agent, n: number) =>
    new Promise<void>((resolve, reject) => {
      const q = new URLSearchParams({
        apikey: t.apiKey,
        project_id: String(t.projectId),
        location: 'Delhi',
        page_no: String(n),
        per_page: '100'
      })
      const req = http.get(`${baseUrl}/nodes/?${q}`, { agent, headers: { authorization: `Bearer ${t.authToken}` } })
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: unknown[] }
          if (body.data.length !== 100) reject(new Error(`bare page had ${body.data.length} rows`))
          else resolve()
        })
        res.on('error', reject)
      })
      req.on('error', reject)
    })
  const list = (i: number) =>
    Promise.all(Array.from({ length: NODES / 100 }, (_, n) => page(targets[i]!, agents[i]!, n + 1)))
  const all = () => Promise.all(targets.map((_, i) => list(i)))
  await all() // warm-up: sockets and JIT
  const alone: number[] = []
  const together: number[] = []
  for (let i = 0; i < TRIES; i++) {
    alone.push(await timed(() => list(0)))
    together.push(await timed(all))
  }
  for (const a of agents) a.destroy()
  return { together: Math.min(...together), alone: Math.min(...alone) }
}

/** The same page with its first node renamed: a change the client must not miss. */
function renamedFirstRow(text: string): string {
  const page = JSON.parse(text) as { data: { name: string }[] }
  const first = page.data[0]
  if (!first) throw new Error('recorded page has no rows')
  first.name = `${first.name}-renamed`
  return JSON.stringify(page)
}

async function sequential(n: number, fn: () => Promise<number>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(await fn())
  return out
}
