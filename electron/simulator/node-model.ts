// The stored node record and its state machine phases (docs/e2e-api.md#node-status). Raw status text is derived from
// the phase on read.
import type { CommittedSkuDef, PlanDef } from './catalog'
import type { OffSpelling, SimLocation } from './types'

export type Phase = 'creating' | 'running' | 'off' | 'reinstalling' | 'saving' | 'failed'
export type TransitionKind = 'create' | 'power_on' | 'power_off' | 'reboot' | 'reinstall' | 'save'

export interface PendingTransition {
  kind: TransitionKind
  endsAt: number
  to: Phase
  /** saved image template finished by a save_images transition */
  templateId?: number
}

export interface CommittedState {
  sku: CommittedSkuDef
  endsAt: number
  status: 'auto_renew' | 'hourly_billing' | 'auto_terminate'
  renewSkuId: number | null
}

export interface SimNode {
  id: number
  vmId: number
  accountKey: string
  projectId: number
  location: SimLocation
  name: string
  label: string
  plan: PlanDef
  planSlug: string
  image: string
  diskGb: number
  phase: Phase
  /** raw status forced by tests/bulk seeding; cleared on the next phase change */
  statusOverride: string | null
  pending: PendingTransition | null
  isLocked: boolean
  isAccidentalProtection: boolean
  rescueMode: boolean
  isNodeCompliance: boolean
  isEncryptionEnabled: boolean
  backups: boolean
  publicIp: string | null
  /** a reserved IP used as primary address (survives power cycles and delete) */
  reservedIp: string | null
  privateIp: string
  createdAt: number
  sshKeys: { label: string; ssh_key: string }[]
  startScripts: string[]
  vpcId: number | null
  securityGroupIds: number[]
  committed: CommittedState | null
  zabbixHostId: number | null
  password: string | null
}

export function phaseStatus(node: SimNode, off: OffSpelling): string {
  if (node.statusOverride !== null) return node.statusOverride
  switch (node.phase) {
    case 'creating':
      return 'Creating'
    case 'running':
      return 'Running'
    case 'off':
      return off
    case 'reinstalling':
      return 'Reinstalling'
    case 'saving':
      return 'Saving'
    case 'failed':
      return 'Failed'
  }
}

/** Status normalisation (docs/e2e-api.md#status-text), used to turn a forced raw status into a phase. */
export function phaseFromRaw(raw: string): Phase {
  const s = raw.toLowerCase().replace(/[^a-z]/g, '')
  if (s === 'poweredoff' || s === 'stopped') return 'off'
  if (s === 'running') return 'running'
  if (s === 'creating' || s === 'pending' || s === 'created') return 'creating'
  if (s === 'reinstalling') return 'reinstalling'
  if (s === 'saving') return 'saving'
  if (s.startsWith('fail') || s.startsWith('error')) return 'failed'
  throw new Error(`unknown status "${raw}"`)
}

/**
 * Empty public IP spellings (docs/e2e-api.md#quirks-checklist, item 4), chosen per node id so each spelling shows up
 * deterministically.
 */
const EMPTY_IPS: readonly (string | null)[] = ['', null, '[]', '--']
export function emptyIpFor(id: number): string | null {
  const spelling = EMPTY_IPS[id % EMPTY_IPS.length]
  return spelling === undefined ? '' : spelling
}
