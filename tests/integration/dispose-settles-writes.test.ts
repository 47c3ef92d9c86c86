// Stopping the nodes service must wait for every write it started: the last-known list of a refresh is saved in
// the background, and a write still running after stop() once made removing the data folder fail with ENOTEMPTY
// (tests/integration/snapshot-first-page.test.ts, now and then). After stop() resolves, every refreshed profile's
// cache file is complete and no temp file is left; nothing writes into the folder any more.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMainHarness, type MainHarness } from './harness'

let h: MainHarness
beforeAll(async () => {
  h = await startMainHarness()
  const conn = await h.demo.ensureStarted()
  const first = conn.projects[0]!
  // A big list makes the background write long enough to still be running when stop() is called.
  h.sim.control.addNodes({
    apiKey: conn.apiKey,
    projectId: first.projectId,
    location: first.location,
    count: 400,
    status: 'mixed'
  })
})
afterAll(() => h.close())

describe('stopping the nodes service', () => {
  it('waits for the last-known writes a refresh started, so the data folder can be removed at once', async () => {
    await h.main.nodes.refresh()
    const live = h.main.nodes.snapshot().filter((p) => p.source === 'live')
    expect(live.length).toBeGreaterThan(0)

    await h.main.nodes.stop()

    const cacheDir = join(h.dataDir, 'cache')
    const names = await readdir(cacheDir)
    expect(names.filter((n) => n.includes('.tmp-'))).toEqual([])
    for (const p of live) {
      expect(names).toContain(`${p.profileId}.json`)
      const saved = JSON.parse(await readFile(join(cacheDir, `${p.profileId}.json`), 'utf8')) as { nodes: unknown[] }
      expect(saved.nodes.length).toBe(p.nodes.length)
    }
    // Nothing is still writing: the folder looks the same a moment later.
    const sizes = async () =>
      Promise.all((await readdir(cacheDir)).sort().map(async (n) => `${n}:${(await stat(join(cacheDir, n))).size}`))
    const before = await sizes()
    await new Promise((r) => setTimeout(r, 50))
    expect(await sizes()).toEqual(before)
  })
})
