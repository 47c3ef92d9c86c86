// Tray menu benchmark: buildTrayMenu for 10 profiles × 500 nodes in mixed states, some pending, rebuilt many
// times. The controller rebuilds on every poll burst, so this must stay far below a frame.
import { buildTrayMenu } from '../../electron/main/tray/tray-menu.model'
import { mixedNodes, pendingOf, profileNodes, profileView, T0, trayState } from '../support/tray-fixtures'

const PROFILES = 10
const NODES = 500
const RUNS = 200

export interface BenchResult {
  name: string
  value: number
  unit: string
  target?: string
}

export async function benchTrayMenu(): Promise<BenchResult[]> {
  const profiles = Array.from({ length: PROFILES }, (_, i) => profileView(`p${i}`, { name: `Project ${i}` }))
  const nodes = profiles.map((p, i) =>
    profileNodes(p.id, mixedNodes(NODES, i * NODES + 1), {
      pending: { ...pendingOf(i * NODES + 3, 'power_off'), ...pendingOf(i * NODES + 7, 'delete') }
    })
  )
  const times: number[] = []
  let items = 0
  for (let run = 0; run < RUNS + 20; run++) {
    const state = trayState({ profiles, nodes, now: T0 + run * 1000 })
    const started = performance.now()
    const model = buildTrayMenu(state)
    const ms = performance.now() - started
    if (run >= 20) times.push(ms) // the first runs warm up the JIT
    items = model.items.length
  }
  if (items < PROFILES * 25)
    throw new Error(`menu has ${items} top-level items; expected at least ${PROFILES * 25} node entries`)
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)] ?? NaN
  const p95 = times[Math.floor(times.length * 0.95)] ?? NaN
  const round = (v: number): number => Math.round(v * 1000) / 1000
  return [
    {
      name: `tray buildTrayMenu, ${PROFILES} profiles × ${NODES} nodes, median`,
      value: round(median),
      unit: 'ms',
      target: '< 5'
    },
    { name: `tray buildTrayMenu, ${PROFILES} profiles × ${NODES} nodes, p95`, value: round(p95), unit: 'ms' }
  ]
}
