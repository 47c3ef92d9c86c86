// Heap held by the main-side services (profiles, node engine with last-known cache, tray model) after loading
// 10 profiles × 1,000 nodes from the simulator. The simulator runs in the same process, so its own heap is
// measured first and taken out. Target: < 60 MB.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createMain } from '../../electron/main/app/create-main'
import { startSimulator } from '../../electron/simulator/index'
import { createLogger, SecretScrubber } from '../../electron/main/redact'
import { MemoryVault } from '../../electron/main/vault/memory-vault'
import type { BenchResult } from './run'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function settledHeap(): number {
  for (let i = 0; i < 4; i++) gc()
  return process.memoryUsage().heapUsed
}

export async function benchMainHeap(): Promise<BenchResult[]> {
  const sim = await startSimulator({ seed: 'empty', transitions: 'instant' })
  const dataDir = mkdtempSync(join(tmpdir(), 'nodetray-heap-'))
  const projects = Array.from({ length: 10 }, (_, i) => ({ name: `bench-${i + 1}` }))
  const account = sim.control.addAccount({ projects })
  for (const p of account.projects)
    sim.control.addNodes({
      apiKey: account.apiKey,
      projectId: p.projectId,
      location: 'Delhi',
      count: 1000,
      status: 'mixed'
    })
  const noop = () => undefined
  try {
    const before = settledHeap()
    const main = await createMain(
      {
        version: 'bench',
        platform: process.platform,
        preview: true,
        dataDir,
        homeDir: dataDir,
        vault: new MemoryVault(),
        dialogs: { confirm: async () => 0, openFile: async () => null, saveFile: async () => null },
        notifier: { show: noop },
        clipboard: { writeText: noop },
        window: { show: noop, quit: noop },
        openExternal: async () => undefined,
        demo: null,
        scrubber: new SecretScrubber(),
        log: createLogger(new SecretScrubber(), noop)
      },
      { isTrustedSender: () => true, describeSender: () => 'bench' }
    )
    for (const [i, p] of account.projects.entries()) {
      await main.profiles.create({
        name: `Bench ${i + 1}`,
        projectId: String(p.projectId),
        location: 'Delhi',
        apiBaseUrl: sim.baseUrl,
        apiKey: account.apiKey,
        authToken: account.authToken
      })
    }
    const started = performance.now()
    await main.nodes.refresh()
    const refreshMs = performance.now() - started
    const loaded = main.nodes.snapshot().reduce((n, p) => n + p.nodes.length, 0)
    if (loaded !== 10_000)
      throw new Error(
        `expected 10,000 nodes loaded, got ${loaded}: ${JSON.stringify(main.nodes.snapshot().map((p) => [p.nodes.length, p.error?.message]))}`
      )
    main.tray.model()
    const after = settledHeap()
    await main.dispose()
    const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10
    return [
      {
        name: 'main-side services heap, 10 profiles × 1,000 nodes',
        value: mb(after - before),
        unit: 'MB',
        target: '< 60'
      },
      { name: 'refresh of 10 profiles × 1,000 nodes (no latency)', value: Math.round(refreshMs), unit: 'ms' }
    ]
  } finally {
    await sim.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
