// `npm test`: the whole suite, in the order that fails fastest: typecheck, lint, build, unit (main + renderer),
// real-keyring, packaging check, then Playwright through the preview host. Prints one summary line at the end.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const ci = process.env.CI === 'true' || process.env.CI === '1'
const only = process.argv.slice(2)
mkdirSync('test-results', { recursive: true })

const results = []
const run = (name, cmd, args, { env = {}, count } = {}) => {
  if (only.length && !only.includes(name)) return
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`)
  const started = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const counted = count?.() ?? null
  const ok = r.status === 0
  results.push({ name, ok, seconds, counted })
  console.log(
    `=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status})`} in ${seconds} s${counted ? ` — ${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped` : ''}`
  )
}

const vitestCounts = (file) => () => {
  if (!existsSync(file)) return null
  const j = JSON.parse(readFileSync(file, 'utf8'))
  return {
    passed: j.numPassedTests ?? 0,
    failed: j.numFailedTests ?? 0,
    skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0)
  }
}
const playwrightCounts = (file) => () => {
  if (!existsSync(file)) return null
  const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {}
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 }
}
const fresh = (f) => {
  rmSync(f, { force: true })
  return f
}

run('typecheck', 'npm', ['run', '-s', 'typecheck'])
run('lint', 'npm', ['run', '-s', 'lint'])
run('build', 'npx', ['electron-vite', 'build'])
run('security', 'node', ['scripts/security-scan.mjs'])
run('dep-audit', 'node', ['scripts/dep-audit.mjs'])
const unitJson = fresh('test-results/vitest.json')
run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`], {
  count: vitestCounts(unitJson)
})

const keyringAvailable =
  spawnSync('sh', ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon'], { stdio: 'ignore' })
    .status === 0
if (keyringAvailable || ci) {
  const keyringJson = fresh('test-results/keyring.json')
  run(
    'keyring',
    'sh',
    [
      'scripts/with-keyring.sh',
      'npx',
      'vitest',
      'run',
      '--project',
      'keyring',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${keyringJson}`
    ],
    { count: vitestCounts(keyringJson) }
  )
} else {
  console.log('\n=== keyring: skipped (no dbus-run-session / gnome-keyring-daemon on this machine; CI runs it)')
}

run('dist-check', 'node', ['scripts/dist-check.mjs'])
const e2eJson = fresh('test-results/e2e.json')
run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], {
  env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson },
  count: playwrightCounts(e2eJson)
})

let passed = 0
let failed = 0
let skipped = 0
console.log('\n=== summary')
for (const r of results) {
  if (r.counted) {
    passed += r.counted.passed
    failed += r.counted.failed
    skipped += r.counted.skipped
  } else if (r.ok) passed += 1
  else failed += 1
  // A runner that crashed before reporting still counts as a failure.
  if (!r.ok && r.counted && r.counted.failed === 0) failed += 1
  console.log(
    `${r.ok ? 'ok    ' : 'FAILED'} ${r.name.padEnd(11)} ${r.seconds.padStart(6)} s${r.counted ? `  (${r.counted.passed} passed, ${r.counted.failed} failed)` : ''}`
  )
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(results.every((r) => r.ok) ? 0 : 1)
