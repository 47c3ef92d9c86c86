// NodeSummary as zod, for copies of node lists read back from disk or storage (main's last-known cache, the
// window's saved first screen): a copy that does not match is not trusted. Unknown keys are dropped, not refused.
import { z } from 'zod'
import { LOCATIONS } from './location'
import type { NodeSummary } from './node'

export const NodeSummarySchema = z.object({
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
