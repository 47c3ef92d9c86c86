// Paging benchmark: 1,000 nodes (10 pages of 100) behind 100 ms of simulated latency. Wall time of listNodes()
// (page 1, then the rest in parallel) against a naive page-at-a-time loop, each as a multiple of the latency.
// The simulator runs in its own process, as a remote API would: its CPU time is not the client's.
import { spawn } from 'node:child_process'
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

export async function benchClientPaging(): Promise<BenchResult[]> {
  const sim = await startSimulatorProcess()
  try {
    const projectId = sim.projectId
    await sim.control('addNodes', { apiKey: sim.apiKey, projectId, location: 'Delhi', count: NODES, status: 'mixed' })
    const client = createE2EClient({
      baseUrl: sim.baseUrl,
      apiKey: sim.apiKey,
      authToken: sim.authToken,
      projectId,
      location: 'Delhi'
    })
    const check = async (concurrency: number): Promise<void> => {
      const nodes = await client.listNodes({ concurrency })
      if (nodes.length !== NODES) throw new Error(`listNodes returned ${nodes.length} nodes, expected ${NODES}`)
    }
    await check(DEFAULT_CONCURRENCY) // warm-up: sockets and JIT
    // Best of three: the figure is about the request schedule, not scheduler noise.
    const best = async (concurrency: number): Promise<number> =>
      Math.min(...(await sequential(3, () => timed(() => check(concurrency)))))
    const parallelDefault = await best(DEFAULT_CONCURRENCY)
    const parallelFour = await best(4)
    const naive = await best(1)
    const ratio = (ms: number): number => Math.round((ms / LATENCY_MS) * 100) / 100
    return [
      {
        name: `client listNodes, 1000 nodes/10 pages, concurrency ${DEFAULT_CONCURRENCY} (default), wall / latency`,
        value: ratio(parallelDefault),
        unit: '× latency',
        target: '≤ 2.3'
      },
      {
        name: 'client listNodes, 1000 nodes/10 pages, concurrency 4, wall / latency',
        value: ratio(parallelFour),
        unit: '× latency'
      },
      { name: 'naive page-at-a-time loop, 1000 nodes/10 pages, wall / latency', value: ratio(naive), unit: '× latency' }
    ]
  } finally {
    sim.stop()
  }
}

async function sequential(n: number, fn: () => Promise<number>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(await fn())
  return out
}
