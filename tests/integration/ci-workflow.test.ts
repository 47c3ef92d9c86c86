// The CI workflow cannot run here; this keeps it valid: GitHub's workflow schema (action-validator) and the
// promises README and issue #17 make about it (three OSes, npm test, the Electron suite, each OS's installers).
import { validateWorkflow } from '@action-validator/core'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const source = readFileSync('.github/workflows/ci.yml', 'utf8')

interface Step {
  run?: string
  uses?: string
  if?: string
  env?: Record<string, string>
}
interface Workflow {
  jobs: Record<
    string,
    { strategy: { matrix: { include: { os: string; dist: string; artifacts: string }[] } }; steps: Step[] }
  >
}

const workflow = parse(source) as Workflow
const job = workflow.jobs.build!
const runs = job.steps.map((s) => s.run ?? '').join('\n')

describe('CI workflow', () => {
  it('passes the GitHub Actions workflow schema', () => {
    const result = validateWorkflow(source)
    expect(result.errors).toEqual([])
  })

  it('the schema check bites: a job without runs-on is refused', () => {
    const broken = source.replace(/^ {4}runs-on: .*$/m, '')
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0)
  })

  it('builds on macOS, Windows and Ubuntu', () => {
    const oses = job.strategy.matrix.include.map((m) => m.os)
    expect(oses.some((o) => o.startsWith('macos'))).toBe(true)
    expect(oses.some((o) => o.startsWith('windows'))).toBe(true)
    expect(oses.some((o) => o.startsWith('ubuntu'))).toBe(true)
  })

  it('runs npm test (Ubuntu through .ci/run under Xvfb), whose Electron suite may not skip there, and npm run dist', () => {
    expect(runs).toContain('xvfb-run -a bash .ci/run')
    expect(runs).toMatch(/^npm test$/m)
    expect(runs).toContain('npm run dist')
    expect(readFileSync('scripts/test-all.mjs', 'utf8')).toContain('test:electron')
    const env = (parse(source) as { jobs: { build: { env: Record<string, string> } } }).jobs.build.env
    expect(env.NODETRAY_REQUIRE_ELECTRON).toBe('1')
  })

  it('produces dmg + zip, nsis, AppImage + deb and uploads them', () => {
    const dists = job.strategy.matrix.include.map((m) => m.dist).join(' ')
    for (const target of ['dmg', 'zip', 'nsis', 'AppImage', 'deb']) expect(dists).toContain(target)
    const artifacts = job.strategy.matrix.include.map((m) => m.artifacts).join('\n')
    for (const ext of ['.dmg', '.zip', '.exe', '.AppImage', '.deb']) expect(artifacts).toContain(`*${ext}`)
    expect(job.steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true)
  })
})
