// Issue 11 E.4: at start, temp files a crash left in cache/ and the caches of profiles that no longer exist are
// swept, but only when the profile file loaded cleanly: ids read from a damaged file must not delete real caches.
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { startMainHarness, type MainHarness } from './harness'

let h: MainHarness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

const leftovers = async (dataDir: string): Promise<void> => {
  const cache = join(dataDir, 'cache')
  await mkdir(cache, { recursive: true })
  await writeFile(join(cache, 'p-deleted0000000.json'), JSON.stringify({ nodes: [], fetchedAt: null }))
  await writeFile(join(cache, 'p-deleted0000000.json.tmp-41-abcd1234'), '{"nodes":[')
}

it('sweeps crash temp files and caches of deleted profiles at start', async () => {
  h = await startMainHarness({ prepare: leftovers })
  const left = await readdir(join(h.dataDir, 'cache'))
  expect(left.filter((n) => n.startsWith('p-deleted'))).toEqual([])
})

it('sweeps nothing when the profile file did not load cleanly', async () => {
  h = await startMainHarness({
    prepare: async (dataDir) => {
      await leftovers(dataDir)
      await writeFile(join(dataDir, 'profiles.json'), '{"version": 2, "profiles": [')
    }
  })
  expect(h.main.profiles.notices.length).toBeGreaterThan(0)
  const left = await readdir(join(h.dataDir, 'cache'))
  expect(left.filter((n) => n.startsWith('p-deleted')).sort()).toEqual([
    'p-deleted0000000.json',
    'p-deleted0000000.json.tmp-41-abcd1234'
  ])
})
