// `npm test`: the whole suite, in the order that fails fastest: prerequisites, typecheck, lint, build, unit
// (main + renderer), real-keyring, packaging check, Electron smoke, then Playwright through the preview host.
// Prints one "N passed, N failed, N skipped" line at the end.
//   node scripts/test-all.mjs [step ...]   only the named steps (typecheck, lint, build, security, dep-audit,
//                                          unit, keyring, dist-check, electron, e2e)
//   node scripts/test-all.mjs --preflight  only the prerequisite check (exit 1 when something required is missing)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { testPrereqs } from './prereqs/checks.mjs'
import { failureLines, playwrightReport, vitestReport } from './lib/test-report.mjs'

const ci = process.env.CI === 'true' || process.env.CI === '1'
const args = process.argv.slice(2)
const preflightOnly = args.includes('--preflight')
const only = args.filter((a) => !a.startsWith('--'))
const win = process.platform === 'win32'
const wanted = (name) => !preflightOnly && (!only.length || only.includes(name))

// --- prerequisites: one block saying what is missing and how to install it -------------------------------
const has = (tool) =>
  spawnSync(win ? 'where' : 'sh', win ? [tool] : ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0
const readText = (path) => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}
const chromiumFound = () => {
  // playwright.config.ts uses CHROMIUM_PATH or /usr/bin/chromium when present, else Playwright's own download.
  if (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return true
  try {
    return existsSync(createRequire(import.meta.url)('playwright-core').chromium.executablePath())
  } catch {
    return false
  }
}
const prereqs = testPrereqs({
  platform: process.platform,
  ci,
  osReleaseText: readText('/etc/os-release') || readText('/usr/lib/os-release'),
  found: {
    chromium: chromiumFound(),
    dbusRunSession: process.platform !== 'linux' || has('dbus-run-session'),
    gnomeKeyring: process.platform !== 'linux' || has('gnome-keyring-daemon')
  },
  list: JSON.parse(readText(new URL('./prereqs/system-packages.json', import.meta.url)))
})
console.log(`=== ${prereqs.lines.join('\n')}`)
if (preflightOnly) process.exit(prereqs.fail.length ? 1 : 0)

mkdirSync('test-results', { recursive: true })
const results = []
const record = (name, ok, seconds, counted = null, extra = {}) => {
  results.push({ name, ok, seconds, counted, ...extra })
}
// A step whose prerequisite is missing: skipped outside CI, failed in CI. Returns true when it must not run.
const blocked = (name) => {
  if (prereqs.skip.includes(name)) {
    console.log(`\n=== ${name}: skipped (prerequisite missing, see the block above)`)
    record(name, true, '0.0', null, { skipped: true })
    return true
  }
  if (prereqs.fail.includes(name)) {
    console.log(`\n=== ${name}: FAILED (prerequisite missing, see the block above; CI requires it)`)
    record(name, false, '0.0')
    return true
  }
  return false
}

const run = (name, cmd, cmdArgs, { env = {}, count, capture = false } = {}) => {
  if (!wanted(name) || blocked(name)) return
  console.log(`\n=== ${name}: ${[cmd, ...cmdArgs].join(' ')}`)
  const started = Date.now()
  // npm/npx are .cmd shims on Windows, which spawn only through a shell.
  const r = spawnSync(cmd, cmdArgs, {
    stdio: capture ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, ...env },
    shell: win,
    encoding: 'utf8'
  })
  if (capture) process.stdout.write(r.stdout ?? '')
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const ok = r.status === 0
  // A step may declare itself skipped: exit 0 with the word "skipped" on the first line of its output
  // (test:electron prints "electron suite: skipped — …" where Electron's binary is missing).
  const skipped = capture && ok && /\bskipped\b/i.test((r.stdout ?? '').trimStart().split('\n')[0] ?? '')
  const counted = count?.() ?? null
  record(name, ok, seconds, counted, { skipped })
  console.log(
    `=== ${name}: ${skipped ? 'skipped' : ok ? 'ok' : `FAILED (exit ${r.status})`} in ${seconds} s${counted ? ` — ${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped` : ''}`
  )
}

const vitestCounts = (file) => () => (existsSync(file) ? vitestReport(JSON.parse(readFileSync(file, 'utf8'))) : null)
const playwrightCounts = (file) => () =>
  existsSync(file) ? playwrightReport(JSON.parse(readFileSync(file, 'utf8'))) : null
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

// Linux: a private D-Bus session with an unlocked gnome-keyring. macOS / Windows: keytar uses the real Keychain /
// Credential Manager, and the tests use a throwaway service name there.
const keyringJson = fresh('test-results/keyring.json')
const keyringVitest = [
  'vitest',
  'run',
  '--project',
  'keyring',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${keyringJson}`
]
if (process.platform === 'linux') {
  run('keyring', 'sh', ['scripts/with-keyring.sh', 'npx', ...keyringVitest], { count: vitestCounts(keyringJson) })
} else {
  run('keyring', 'npx', keyringVitest, { env: { KEYRING_IT: '1' }, count: vitestCounts(keyringJson) })
}

run('dist-check', 'node', ['scripts/dist-check.mjs'])
const pkgScripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {}
if (pkgScripts['test:electron']) run('electron', 'npm', ['run', '-s', 'test:electron'], { capture: true })
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
  if (r.skipped) skipped += 1
  else if (r.counted) {
    passed += r.counted.passed
    failed += r.counted.failed
    skipped += r.counted.skipped
  } else if (r.ok) passed += 1
  else failed += 1
  // A runner that crashed before reporting still counts as a failure.
  if (!r.ok && r.counted && r.counted.failed === 0) failed += 1
  const state = r.skipped ? 'skipped' : r.ok ? 'ok     ' : 'FAILED '
  console.log(
    `${state} ${r.name.padEnd(11)} ${r.seconds.padStart(6)} s${r.counted ? `  (${r.counted.passed} passed, ${r.counted.failed} failed)` : ''}`
  )
}
// The failed tests by name, last but one: CI logs are often read from the end, far below the runner's own report.
// Flaky ones first: they passed, and a failure is the last thing to read.
const named = (kind) => failureLines(results.map((r) => ({ step: r.name, tests: r.counted?.[kind] ?? [] })))
const flaky = named('flaky')
if (flaky.length) console.log(['\n=== flaky: failed once, passed on the retry', ...flaky].join('\n'))
const failures = named('failures')
if (failures.length) console.log(['\n=== failed tests', ...failures].join('\n'))
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(results.every((r) => r.ok) ? 0 : 1)
