// The last node list of each profile, in <dataDir>/cache/<profileId>.json, so the app shows something at
// once and while offline. The list is a cache: anything unreadable just reads as "nothing known". The same file
// holds the profile's creates whose outcome is not known yet; they are read apart from the list, so a node row
// this version cannot read never makes the app forget a create that may have made a node.
import { join } from 'node:path'
import { z } from 'zod'
import { NodeSummarySchema } from '../../../shared/domain/node-summary.schema'
import { DIR_MODE, isNotFound, nodeDiskFs, TMP_MARK, writeFileAtomic, type DiskFs } from './atomic-file'
import type { PendingCreateRecord } from '../../../shared/domain/node-state'
import type { LastKnown, LastKnownCache } from './profiles.types'

const ListSchema = z.object({ nodes: z.array(NodeSummarySchema), fetchedAt: z.string().nullable() })

const PendingCreateSchema = z.object({
  requestId: z.string().min(1).max(200),
  names: z.array(z.string()).min(1),
  existingIds: z.array(z.number()),
  postedAt: z.number(),
  checkAfter: z.number().nullable()
}) satisfies z.ZodType<PendingCreateRecord>

// One unreadable entry must not drop the others.
function readCreates(raw: unknown): PendingCreateRecord[] {
  const list = z.object({ creates: z.array(z.unknown()) }).safeParse(raw)
  if (!list.success) return []
  return list.data.creates.flatMap((c) => {
    const one = PendingCreateSchema.safeParse(c)
    return one.success ? [one.data] : []
  })
}

// Profile ids become file names: refuse anything that could leave the cache folder.
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/

export function createLastKnownCache(opts: { dataDir: string; fs?: DiskFs }): LastKnownCache {
  const fs = opts.fs ?? nodeDiskFs
  const dir = join(opts.dataDir, 'cache')
  const fileOf = (profileId: string): string | null => (SAFE_ID.test(profileId) ? join(dir, `${profileId}.json`) : null)

  return {
    async load(profileId) {
      const path = fileOf(profileId)
      if (!path) return null
      let raw: unknown
      try {
        raw = JSON.parse(await fs.readFile(path))
      } catch {
        return null
      }
      const creates = readCreates(raw)
      const list = ListSchema.safeParse(raw)
      if (!list.success) return creates.length ? { nodes: [], fetchedAt: null, creates } : null
      return creates.length ? { ...list.data, creates } : list.data
    },
    async save(profileId, value: LastKnown) {
      const path = fileOf(profileId)
      if (!path) return
      await fs.mkdir(dir, DIR_MODE)
      const creates = value.creates?.length ? { creates: value.creates } : {}
      await writeFileAtomic(fs, path, JSON.stringify({ nodes: value.nodes, fetchedAt: value.fetchedAt, ...creates }))
    },
    async delete(profileId) {
      const path = fileOf(profileId)
      if (!path) return
      await fs.unlink(path).catch((err: unknown) => {
        if (!isNotFound(err)) throw err
      })
    }
  }
}

/**
 * Start-up sweep: temp files a crash left in cache/, and the cache files of profiles that no longer exist. Call it
 * only with the ids of a profile file that loaded cleanly: with a guessed list it would delete real data.
 */
export async function sweepLastKnown(
  opts: { dataDir: string; fs?: DiskFs },
  profileIds: readonly string[]
): Promise<string[]> {
  const fs = opts.fs ?? nodeDiskFs
  const dir = join(opts.dataDir, 'cache')
  const keep = new Set(profileIds.map((id) => `${id}.json`))
  const names = await fs.readdir(dir).catch(() => [] as string[])
  const removed: string[] = []
  for (const name of names) {
    const temp = name.includes(TMP_MARK)
    const orphan = name.endsWith('.json') && !keep.has(name)
    if (!temp && !orphan) continue
    try {
      await fs.unlink(join(dir, name))
      removed.push(name)
    } catch (err) {
      if (!isNotFound(err)) throw err
    }
  }
  return removed
}
