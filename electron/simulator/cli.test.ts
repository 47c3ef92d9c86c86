import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'

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
})
