// Node rows (docs/e2e-api.md: #list-nodes, #node-detail, #create-a-node items) → NodeSummary / NodeDetail.
// Numbers arrive as strings, empty IPs in four spellings, status in several casings; the raw status text is kept
// for display.
import { z } from 'zod'
import { LOCATIONS, type Location } from '../../../shared/domain/location'
import {
  COMMITTED_MODES,
  type CommittedInfo,
  type CommittedMode,
  type NodeDetail,
  type NodeStatus,
  type NodeSummary
} from '../../../shared/domain/node'
import { normalizeStatus } from '../../../shared/domain/node-status'
import { intId, parseIstDate, toBool, toIp, toNumber, toText } from './lenient'
import { isRecord } from './envelope'

// Only `id` is structural; every other field is optional and read through the lenient converters below.
// (Expressing each one as a zod transform cost ~4 ms per 100-row page, which the paging target cannot afford.)
export const nodeRowSchema = z.looseObject({ id: intId })
export type NodeRow = z.output<typeof nodeRowSchema>

export const nodeDetailSchema = nodeRowSchema
export type NodeDetailRow = NodeRow

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

const LOCATION_BY_NAME = new Map<string, Location>(LOCATIONS.map((l) => [l.toLowerCase(), l]))

export function toLocation(v: string | null | undefined): Location | null {
  return LOCATION_BY_NAME.get((v ?? '').trim().toLowerCase()) ?? null
}

// A list's rows repeat a handful of status texts: each is normalised once (bounded, in case a server sends
// something new every time).
const statusMemo = new Map<string, NodeStatus>()
function statusOf(raw: string): NodeStatus {
  let status = statusMemo.get(raw)
  if (status === undefined) {
    status = normalizeStatus(raw)
    if (statusMemo.size < 256) statusMemo.set(raw, status)
  }
  return status
}

/** toNumber, with the commonest shape in a list row (a digit string: "4") read without a regex. */
function numberOf(v: unknown): number | null {
  if (typeof v === 'string' && v.length > 0 && v.length < 16) {
    let digits = true
    for (let i = 0; i < v.length && digits; i++) {
      const c = v.charCodeAt(i)
      digits = c >= 48 && c <= 57
    }
    if (digits) return Number(v)
  }
  return toNumber(v)
}

export function toNodeSummary(row: NodeRow, fallbackLocation: Location | null = null): NodeSummary {
  const rawStatus = toText(row['status']) ?? ''
  return {
    id: row.id,
    name: toText(row['name']) ?? `node-${row.id}`,
    status: statusOf(rawStatus),
    rawStatus,
    plan: toText(row['plan']) ?? '',
    publicIp: toIp(row['public_ip_address']),
    privateIp: toIp(row['private_ip_address']),
    isLocked: toBool(row['is_locked']),
    isProtected: toBool(row['is_accidental_protection']),
    isCommitted: toText(row['vm_type']) === 'committed_vm' || toBool(row['is_committed']),
    createdAt: toText(row['created_at']),
    location: toLocation(toText(row['location'])) ?? fallbackLocation,
    vcpus: numberOf(row['vcpus']),
    memoryGb: numberOf(row['memory']),
    diskGb: numberOf(row['disk'])
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
    message: toText(raw['committed_node_message']),
    mode: toCommittedMode(raw['committed_node_status'])
  }
}

function toCommittedMode(v: unknown): CommittedMode | null {
  const text = toText(v)?.toLowerCase()
  return COMMITTED_MODES.find((m) => m === text) ?? null
}

const amount = (m: RegExpMatchArray | null): number | null => (m?.[1] ? toNumber(m[1].replace(/,/g, '')) : null)

/** "Rs. 2.7/Hour or Rs. 1971.0 Monthly" → 2.7 and 1971: the window formats numbers, never the API's text. */
export function parsePriceText(text: string | null): { perHour: number | null; perMonth: number | null } {
  if (!text) return { perHour: null, perMonth: null }
  return {
    perHour: amount(text.match(/([\d.,]+)\s*\/\s*hour/i)),
    perMonth: amount(text.match(/([\d.,]+)\s*(?:\/\s*)?month/i))
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
  const committedRaw = asList(row['committed_details']).find(isRecord)
  const price = parsePriceText(toText(row['price']))
  return {
    ...summary,
    vmId: toNumber(row['vm_id']),
    price: toText(row['price']),
    pricePerHour: price.perHour,
    pricePerMonth: price.perMonth,
    os: osOf(row['os_info']),
    sshKeys: asList(row['ssh_keys'])
      .filter(isRecord)
      .map((k) => ({ label: toText(k['label']) ?? '' })),
    startScriptCount: asList(row['start_scripts']).length,
    committed: committedRaw ? toCommittedInfo(committedRaw) : null,
    vmType: toText(row['vm_type']),
    rescueMode: (toText(row['rescue_mode_status']) ?? '').toLowerCase() === 'enabled',
    securityGroupCount: toNumber(row['security_group_count']),
    isUpgradable: toBool(row['is_upgradable']),
    isVpcAttached: toBool(row['is_vpc_attached']),
    lcmState: toText(row['lcm_state'])
  }
}
