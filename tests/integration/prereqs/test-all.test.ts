// `npm test`'s accounting of what it could not run: a step skipped for a missing prerequisite (or by its own
// "skipped" first line) is counted as skipped outside CI and as failed with CI=true.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
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
