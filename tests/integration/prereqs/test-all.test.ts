// `npm test`'s accounting of what it could not run: a step skipped for a missing prerequisite (or by its own
// "skipped" first line) is counted as skipped outside CI and as failed with CI=true.
import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')
// A throwaway project with this repository's scripts and a package.json of our choosing.
const dir = mkdtempSync(join(tmpdir(), 'nodetray-test-all-'))
cpSync(join(root, 'scripts'), join(dir, 'scripts'), { recursive: true })
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function testAll(steps: string[], env: Record<string, string>, electronScript?: string) {
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'throwaway', scripts: electronScript ? { 'test:electron': electronScript } : {} })
  )
  const r = spawnSync(process.execPath, ['scripts/test-all.mjs', ...steps], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: '', ...env }
  })
  return { status: r.status, out: r.stdout, last: r.stdout.trim().split('\n').at(-1) }
}

describe('npm test: skipped vs failed', () => {
  // No Chromium anywhere: CHROMIUM_PATH points nowhere and Playwright's own browsers are looked for in an empty folder.
  const noChromium = { CHROMIUM_PATH: join(dir, 'no-chromium'), PLAYWRIGHT_BROWSERS_PATH: join(dir, 'no-browsers') }

  it('locally, missing Chromium skips the browser tests with a visible line and counts them as skipped', () => {
    const r = testAll(['e2e'], noChromium)
    expect(r.out).toContain('missing: Chromium for the browser tests')
    expect(r.out).toContain('=== e2e: skipped (prerequisite missing')
    expect(r.last).toBe('0 passed, 0 failed, 1 skipped')
    expect(r.status).toBe(0)
  })

  it('with CI=true the same gap fails the run', () => {
    const r = testAll(['e2e'], { ...noChromium, CI: 'true' })
    expect(r.last).toBe('0 passed, 1 failed, 0 skipped')
    expect(r.status).toBe(1)
  })

  it('--preflight prints the block and fails only when CI requires what is missing', () => {
    expect(testAll(['--preflight'], noChromium).status).toBe(0)
    expect(testAll(['--preflight'], { ...noChromium, CI: 'true' }).status).toBe(1)
  })

  it('a test:electron that says "skipped" on its first line counts as skipped; a failing one as failed', () => {
    const skipped = testAll(['electron'], {}, 'echo "electron suite: skipped — no Electron binary here"')
    expect(skipped.last).toBe('0 passed, 0 failed, 1 skipped')
    expect(testAll(['electron'], {}, 'echo "skipped: no binary"').last).toBe('0 passed, 0 failed, 1 skipped')
    const failed = testAll(['electron'], {}, 'echo "1 test failed" && exit 1')
    expect(failed.last).toBe('0 passed, 1 failed, 0 skipped')
    const passed = testAll(['electron'], {}, 'echo "electron smoke: ok"')
    expect(passed.last).toBe('1 passed, 0 failed, 0 skipped')
  })
})

describe('npm test: the failed and flaky tests by name at the end', () => {
  // A stand-in `npx` first on PATH: for `npx playwright test` it writes the JSON report Playwright would and exits 1.
  const bin = join(dir, 'fake-bin')
  mkdirSync(bin, { recursive: true })
  const spec = (title: string, line: number, status: string, messages: string[]) => ({
    title,
    file: 'window.spec.ts',
    line,
    tests: [{ status, results: messages.map((message) => ({ error: { message } })) }]
  })
  const report = {
    stats: { expected: 5, unexpected: 1, flaky: 1, skipped: 0 },
    suites: [
      {
        title: 'window.spec.ts',
        specs: [
          spec('deletes a node', 12, 'unexpected', ['Error: timed out', 'Error: timed out again\n  at line 3']),
          spec('powers off', 40, 'flaky', ['Error: \u001b[2mexpected\u001b[22m Running', ''])
        ]
      }
    ]
  }
  writeFileSync(join(dir, 'report.json'), JSON.stringify(report))
  writeFileSync(
    join(bin, 'npx'),
    `#!/bin/sh\ncp "${join(dir, 'report.json')}" "$PLAYWRIGHT_JSON_OUTPUT_NAME"\necho "1 failed"\nexit 1\n`
  )
  chmodSync(join(bin, 'npx'), 0o755)

  it.runIf(process.platform !== 'win32')(
    'lists the flaky test, then the failed one with its last reason, then the count',
    () => {
      // Any existing file passes the Chromium check; the stand-in never starts it.
      const r = testAll(['e2e'], { PATH: `${bin}:${process.env.PATH ?? ''}`, CHROMIUM_PATH: process.execPath })
      const tail = r.out.trim().split('\n').slice(-8, -1)
      expect(tail).toEqual([
        '=== flaky: failed once, passed on the retry',
        'e2e: window.spec.ts:40 › powers off',
        '    Error: expected Running',
        '',
        '=== failed tests',
        'e2e: window.spec.ts:12 › deletes a node',
        '    Error: timed out again'
      ])
      expect(r.last).toBe('6 passed, 1 failed, 0 skipped')
      expect(r.status).toBe(1)
    }
  )
})
