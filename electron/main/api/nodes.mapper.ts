// Node rows (§6 list, §7 detail, §5 create items) → NodeSummary / NodeDetail. Numbers arrive as strings,
// empty IPs in four spellings, status in several casings; the raw status text is kept for display.
import { z } from 'zod'
import { LOCATIONS, type Location } from '../../../shared/domain/location'
import type { CommittedInfo, NodeDetail, NodeSummary } from '../../../shared/domain/node'
import { normalizeStatus } from '../../../shared/domain/node-status'
import { bool, intId, ip, list, num, parseIstDate, text, toNumber, toText } from './lenient'
import { isRecord } from './envelope'

export const nodeRowSchema = z.looseObject({
  id: intId,
  name: text,
  status: text,
  plan: text,
  public_ip_address: ip,
  private_ip_address: ip,
  is_locked: bool,
  is_accidental_protection: bool,
  vm_type: text,
  is_committed: bool,
  created_at: text,
  location: text,
  vcpus: num,
  memory: num,
  disk: num
})
export type NodeRow = z.output<typeof nodeRowSchema>

export const nodeDetailSchema = nodeRowSchema.extend({
  vm_id: num,
  price: text,
  os_info: z.unknown().optional(),
  ssh_keys: list,
  start_scripts: list,
  committed_details: list,
  rescue_mode_status: text,
  security_group_count: num,
  is_upgradable: bool,
  is_vpc_attached: bool,
  lcm_state: text
})
export type NodeDetailRow = z.output<typeof nodeDetailSchema>

export function toLocation(v: string | null | undefined): Location | null {
  const hit = LOCATIONS.find((l) => l.toLowerCase() === (v ?? '').trim().toLowerCase())
  return hit ?? null
}

export function toNodeSummary(row: NodeRow, fallbackLocation: Location | null = null): NodeSummary {
  const rawStatus = row.status ?? ''
  return {
    id: row.id,
    name: row.name ?? `node-${row.id}`,
    status: normalizeStatus(rawStatus),
    rawStatus,
    plan: row.plan ?? '',
    publicIp: row.public_ip_address ?? null,
    privateIp: row.private_ip_address ?? null,
    isLocked: row.is_locked ?? false,
    isProtected: row.is_accidental_protection ?? false,
    isCommitted: row.vm_type === 'committed_vm' || row.is_committed === true,
    createdAt: row.created_at ?? null,
    location: toLocation(row.location) ?? fallbackLocation,
    vcpus: row.vcpus ?? null,
    memoryGb: row.memory ?? null,
    diskGb: row.disk ?? null
  }
}

export function toCommittedInfo(raw: unknown): CommittedInfo | null {
  if (!isRecord(raw)) return null
  const termEndRaw = toText(raw['committed_upto_date']) ?? toText(raw['committed_end_date'])
  return {
    skuId: toNumber(raw['committed_sku_id']),
    skuName: toText(raw['committed_sku_name']),
    price: toNumber(raw['committed_sku_price']),
    days: toNumber(raw['committed_days']),
    termEndRaw,
    termEnd: parseIstDate(termEndRaw),
    message: toText(raw['committed_node_message'])
  }
}

function osOf(raw: unknown): NodeDetail['os'] {
  if (!isRecord(raw)) return null
  const name = toText(raw['name'])
  if (!name) return null
  return { name, version: toText(raw['version']) ?? '', fullName: toText(raw['full_name']) }
}

export function toNodeDetail(row: NodeDetailRow, fallbackLocation: Location | null = null): NodeDetail {
  const summary = toNodeSummary(row, fallbackLocation)
  const committedRaw = row.committed_details.find(isRecord)
  const vmType = row.vm_type ?? null
  return {
    ...summary,
    vmId: row.vm_id ?? null,
    price: row.price ?? null,
    os: osOf(row.os_info),
    sshKeys: row.ssh_keys.filter(isRecord).map((k) => ({ label: toText(k['label']) ?? '' })),
    startScriptCount: row.start_scripts.length,
    committed: committedRaw ? toCommittedInfo(committedRaw) : null,
    vmType,
    rescueMode: (row.rescue_mode_status ?? '').toLowerCase() === 'enabled',
    securityGroupCount: row.security_group_count ?? null,
    isUpgradable: row.is_upgradable ?? false,
    isVpcAttached: row.is_vpc_attached ?? false,
    lcmState: row.lcm_state ?? null
  }
}
