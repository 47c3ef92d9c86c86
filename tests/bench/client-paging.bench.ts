// Paging benchmark: 1,000 nodes (10 pages of 100) behind 100 ms of simulated latency. Wall time of listNodes()
// (page 1, then the rest in parallel) against a naive page-at-a-time loop, each as a multiple of the latency.
import { createE2EClient } from '../../electron/main/api/index'
import { DEFAULT_CONCURRENCY } from '../../electron/main/api/paging'
import { startSimulator } from '../../electron/simulator/index'

const LATENCY_MS = 100
const NODES = 1000

export interface BenchResult {
  name: string
  value: number
  unit: string
  target?: string
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await fn()
  return performance.now() - started
}

export async function benchClientPaging(): Promise<BenchResult[]> {
  const sim = await startSimulator({ seed: 'empty', transitions: 'instant', latencyMs: LATENCY_MS })
  try {
    const projectId = sim.demo.projects[0]?.projectId ?? 0
    sim.control.addNodes({ apiKey: sim.demo.apiKey, projectId, location: 'Delhi', count: NODES, status: 'mixed' })
    const client = createE2EClient({ baseUrl: sim.baseUrl, apiKey: sim.demo.apiKey, authToken: sim.demo.authToken, projectId, location: 'Delhi' })
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
      { name: `client listNodes, 1000 nodes/10 pages, concurrency ${DEFAULT_CONCURRENCY} (default), wall / latency`, value: ratio(parallelDefault), unit: '× latency', target: '≤ 2.3' },
      { name: 'client listNodes, 1000 nodes/10 pages, concurrency 4, wall / latency', value: ratio(parallelFour), unit: '× latency' },
      { name: 'naive page-at-a-time loop, 1000 nodes/10 pages, wall / latency', value: ratio(naive), unit: '× latency' }
    ]
  } finally {
    await sim.stop()
  }
}

async function sequential(n: number, fn: () => Promise<number>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(await fn())
  return out
}
