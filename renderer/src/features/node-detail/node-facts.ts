// The detail panel's facts in plain words, from numbers and typed fields: no API enum names, no API price text.
import type { CommittedMode, NodeDetail, NodeSummary } from '../../../../shared/domain/node'
import { nodeCost, type PriceBook } from '../../../../shared/domain/running-cost'
import { formatDate, formatInr, formatInrForDays, formatInrPer } from '../../lib/format'

/** MyAccount has no documented per-node page (docs/e2e-api.md names none), so the link opens MyAccount itself. */
export const MYACCOUNT_URL = 'https://myaccount.e2enetworks.com/'

/** "Virtual machine", never "vm" / "committed_vm". */
export function machineKind(detail: Pick<NodeDetail, 'vmType' | 'isCommitted'> | null | undefined): string {
  const raw = (detail?.vmType ?? '').toLowerCase()
  if (raw.includes('gpu')) return 'GPU virtual machine'
  return 'Virtual machine'
}

export function osLabel(detail: Pick<NodeDetail, 'os'> | null | undefined): string | null {
  const os = detail?.os
  if (!os) return null
  return os.fullName ?? `${os.name} ${os.version}`.trim()
}

/** E2E's images log in as root. */
export function sshCommand(node: Pick<NodeSummary, 'publicIp'>): string | null {
  return node.publicIp ? `ssh root@${node.publicIp}` : null
}

const sizeGb = (gb: number | null): string | null => (gb === null ? null : `${gb} GB`)

export function specsLine(node: Pick<NodeSummary, 'vcpus' | 'memoryGb' | 'diskGb'>): string {
  const parts = [
    node.vcpus === null ? null : `${node.vcpus} vCPU`,
    sizeGb(node.memoryGb) && `${sizeGb(node.memoryGb)} RAM`,
    sizeGb(node.diskGb) && `${sizeGb(node.diskGb)} disk`
  ].filter(Boolean)
  return parts.length ? parts.join(' · ') : '—'
}

/** The node's price book: the tray's (catalog prices) with what this node's detail says laid over it. */
export function bookFor(detail: NodeDetail | null, shared: PriceBook | undefined, node: NodeSummary): PriceBook {
  const book: PriceBook = { hourlyBySku: { ...shared?.hourlyBySku }, committed: { ...shared?.committed } }
  if (detail?.pricePerHour !== undefined && detail.pricePerHour !== null)
    book.hourlyBySku[node.plan] = detail.pricePerHour
  const c = detail?.committed
  if (c && c.price !== null) book.committed[String(node.id)] = { paid: c.price, days: c.days ?? 0, termEnd: c.termEnd }
  return book
}

export interface CostLines {
  /** The rate or what was paid, e.g. "₹2.70/hour · about ₹1,971/month". */
  rate: string
  /** The running estimate, e.g. "About ₹1,234 since 3 Nov 2026". Null when the created date is unknown. */
  running: string | null
}

/** Rate and running cost as the tray estimates them (shared/domain/running-cost.ts); null when no price is known. */
export function costLines(
  node: NodeSummary,
  detail: NodeDetail | null,
  book: PriceBook,
  now: number
): CostLines | null {
  const cost = nodeCost(node, book, now)
  switch (cost.kind) {
    case 'unknown':
      return null
    case 'hourly': {
      const monthly = detail?.pricePerMonth ?? cost.perHour * 730
      return {
        rate: `${formatInrPer(cost.perHour, 'hour')} · about ${formatInrPer(monthly, 'month')}`,
        running:
          cost.sinceCreated === null
            ? null
            : `About ${formatInr(Math.round(cost.sinceCreated))} since ${formatDate(node.createdAt)}`
      }
    }
    case 'committed': {
      const term = book.committed[String(node.id)]
      return {
        rate: `${formatInrForDays(cost.paid, term?.days)}, paid up front`,
        running:
          cost.daysLeft === null ? null : `${cost.daysLeft} ${cost.daysLeft === 1 ? 'day' : 'days'} left in the term`
      }
    }
  }
}

export const MODE_LABEL: Record<CommittedMode, string> = {
  auto_renew: 'Renew automatically',
  hourly_billing: 'Switch to hourly billing',
  auto_terminate: 'Delete the node'
}

/** What happens at the term end, as a sentence. */
export function modeSummary(
  mode: CommittedMode | null | undefined,
  renew: { days: number | null; price: number | null } | null
): string {
  switch (mode) {
    case 'auto_renew':
      return renew && renew.price !== null
        ? `Renews automatically: ${formatInrForDays(renew.price, renew.days)}.`
        : 'Renews automatically for another term.'
    case 'hourly_billing':
      return 'Switches to hourly billing.'
    case 'auto_terminate':
      return 'E2E deletes the node and all of its backups.'
    default:
      return 'Not known yet: E2E did not say. Choose below to set it.'
  }
}
