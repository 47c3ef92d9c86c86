// The full check of the window's saved first screen (boot-cache.ts). zod is not in the first-paint chunk, so this
// module is loaded when the page is idle after that paint: a copy that fails here is dropped, and the next start
// waits for main instead of painting it. Objects are loose: a field added later does not make an old copy bad.
import { z } from 'zod'
import { LOCATIONS } from '../../../shared/domain/location'
import { NodeSummarySchema } from '../../../shared/domain/node-summary.schema'

const isoOrNull = z.string().nullable()

const ProfileNodes = z.looseObject({
  profileId: z.string(),
  nodes: z.array(NodeSummarySchema),
  fetchedAt: isoOrNull,
  source: z.enum(['live', 'cache', 'none']),
  refreshing: z.boolean(),
  error: z.looseObject({ code: z.string(), message: z.string() }).nullable(),
  pending: z.record(z.string(), z.looseObject({})),
  polling: z.looseObject({ paused: z.boolean(), intervalMs: z.number() }),
  totalNodes: z.number().int().optional()
})

const ProfileView = z.looseObject({
  id: z.string(),
  name: z.string(),
  projectId: z.string(),
  location: z.enum(LOCATIONS),
  color: z.string(),
  initials: z.string(),
  isDemo: z.boolean(),
  // Never a key hint on disk: a copy that has one was not written by this app.
  credentials: z.looseObject({ hasCredentials: z.boolean(), apiKeyHint: z.null(), tokenState: z.string() })
})

export const FirstScreenSchema = z.object({
  v: z.literal(1),
  info: z.looseObject({
    name: z.string(),
    version: z.string(),
    platform: z.string(),
    demoMode: z.boolean(),
    preview: z.boolean(),
    notices: z.array(z.unknown())
  }),
  settings: z.looseObject({ steadyIntervalSec: z.number(), hideDemo: z.boolean() }),
  profiles: z.array(ProfileView),
  nodes: z.array(ProfileNodes)
})

export const isValidFirstScreen = (value: unknown): boolean => FirstScreenSchema.safeParse(value).success
