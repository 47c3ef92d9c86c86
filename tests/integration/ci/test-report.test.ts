// `npm test`'s closing lines name each failed test, read from the real JSON reports of vitest and Playwright: a CI log
// is read from its end, and a count alone ("1 failed") does not say which of 1,500 tests to look at.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failureLines, playwrightReport, vitestReport } from '../../../scripts/lib/test-report.mjs'

// Inside the repository, so the fixtures' imports of vitest and @playwright/test resolve.
mkdirSync('test-results', { recursive: true })
const root = mkdtempSync(join(process.cwd(), 'test-results', 'report-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
// One folder per runner: each would also pick up the other's test files.
const folder = (name: string) => {
  mkdirSync(join(root, name))
  return join(root, name)
}

// The child runners must not think they run inside this vitest worker.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST'))

describe('vitest', () => {
  const dir = folder('vitest')
  let json: unknown
  beforeAll(() => {
    writeFileSync(
      join(dir, 'sample.test.ts'),
      [
        "import { describe, expect, it } from 'vitest'",
        "describe('the tray', () => {",
        "  it('shows a node', () => expect(1).toBe(1))",
        "  it('counts the nodes', () => expect(2).toBe(3))",
        '  let tries = 0',
        "  it('notifies once', () => expect(++tries).toBe(2))",
        '})'
      ].join('\n')
    )
    writeFileSync(join(dir, 'broken.test.ts'), "import './missing-module'\n")
    // Its own config, and run from its folder: otherwise vitest finds this repository's config and its projects.
    writeFileSync(join(dir, 'vitest.config.mjs'), 'export default { test: { retry: 1 } }\n')
    const out = join(dir, 'vitest.json')
    spawnSync('npx', ['vitest', 'run', '--reporter=json', `--outputFile.json=${out}`], { cwd: dir, env })
    json = JSON.parse(readFileSync(out, 'utf8'))
  }, 60_000)

  it('counts and names the failed test with the first line of its reason', () => {
    const r = vitestReport(json, dir)
    expect(r).toMatchObject({ passed: 2, failed: 1, skipped: 0 })
    expect(r.failures).toContainEqual({
      where: 'sample.test.ts',
      title: 'the tray counts the nodes',
      why: 'AssertionError: expected 2 to be 3 // Object.is equality'
    })
  })

  it('names a test that passed only on its retry as flaky, with the reason it failed first', () => {
    expect(vitestReport(json, dir).flaky).toEqual([
      {
        where: 'sample.test.ts',
        title: 'the tray notifies once',
        why: 'AssertionError: expected 1 to be 2 // Object.is equality'
      }
    ])
  })

  it('names a file that failed before any test ran', () => {
    const broken = vitestReport(json, dir).failures.find((f) => f.where === 'broken.test.ts')
    expect(broken?.title).toBe('(the file failed to run)')
    expect(broken?.why).toMatch(/missing-module/)
  })
})

describe('Playwright', () => {
  const dir = folder('playwright')
  let json: unknown
  beforeAll(() => {
    // No browser: the tests use only Playwright's runner, so this runs wherever the unit tests do. The config names
    // its own output folder: Playwright empties that folder first.
    writeFileSync(
      join(dir, 'sample.spec.ts'),
      [
        "import { expect, test } from '@playwright/test'",
        "test.describe('the window', () => {",
        "  test('lists the nodes', () => expect(1).toBe(1))",
        "  test('deletes a node', () => expect('Running').toBe('Deleted'))",
        "  test('notifies once', ({}, info) => expect(info.retry).toBe(1))",
        '})',
        "test.skip('later', () => {})"
      ].join('\n')
    )
    writeFileSync(join(dir, 'pw.config.mjs'), 'export default { testDir: ".", outputDir: "pw-out", retries: 1 }\n')
    const out = join(dir, 'pw.json')
    spawnSync('npx', ['playwright', 'test', '--config', 'pw.config.mjs', '--reporter=json'], {
      cwd: dir,
      env: { ...env, CI: '', PLAYWRIGHT_JSON_OUTPUT_NAME: out }
    })
    json = JSON.parse(readFileSync(out, 'utf8'))
  }, 60_000)

  it('counts and names the failed test, with its describe block and line', () => {
    const r = playwrightReport(json)
    expect(r).toMatchObject({ passed: 2, failed: 1, skipped: 1 })
    expect(r.failures).toHaveLength(1)
    expect(r.failures[0]).toMatchObject({ where: 'sample.spec.ts:4', title: 'the window › deletes a node' })
    expect(r.failures[0]?.why).toMatch(/expect\(received\)\.toBe\(expected\)/)
  })

  it('names a test that passed only on its retry as flaky, with the reason it failed first', () => {
    const { flaky } = playwrightReport(json)
    expect(flaky).toHaveLength(1)
    expect(flaky[0]).toMatchObject({ where: 'sample.spec.ts:5', title: 'the window › notifies once' })
    expect(flaky[0]?.why).toMatch(/expect\(received\)\.toBe\(expected\)/)
  })
})

describe('the summary lines', () => {
  const failure = (n: number) => ({ where: `a.test.ts`, title: `test ${n}`, why: n % 2 ? 'Error: boom' : '' })

  it('gives each failure its step, and its reason indented on the next line when it has one', () => {
    expect(failureLines([{ step: 'unit', tests: [failure(1), failure(2)] }])).toEqual([
      'unit: a.test.ts › test 1',
      '    Error: boom',
      'unit: a.test.ts › test 2'
    ])
  })

  it('stops at the limit and says how many more failed', () => {
    const lines = failureLines([{ step: 'e2e', tests: [1, 2, 3, 4].map(failure) }], 2)
    expect(lines.at(-1)).toBe('… and 2 more')
    expect(lines.filter((l) => l.startsWith('e2e:'))).toHaveLength(2)
  })
})
