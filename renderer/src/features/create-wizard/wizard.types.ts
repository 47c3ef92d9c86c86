// The wizard's steps and the draft the user fills in. Plain data so the rules and the cost can be pure functions.
import type { OsVersion, Plan } from '../../../../shared/domain/catalog'

// Location and OS share the first step: a profile is one project in one location, so the location choice is
// between this project's profiles (Delhi / Chennai), and what differs between them shows once an OS is chosen.
export const STEPS = ['setup', 'plan', 'options', 'review', 'create', 'follow'] as const
export type StepId = (typeof STEPS)[number]

export const STEP_TITLES: Record<StepId, string> = {
  setup: 'Location and operating system',
  plan: 'Plan',
  options: 'Options',
  review: 'Review and create',
  create: 'Creating',
  follow: 'Starting up'
}

export interface WizardDraft {
  os: OsVersion | null
  plan: Plan | null
  name: string
  count: number
  sshKeyIds: number[]
  backups: boolean
  /** null = the default network. */
  vpcId: number | null
  /** null until the options load, then the project's default group. */
  securityGroupId: number | null
  reserveIp: string | null
  ipv6: boolean
  startScript: string
  /** As typed, so a half-typed size can be shown with its error. Only used for plans that require a disk. */
  diskText: string
  /** null = hourly billing, else a committed SKU id of the chosen plan. */
  committedSkuId: number | null
}

export const EMPTY_DRAFT: WizardDraft = {
  os: null,
  plan: null,
  name: '',
  count: 1,
  sshKeyIds: [],
  backups: false,
  vpcId: null,
  securityGroupId: null,
  reserveIp: null,
  ipv6: false,
  startScript: '',
  diskText: '100',
  committedSkuId: null
}

export interface PlanFilters {
  series: string
  minVcpu: string
  minRamGb: string
  gpuOnly: boolean
  sort: 'asc' | 'desc'
}

export const DEFAULT_FILTERS: PlanFilters = { series: '', minVcpu: '', minRamGb: '', gpuOnly: false, sort: 'asc' }

export const sameOs = (a: OsVersion | null, b: OsVersion | null): boolean =>
  !!a &&
  !!b &&
  a.os === b.os &&
  a.version === b.version &&
  a.subCategory === b.subCategory &&
  a.displayCategory === b.displayCategory
