// `npm run bench`: runs every benchmark and prints one table with targets. Performance targets live here,
// never in timed unit tests. `npm run bench -- paging tray` runs only the named groups. The same table is written
// to bench-results.json (name, value, unit, target, met) so figures can be compared across commits.
import { existsSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'

export interface BenchResult {
  name: string
  value: number
  unit: string
  target?: string
}

const groups: { key: string; file: string; fn: string }[] = [
  { key: 'paging', file: 'client-paging.bench.ts', fn: 'benchClientPaging' },
  { key: 'heap', file: 'main-heap.bench.ts', fn: 'benchMainHeap' },
  { key: 'tray', file: 'tray-menu.bench.ts', fn: 'benchTrayMenu' },
  { key: 'renderer', file: 'renderer.bench.ts', fn: 'benchRenderer' },
  { key: 'tray-popover', file: 'tray-popover.bench.ts', fn: 'benchTrayPopover' }
]

/** true / false against a "≤ N" or "< N" target; null when there is no target. */
function meets(value: number, target: string | undefined): boolean | null {
  if (!target) return null
  const m = /^\s*(≤|<|<=)\s*([\d.]+)/.exec(target)
  if (!m) return null
  const limit = Number(m[2])
  return m[1] === '<' ? value < limit : value <= limit
}

const RESULTS_FILE = 'bench-results.json'

async function main(): Promise<void> {
  const wanted = process.argv.slice(2)
  const rows: (BenchResult & { group: string })[] = []
  // Wall-time figures on a shared 2-core machine depend on what else runs: the table says how busy it was.
  const load = (when: string): BenchResult & { group: string } => ({
    group: 'machine',
    name: `load average (1 min) ${when}, ${cpus().length} cores`,
    value: Math.round(loadavg()[0]! * 100) / 100,
    unit: ''
  })
  rows.push(load('at start'))
  for (const g of groups) {
    if (wanted.length && !wanted.includes(g.key)) continue
    const path = join(__dirname, g.file)
    if (!existsSync(path)) {
      console.log(`bench ${g.key}: ${g.file} not present, skipped`)
      continue
    }
    const mod = (await import(path)) as Record<string, () => Promise<BenchResult[]>>
    const fn = mod[g.fn]
    if (!fn) throw new Error(`${g.file} does not export ${g.fn}`)
    process.stdout.write(`bench ${g.key}: running…\n`)
    for (const r of await fn()) rows.push({ ...r, group: g.key })
  }
  rows.push(load('at end'))
  console.log('\n| group | measure | value | target | |\n| --- | --- | --- | --- | --- |')
  const mark = (met: boolean | null): string => (met === null ? '' : met ? 'met' : 'MISSED')
  for (const r of rows)
    console.log(
      `| ${r.group} | ${r.name} | ${r.value} ${r.unit} | ${r.target ?? ''} | ${mark(meets(r.value, r.target))} |`
    )
  const json = rows.map((r) => ({
    group: r.group,
    name: r.name,
    value: r.value,
    unit: r.unit,
    target: r.target ?? null,
    met: meets(r.value, r.target)
  }))
  writeFileSync(RESULTS_FILE, `${JSON.stringify(json, null, 2)}\n`)
  console.log(`\nwritten to ${RESULTS_FILE}`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  }
)
