// Bulk power and delete on the checked rows, as plain functions: which nodes the rules let through (the others
// are skipped with the same reason the detail would give), and a runner that sends a few at a time, reports
// progress and keeps each failure with its node, so "Retry failed" sends only those.
import { actionAvailability, deleteAvailability } from '../../../../shared/domain/node-rules'
import { asAppError, type AppError } from '../../lib/ipc'
import type { NodeRow } from './list-filter'
import { formatCount } from '../../lib/format'

export type BulkKind = 'power_on' | 'power_off' | 'delete'

export interface Skipped {
  row: NodeRow
  reason: string
}

export interface BulkPlan {
  ready: NodeRow[]
  skipped: Skipped[]
}

export interface PlanContext {
  /** Why none of the profile's nodes can be acted on (offline, credentials, keychain), or null. */
  blockReason(profileId: string): string | null
  /** One of our changes is already under way on the node. */
  isBusy(row: NodeRow): boolean
}

export const BUSY_SKIP = 'A change is already under way on this node'

export function planBulk(kind: BulkKind, rows: readonly NodeRow[], ctx: PlanContext): BulkPlan {
  const ready: NodeRow[] = []
  const skipped: Skipped[] = []
  for (const row of rows) {
    const blocked = ctx.blockReason(row.profileId)
    const rule = kind === 'delete' ? deleteAvailability(row.node) : actionAvailability(row.node, kind)
    const reason =
      blocked ??
      (rule.allowed ? null : (rule.reason ?? 'Not possible right now')) ??
      (ctx.isBusy(row) ? BUSY_SKIP : null)
    if (reason) skipped.push({ row, reason })
    else ready.push(row)
  }
  return { ready, skipped }
}

export interface Failure {
  row: NodeRow
  error: AppError
}

export interface BulkOutcome {
  done: NodeRow[]
  failed: Failure[]
  /** Not sent because the user stopped the run. */
  notSent: NodeRow[]
}

export interface RunOptions {
  /** How many requests at once: enough to be quick, few enough not to trip E2E's rate limit. */
  concurrency?: number
  onProgress?(finished: number, total: number): void
  /** Checked before each send: true stops sending (requests already sent finish). */
  stopped?(): boolean
}

export const BULK_CONCURRENCY = 4

export async function runBulk(
  rows: readonly NodeRow[],
  send: (row: NodeRow) => Promise<unknown>,
  opts: RunOptions = {}
): Promise<BulkOutcome> {
  const limit = Math.max(1, opts.concurrency ?? BULK_CONCURRENCY)
  const done: NodeRow[] = []
  const failed: Failure[] = []
  const notSent: NodeRow[] = []
  let next = 0
  let finished = 0
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++] as NodeRow
      if (opts.stopped?.()) {
        notSent.push(row)
        continue
      }
      try {
        await send(row)
        done.push(row)
      } catch (e) {
        failed.push({ row, error: asAppError(e) })
      }
      opts.onProgress?.(++finished, rows.length)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, rows.length) }, worker))
  // In the order the user saw them, whatever order the answers came in.
  const order = new Map(rows.map((r, i) => [r, i]))
  const byOrder = (a: NodeRow, b: NodeRow) => (order.get(a) ?? 0) - (order.get(b) ?? 0)
  done.sort(byOrder)
  notSent.sort(byOrder)
  failed.sort((a, b) => byOrder(a.row, b.row))
  return { done, failed, notSent }
}

export const BULK_VERB: Record<BulkKind, { title: string; button: string; running: string; past: string }> = {
  power_on: { title: 'Power on', button: 'Power on', running: 'Powering on', past: 'powered on' },
  power_off: { title: 'Power off', button: 'Power off', running: 'Powering off', past: 'powered off' },
  delete: { title: 'Delete', button: 'Delete', running: 'Deleting', past: 'deleted' }
}

export const nodesWord = (n: number): string => `${formatCount(n)} ${n === 1 ? 'node' : 'nodes'}`
