#!/usr/bin/env node
// `npm run mutate [-- group…] [--report] [--force]`: StrykerJS over the modules that guard money and keys, one
// module group at a time (groups and order: MUTATION_GROUPS in stryker.config.mjs). Each group keeps its own
// incremental file and report under reports/mutation/<group>/ (HTML + JSON), so re-running one group re-tests only
// what changed and leaves the others' results alone. Ends with one score line per group and one overall.
// --report: print the scores of the last runs without running anything. --force: ignore the incremental files.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import base, { MUTATION_GROUPS } from '../stryker.config.mjs'

const args = process.argv.slice(2)
const reportOnly = args.includes('--report')
const force = args.includes('--force')
const asked = args.filter((a) => !a.startsWith('--'))
const unknown = asked.filter((g) => !(g in MUTATION_GROUPS))
if (unknown.length > 0) {
  console.error(`unknown group(s): ${unknown.join(', ')}; groups: ${Object.keys(MUTATION_GROUPS).join(', ')}`)
  process.exit(2)
}
const groups = asked.length > 0 ? asked : Object.keys(MUTATION_GROUPS)
const root = join('reports', 'mutation')

const DETECTED = new Set(['Killed', 'Timeout'])
const UNDETECTED = new Set(['Survived', 'NoCoverage'])

/** Counts from a mutation-testing-report-schema JSON report. */
function scoreOf(report) {
  const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, ignored: 0 }
  for (const file of Object.values(report.files ?? {})) {
    for (const m of file.mutants ?? []) {
      if (m.status === 'Killed') c.killed++
      else if (m.status === 'Timeout') c.timeout++
      else if (m.status === 'Survived') c.survived++
      else if (m.status === 'NoCoverage') c.noCoverage++
      else if (m.status === 'Ignored') c.ignored++
      else c.errors++ // CompileError, RuntimeError: not valid mutants
    }
  }
  const detected = c.killed + c.timeout
  const total = detected + c.survived + c.noCoverage
  return { ...c, detected, total, score: total === 0 ? null : (100 * detected) / total }
}

function line(name, s) {
  if (!s) return `mutation score ${name}: no report (run \`npm run mutate -- ${name}\`)`
  const pct = s.score === null ? 'n/a' : `${s.score.toFixed(1)}%`
  return (
    `mutation score ${name}: ${pct} (killed ${s.detected} / total ${s.total}` +
    `${s.timeout ? `, ${s.timeout} by timeout` : ''}; survived ${s.survived}, no coverage ${s.noCoverage}` +
    `${s.errors ? `, ${s.errors} invalid` : ''})`
  )
}

function reportPath(group) {
  return join(root, group, 'mutation.json')
}

function readScore(group) {
  const p = reportPath(group)
  if (!existsSync(p)) return null
  const s = scoreOf(JSON.parse(readFileSync(p, 'utf8')))
  return s
}

let failed = false
if (!reportOnly) {
  for (const group of groups) {
    const dir = join(root, group)
    mkdirSync(dir, { recursive: true })
    const config = {
      ...base,
      mutate: MUTATION_GROUPS[group].mutate,
      incrementalFile: join(dir, 'incremental.json'),
      htmlReporter: { fileName: join(dir, 'index.html') },
      jsonReporter: { fileName: reportPath(group) }
    }
    const configFile = join(dir, 'stryker.config.json')
    writeFileSync(configFile, JSON.stringify(config, null, 2))
    console.log(`\n== mutate ${group}: ${MUTATION_GROUPS[group].mutate.join(' ')}`)
    const run = spawnSync('npx', ['stryker', 'run', configFile, ...(force ? ['--force'] : [])], {
      stdio: 'inherit',
      // The group's own test files (vitest.mutation.config.mts reads them).
      env: { ...process.env, NODETRAY_MUTATE_TESTS: MUTATION_GROUPS[group].tests.join(',') }
    })
    if (run.status !== 0) {
      failed = true
      console.error(`stryker failed for ${group} (exit ${run.status})`)
    }
    console.log(line(group, readScore(group)))
  }
}

const scores = groups.map((g) => [g, readScore(g)])
console.log('')
for (const [g, s] of scores) console.log(line(g, s))
const all = scores.map(([, s]) => s).filter(Boolean)
if (all.length > 1) {
  const sum = (k) => all.reduce((n, s) => n + s[k], 0)
  const total = sum('total')
  const detected = sum('detected')
  console.log(
    `mutation score: ${total ? ((100 * detected) / total).toFixed(1) : 'n/a'}% (killed ${detected} / total ${total}) over ${all.length} groups; HTML in ${root}/<group>/index.html`
  )
}
process.exit(failed ? 1 : 0)
