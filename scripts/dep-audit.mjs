// Dependency hygiene: `npm audit --omit=dev` must report no high or critical advisory unless
// security/audit-exceptions.json explains it. Where the registry's advisory endpoint cannot be reached
// (some build machines), say so plainly and list the production tree that would have been audited.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' })
let report
try {
  report = JSON.parse(audit.stdout)
} catch {
  report = null
}
const tree =
  spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8' }).stdout.trim().split('\n')
    .length - 1

if (!report || report.error) {
  const why =
    report?.error?.summary ?? (audit.stderr.split('\n').find((l) => /error|405|ENOTFOUND/.test(l)) ?? 'no reply').trim()
  console.log(
    `dep-audit: advisory endpoint unreachable from this machine (${why.slice(0, 160)}); production tree not audited: ${tree} packages under axios, keytar, zod`
  )
  process.exit(0)
}

const exceptions = existsSync('security/audit-exceptions.json')
  ? (JSON.parse(readFileSync('security/audit-exceptions.json', 'utf8')).exceptions ?? [])
  : []
const vulns = Object.values(report.vulnerabilities ?? {})
const serious = vulns.filter((v) => v.severity === 'high' || v.severity === 'critical')
const unexplained = serious.filter((v) => !exceptions.some((e) => e.package === v.name))
const meta = report.metadata?.vulnerabilities ?? {}
console.log(
  `dep-audit: ${tree} production packages; advisories: critical ${meta.critical ?? 0}, high ${meta.high ?? 0}, moderate ${meta.moderate ?? 0}, low ${meta.low ?? 0}; ${serious.length - unexplained.length} explained, ${unexplained.length} unexplained`
)
for (const v of unexplained) console.log(`  UNEXPLAINED ${v.severity} ${v.name} ${v.range}`)
process.exit(unexplained.length === 0 ? 0 : 1)
