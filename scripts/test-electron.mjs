// `npm run test:electron`: the Electron suite (tests/electron, Playwright's `_electron`) wherever Electron's
// binary runs; elsewhere one line says it is skipped and why, and the exit code is 0. CI sets
// NODETRAY_REQUIRE_ELECTRON=1, which turns a skip into a failure.
import { spawnSync } from 'node:child_process'

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const shell = process.platform === 'win32'

function skip(reason) {
  if (process.env.NODETRAY_REQUIRE_ELECTRON === '1') {
    console.error(`electron suite: cannot run — ${reason} (NODETRAY_REQUIRE_ELECTRON=1)`)
    process.exit(1)
  }
  console.log(`electron suite: skipped — ${reason}`)
  process.exit(0)
}

// As root (CI's Debian container) Chromium needs --no-sandbox; the suite adds it to its launches too.
const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []
// `electron --version` needs no display; a missing binary makes Electron try a download, which fails offline.
const probe = spawnSync(npx, ['electron', ...rootArgs, '--version'], {
  encoding: 'utf8',
  timeout: 180_000,
  shell,
  env: { ...process.env, ELECTRON_RUN_AS_NODE: '' }
})
const version = (probe.stdout ?? '').trim()
if (probe.status !== 0 || !/^v\d+\./.test(version))
  skip(
    '`npx electron --version` fails here (no Electron binary, and it cannot be downloaded); it runs in CI on macOS, Windows and Linux'
  )
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
  skip('no display on this Linux machine; run it under `xvfb-run -a npm run test:electron`')

const run = (args) => spawnSync(npx, args, { stdio: 'inherit', shell }).status ?? 1
console.log(`electron suite: Electron ${version}`)
if (run(['electron-vite', 'build']) !== 0) process.exit(1)
process.exit(run(['playwright', 'test', '-c', 'tests/electron/playwright.config.ts', ...process.argv.slice(2)]))
