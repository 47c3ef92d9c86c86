import type { Location } from './location'

/** Normalised node status; the API's raw text is kept beside it as `rawStatus`. */
export type NodeStatus = 'RUNNING' | 'OFF' | 'CREATING' | 'REINSTALLING' | 'SAVING' | 'FAILED' | 'UNKNOWN'

export interface NodeSummary {
  id: number
  name: string
  status: NodeStatus
  rawStatus: string
  /** Short SKU, e.g. "C3.16GB". */
  plan: string
  publicIp: string | null
  privateIp: string | null
  isLocked: boolean
  isProtected: boolean
  isCommitted: boolean
  createdAt: string | null
  location: Location | null
  vcpus: number | null
  memoryGb: number | null
  diskGb: number | null
}

export interface CommittedInfo {
  skuId: number | null
  skuName: string | null
  price: number | null
  days: number | null
  /** As the API sent it, e.g. "21-January-2027 14:05". */
  termEndRaw: string | null
  /** Parsed from termEndRaw when possible (treated as IST). */
  termEnd: string | null
  message: string | null
  /** What happens at the term end, when E2E says (or this app saved it since); absent or null when unknown. */
  mode?: CommittedMode | null
  /** The committed plan chosen for the renewal, when known (auto_renew). */
  renewPlanId?: number | null
}

export interface NodeDetail extends NodeSummary {
  vmId: number | null
  price: string | null
  /** Read from `price` ("Rs. 2.7/Hour or Rs. 1971.0 Monthly"): numbers to format, never the API's text. */
  pricePerHour?: number | null
  pricePerMonth?: number | null
  os: { name: string; version: string; fullName: string | null } | null
  sshKeys: { label: string }[]
  startScriptCount: number
  committed: CommittedInfo | null
  vmType: string | null
  rescueMode: boolean
  securityGroupCount: number | null
  isUpgradable: boolean
  isVpcAttached: boolean
  lcmState: string | null
}

export const NODE_ACTIONS = [
  'power_on',
  'power_off',
  'reboot',
  'lock_vm',
  'unlock_vm',
  'enable_accidental_protection',
  'disable_accidental_protection'
] as const
export type NodeAction = (typeof NODE_ACTIONS)[number]

export const COMMITTED_MODES = ['auto_renew', 'hourly_billing', 'auto_terminate'] as const
export type CommittedMode = (typeof COMMITTED_MODES)[number]
