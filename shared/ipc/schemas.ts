// Input schemas for every invoke channel. Main parses every input with these; the renderer's forms reuse
// the same rules so a user sees the error before the call. Objects are strict: unknown keys are refused.
import { z } from 'zod'
import { COMMITTED_MODES, NODE_ACTIONS } from '../domain/node'
import { LOCATIONS } from '../domain/location'
import { diskSizeError } from '../domain/catalog'

export const Empty = z.strictObject({})

export const ProfileId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Unknown profile id')
export const NodeId = z.number().int().positive()
export const LocationSchema = z.enum(LOCATIONS, { error: 'Location must be Delhi or Chennai' })
export const ProjectIdSchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}$/, 'Project id must be digits only, e.g. 51734')

/**
 * Characters a name must not hold because they show nothing or change how the text around them shows: controls (Cc),
 * format characters (Cf: bidi overrides, zero-width spaces and joiners), line and paragraph separators, unpaired
 * surrogates, other default-ignorables (Hangul fillers, variation selectors) and the blank braille pattern.
 */
const INVISIBLE_RE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800]/u
const INVISIBLE_ALL_RE = new RegExp(INVISIBLE_RE.source, 'gu')

/** The first invisible or control character in `s`, as "U+202E"; null when there is none. */
export function invisibleCharIn(s: string): string | null {
  const c = INVISIBLE_RE.exec(s)?.[0].codePointAt(0)
  return c === undefined ? null : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`
}

/** `raw` in NFC without its invisible characters, trimmed: what an imported alias may suggest as a name. */
export function cleanProfileName(raw: string): string {
  return raw.normalize('NFC').replace(INVISIBLE_ALL_RE, '').trim()
}

/** Two names that look the same have the same key: NFC, no invisible characters, spaces as one, any case. */
export function profileNameKey(name: string): string {
  return cleanProfileName(name).replace(/\s+/gu, ' ').toLocaleLowerCase().normalize('NFC')
}

export const ProfileName = z
  .string()
  .trim()
  .normalize('NFC')
  .superRefine((v, ctx) => {
    const c = invisibleCharIn(v)
    if (c) ctx.addIssue({ code: 'custom', message: `Name contains an invisible or control character (${c})` })
  })
  .min(1, 'Name is required')
  .max(40, 'Name must be at most 40 characters')
export const ApiKeySchema = z
  .string()
  .trim()
  .min(8, 'API key looks too short')
  .max(200, 'API key looks too long')
  .regex(/^[A-Za-z0-9-]+$/, 'API key may contain only letters, digits and dashes')
export const AuthTokenSchema = z
  .string()
  .trim()
  .min(16, 'Auth token looks too short')
  .max(8192, 'Auth token looks too long')
  .regex(/^[A-Za-z0-9._~+/=-]+$/, 'Auth token has characters a token cannot contain')
export const ApiBaseUrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine((v) => {
    try {
      const u = new URL(v)
      // Plain http only for loopback (the simulator); real endpoints must be https.
      return (
        u.protocol === 'https:' ||
        (u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost'))
      )
    } catch {
      return false
    }
  }, 'API base URL must be an https:// URL')
export const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #3b82f6')
export const InitialsSchema = z.string().trim().min(1).max(2, 'Initials are one or two characters')

export const ProfileCreateInput = z.strictObject({
  name: ProfileName,
  projectId: ProjectIdSchema,
  location: LocationSchema,
  apiBaseUrl: ApiBaseUrlSchema.optional(),
  color: ColorSchema.optional(),
  initials: InitialsSchema.optional(),
  apiKey: ApiKeySchema,
  authToken: AuthTokenSchema
})

// Blank credentials keep the stored ones.
const blankable = <T extends z.ZodType<string>>(s: T) => z.union([z.literal(''), s]).optional()
export const ProfileUpdateInput = z.strictObject({
  profileId: ProfileId,
  name: ProfileName.optional(),
  projectId: ProjectIdSchema.optional(),
  location: LocationSchema.optional(),
  apiBaseUrl: ApiBaseUrlSchema.optional(),
  color: ColorSchema.optional(),
  initials: InitialsSchema.optional(),
  apiKey: blankable(ApiKeySchema),
  authToken: blankable(AuthTokenSchema)
})

/** A stored profile's credentials, ones typed into the form, or one alias of a pending import (not yet saved). */
export const CheckCredentialsInput = z.union([
  z.strictObject({ profileId: ProfileId }),
  z.strictObject({
    importId: z.string().min(1).max(64),
    alias: z.string().min(1).max(100),
    apiBaseUrl: ApiBaseUrlSchema.optional()
  }),
  z.strictObject({ apiKey: ApiKeySchema, authToken: AuthTokenSchema, apiBaseUrl: ApiBaseUrlSchema.optional() })
])

export const ImportKind = z.enum(['token-file', 'e2ectl'])
export const ImportKindInput = z.strictObject({ kind: ImportKind })
export const ImportEntryInput = z.strictObject({
  alias: z.string().min(1).max(100),
  name: ProfileName,
  projectId: ProjectIdSchema,
  location: LocationSchema
})
/** Main's checks of one alias of a pending import (token expiry, API address, E2E's answer, project lookup). */
export const ImportCheckInput = z.strictObject({
  importId: z.string().min(1).max(64),
  alias: z.string().min(1).max(100)
})
export const ImportInput = z.strictObject({
  importId: z.string().min(1).max(64),
  entries: z.array(ImportEntryInput).min(1, 'Pick at least one profile to import').max(50)
})

export const NodeRef = z.strictObject({ profileId: ProfileId, nodeId: NodeId })
export const NodeActionInput = z.strictObject({
  profileId: ProfileId,
  nodeId: NodeId,
  action: z.enum(NODE_ACTIONS)
})
export const DeleteNodeInput = z.strictObject({
  profileId: ProfileId,
  nodeId: NodeId,
  /** The user typed the node's name; main checks it matches. */
  confirmName: z.string().max(100),
  reserveIp: z.boolean()
})
export const CommittedSettingsInput = z
  .strictObject({
    profileId: ProfileId,
    nodeId: NodeId,
    mode: z.enum(COMMITTED_MODES),
    committedPlanId: z.number().int().positive().optional()
  })
  .refine((v) => v.mode !== 'auto_renew' || v.committedPlanId !== undefined, {
    message: 'Choose the committed plan to renew with',
    path: ['committedPlanId']
  })

export const NODE_NAME_RE = /^[A-Za-z0-9_-]{1,50}$/
export const NodeName = z.string().regex(NODE_NAME_RE, 'Name: 1–50 letters, digits, - or _ (no spaces)')

export const CreateNodeInput = z
  .strictObject({
    profileId: ProfileId,
    /** Idempotency key from the wizard: a retried call with the same id never creates twice. */
    requestId: z.string().uuid(),
    name: NodeName,
    plan: z.string().min(3).max(200),
    image: z.string().min(1).max(200),
    count: z
      .number()
      .int('Count must be a whole number, 1 to 5')
      .min(1, 'Count must be 1 to 5')
      .max(5, 'Count must be 1 to 5'),
    sshKeys: z.array(z.string().min(20).max(16384)).max(20),
    backups: z.boolean(),
    vpcId: z.number().int().positive().optional(),
    securityGroupId: z.number().int().positive().optional(),
    reserveIp: z.ipv4().optional(),
    ipv6: z.boolean(),
    startScript: z.string().max(16384).optional(),
    disk: z.number().int().optional(),
    committedSkuId: z.number().int().positive().optional()
  })
  .superRefine((v, ctx) => {
    if (v.disk !== undefined) {
      const msg = diskSizeError(v.disk)
      if (msg) ctx.addIssue({ code: 'custom', message: msg, path: ['disk'] })
    }
    if (v.reserveIp !== undefined && v.count > 1) {
      ctx.addIssue({ code: 'custom', message: 'A reserved IP can be used for one node only', path: ['reserveIp'] })
    }
  })

export const PlansInput = z.strictObject({
  profileId: ProfileId,
  os: z.string().min(1).max(100),
  version: z.string().min(1).max(100),
  subCategory: z.string().max(100),
  displayCategory: z.string().min(1).max(100)
})

export const SettingsPatch = z.strictObject({
  steadyIntervalSec: z.number().int().min(15, 'At least 15 seconds').max(3600, 'At most an hour').optional(),
  notifications: z.boolean().optional(),
  launchAtLogin: z.boolean().optional(),
  startHidden: z.boolean().optional(),
  quitOnClose: z.boolean().optional(),
  showDemo: z.boolean().optional(),
  /** The opposite of showDemo (older callers); when both come, showDemo wins. */
  hideDemo: z.boolean().optional(),
  glanceShortcut: z.boolean().optional()
})

export const NoticeRef = z.strictObject({ id: z.string().min(1).max(100) })
export const ClipboardInput = z.strictObject({ text: z.string().min(1).max(2000) })
/** `firstByName`: only the first N nodes of each profile in name order, for a fast first paint; the full list follows. */
export const SnapshotInput = z.strictObject({ firstByName: z.number().int().min(1).max(1000).optional() })
export const OpenExternalInput = z.strictObject({ url: z.string().max(2048) })
export const ProfileRef = z.strictObject({ profileId: ProfileId })
export const OptionalProfileRef = z.strictObject({ profileId: ProfileId.optional() })
export const PauseInput = z.strictObject({ paused: z.boolean() })
export const TrayActivateInput = z.strictObject({ itemId: z.string().min(1).max(300) })
export const DialogResponseInput = z.strictObject({
  dialogId: z.string().min(1).max(64),
  response: z.number().int().min(-1).max(10),
  path: z.string().max(4096).optional()
})

/**
 * The create wizard's unfinished choices. Kept in main's memory only, never on disk (a start script may hold
 * secrets), so a draft survives closing the window but not quitting. Every field is capped: at most ~70 KB.
 */
export const WIZARD_DRAFT_STEPS = ['setup', 'plan', 'options', 'review'] as const
/** Twice the create limit, so a script that is a little too long is still kept while the user trims it. */
export const WIZARD_DRAFT_MAX_SCRIPT = 32768
export const WizardDraftSchema = z.strictObject({
  profileId: ProfileId,
  step: z.enum(WIZARD_DRAFT_STEPS),
  os: z
    .strictObject({
      os: z.string().min(1).max(100),
      version: z.string().min(1).max(100),
      subCategory: z.string().max(100),
      displayCategory: z.string().min(1).max(100)
    })
    .nullable(),
  /** The plan by slug (prices are read again on resume); the SKU only names the draft. */
  plan: z.strictObject({ slug: z.string().min(3).max(200), sku: z.string().min(1).max(100) }).nullable(),
  name: z.string().max(100),
  count: z.number().int().min(1).max(5),
  sshKeyIds: z.array(z.number().int().positive()).max(100),
  backups: z.boolean(),
  vpcId: z.number().int().positive().nullable(),
  securityGroupId: z.number().int().positive().nullable(),
  reserveIp: z.string().max(64).nullable(),
  ipv6: z.boolean(),
  startScript: z.string().max(WIZARD_DRAFT_MAX_SCRIPT),
  diskText: z.string().max(16),
  committedSkuId: z.number().int().positive().nullable()
})
/** `draft: null` forgets the draft (after a create, or when the user discards it). */
export const WizardDraftSaveInput = z.strictObject({ draft: WizardDraftSchema.nullable() })
