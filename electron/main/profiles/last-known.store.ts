// The last node list of each profile, in <dataDir>/cache/<profileId>.json, so the app shows something at
// once and while offline. It is a cache: anything unreadable just reads as "nothing known".
import { join } from 'node:path'
import { z } from 'zod'
import { LOCATIONS } from '../../../shared/domain/location'
import type { NodeSummary } from '../../../shared/domain/node'
import { DIR_MODE, isNotFound, nodeStoreFs, writeFileAtomic, type StoreFs } from './atomic-file'
import type { LastKnown, LastKnownStore } from './profiles.types'

const NodeSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  status: z.enum(['RUNNING', 'OFF', 'CREATING', 'REINSTALLING', 'SAVING', 'FAILED', 'UNKNOWN']),
  rawStatus: z.string(),
  plan: z.string(),
  publicIp: z.string().nullable(),
  privateIp: z.string().nullable(),
  isLocked: z.boolean(),
  isProtected: z.boolean(),
  isCommitted: z.boolean(),
  createdAt: z.string().nullable(),
  location: z.enum(LOCATIONS).nullable(),
  vcpus: z.number().nullable(),
  memoryGb: z.number().nullable(),
  diskGb: z.number().nullable()
}) satisfies z.ZodType<NodeSummary>

const LastKnownSchema = z.object({ nodes: z.array(NodeSummarySchema), fetchedAt: z.string() })

// Profile ids become file names: refuse anything that could leave the cache folder.
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/

export function createLastKnownStore(opts: { dataDir: string; fs?: StoreFs }): LastKnownStore {
  const fs = opts.fs ?? nodeStoreFs
  const dir = join(opts.dataDir, 'cache')
  const fileOf = (profileId: string): string | null => (SAFE_ID.test(profileId) ? join(dir, `${profileId}.json`) : null)

  return {
    async load(profileId) {
      const path = fileOf(profileId)
      if (!path) return null
      try {
        const parsed = LastKnownSchema.safeParse(JSON.parse(await fs.readFile(path)))
        return parsed.success ? parsed.data : null
      } catch {
        return null
      }
    },
    async save(profileId, value: LastKnown) {
      const path = fileOf(profileId)
      if (!path) return
      await fs.mkdir(dir, DIR_MODE)
      await writeFileAtomic(fs, path, JSON.stringify({ nodes: value.nodes, fetchedAt: value.fetchedAt }))
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
