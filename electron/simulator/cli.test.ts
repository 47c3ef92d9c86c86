import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { parseLatencyMs, parsePort, parseSimulatorArgs } from './cli-args'

describe('cli', () => {
  it('prints one JSON line first, logs redacted requests to stderr and exits cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/simulator/cli.ts', '--port', '0', '--seed', 'demo'],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString()
    })
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string]
    const info = JSON.parse(line) as {
      baseUrl: string
      apiKey: string
      authToken: string
      projects: { projectId: number }[]
      locations: string[]
      controlSecret: string
    }
    expect(info.locations).toEqual(['Delhi', 'Chennai'])
    expect(info.projects).toHaveLength(2)
    const url = `${info.baseUrl}/nodes/?apikey=${info.apiKey}&project_id=${info.projects[0]?.projectId ?? 0}&location=Delhi`
    const res = await fetch(url, { headers: { authorization: `Bearer ${info.authToken}` } })
    expect(res.status).toBe(200)
    await new Promise((r) => setTimeout(r, 100))
    expect(stderr).toContain('GET nodes/')
    expect(stderr).not.toContain(info.apiKey)
    child.kill('SIGTERM')
    const [code] = (await once(child, 'exit')) as [number | null]
    expect(code).toBe(0)
  })

  // Outside tester: `--latency abc` was accepted and meant no latency.
  it('refuses a bad --latency in one line with exit code 1, like its other bad flags', async () => {
    for (const [args, message] of [
      [['--latency', 'abc'], '--latency must be a number of milliseconds, 0 or more (got "abc")'],
      [['--latency', '-1'], '--latency must be a number of milliseconds, 0 or more (got "-1")'],
      [['--transitions', 'slow'], '--transitions must be instant, fast or real']
    ] as const) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'electron/simulator/cli.ts', '--port', '0', ...args], {
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let out = ''
      let err = ''
      child.stdout.on('data', (c: Buffer) => (out += c.toString()))
      child.stderr.on('data', (c: Buffer) => (err += c.toString()))
      // A simulator that took the flag would serve forever: stop it, so the test fails instead of hanging.
      const timer = setTimeout(() => child.kill('SIGTERM'), 8_000)
      const [code] = (await once(child, 'exit')) as [number | null]
      clearTimeout(timer)
      expect(code, args.join(' ')).toBe(1)
      expect(out).toBe('')
      expect(err).toBe(`simulator: ${message}\n`)
    }
  }, 30_000)

  it('reads --latency as milliseconds, 0 or more', () => {
    expect(parseSimulatorArgs(['--latency', '0'])).toEqual({ latencyMs: 0 })
    expect(parseSimulatorArgs(['--latency', '250'])).toEqual({ latencyMs: 250 })
    expect(parseSimulatorArgs(['--latency', '2.5'])).toEqual({ latencyMs: 2.5 })
    for (const bad of ['abc', '', ' ', '-1', '1e3', '0x10', 'Infinity', 'NaN', '5 '])
      expect(() => parseLatencyMs(bad), JSON.stringify(bad)).toThrow(/^--latency must be a number of milliseconds/)
    expect(() => parseSimulatorArgs(['--latency'])).toThrow('--latency needs a value')
  })

  it('reads --port as a whole number from 0 to 65535, and says so otherwise', () => {
    expect(parseSimulatorArgs(['--port', '0'])).toEqual({ port: 0 })
    expect(parseSimulatorArgs(['--port', '8080'])).toEqual({ port: 8080 })
    expect(parsePort('65535')).toBe(65535)
    for (const bad of ['abc', '', '-1', '70000', '80.5', '1e3', ' 80'])
      expect(() => parsePort(bad), JSON.stringify(bad)).toThrow(/^--port must be a whole number from 0 to 65535/)
  })
})
