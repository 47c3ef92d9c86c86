// `npm run bench`: runs every benchmark and prints one table with targets. Performance targets live here,
// never in timed unit tests. `npm run bench -- paging tray` runs only the named groups.
import { existsSync } from 'node:fs'
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
  { key: 'renderer', file: 'renderer.bench.ts', fn: 'benchRenderer' }
]

function meets(value: number, target: string | undefined): string {
  if (!target) return ''
  const m = /^\s*(≤|<|<=)\s*([\d.]+)/.exec(target)
  if (!m) return ''
  const limit = Number(m[2])
  return (m[1] === '<' ? value < limit : value <= limit) ? 'met' : 'MISSED'
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2)
  const rows: (BenchResult & { group: string })[] = []
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
  console.log('\n| group | measure | value | target | |\n| --- | --- | --- | --- | --- |')
  for (const r of rows)
    console.log(`| ${r.group} | ${r.name} | ${r.value} ${r.unit} | ${r.target ?? ''} | ${meets(r.value, r.target)} |`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  }
)
