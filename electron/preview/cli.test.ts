// `npm run preview:web` as a process: a bad flag value or a data folder in use is one line on stderr and exit code 1.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryVault } from '../main/vault/memory-vault'
import { startPreviewHost } from './host'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nodetray-preview-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/preview/cli.ts', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const timer = setTimeout(() => child.kill('SIGTERM'), 15_000)
  const [code] = (await once(child, 'exit')) as [number | null]
  clearTimeout(timer)
  return { code, stdout, stderr }
}

describe('preview CLI', () => {
  // Outside tester: `--latency abc` was accepted and meant no latency.
  it('refuses a --latency that is not a number of milliseconds ≥ 0, in one line, before touching the data folder', async () => {
    for (const value of ['abc', '-5']) {
      const dataDir = join(dir, `latency-${value}`)
      const out = await runCli(['--user-data-dir', dataDir, `--latency=${value}`])
      expect(out.code, value).toBe(1)
      expect(out.stdout).toBe('')
      expect(out.stderr).toBe(
        `preview host failed: --latency must be a number of milliseconds, 0 or more (got "${value}")\n`
      )
      await expect(readdir(dataDir)).rejects.toThrow()
    }
    // node's own refusal of `--latency -5` (a value that looks like a flag) is one line too.
    const dashed = await runCli(['--user-data-dir', join(dir, 'dashed'), '--latency', '-5'])
    expect(dashed.code).toBe(1)
    expect(dashed.stderr).toMatch(/^preview host failed: Option '--latency' argument is ambiguous\.[^\n]*\n$/)
  }, 40_000)

  it('refuses a data folder another host is using, in one line naming the folder and that host’s pid', async () => {
    const dataDir = join(dir, 'in-use')
    const first = await startPreviewHost({
      dataDir,
      rendererDir: join(dir, 'renderer'),
      vault: new MemoryVault(),
      demo: false,
      homeDir: join(dir, 'home'),
      logSink: () => undefined
    })
    try {
      const out = await runCli(['--user-data-dir', dataDir, '--demo', 'off'])
      expect(out.code).toBe(1)
      expect(out.stdout).toBe('')
      expect(out.stderr).toMatch(
        new RegExp(
          `^preview host failed: the data folder ${dataDir} is in use by another preview host \\(pid ${process.pid}\\)[^\\n]*\\n$`
        )
      )
    } finally {
      await first.close()
    }
  }, 30_000)
})
