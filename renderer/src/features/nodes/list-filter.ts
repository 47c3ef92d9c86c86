// Search, status filter and sort for the node list. Sorting runs only when the data or the sort key changes;
// a keystroke only filters the already-sorted rows, which keeps 10,000 rows under a frame.
import { compareNodesByName } from '../../../../shared/domain/node-status'
import type { NodeStatus, NodeSummary } from '../../../../shared/domain/node'

export interface NodeRow {
  profileId: string
  node: NodeSummary
  /** Lower-case name and IPs, built once per data change so a keystroke does one `includes` per row. */
  search?: string
}

export function searchKey(node: NodeSummary): string {
  return `${node.name.toLowerCase()}\u0000${node.publicIp ?? ''}\u0000${node.privateIp ?? ''}`
}

export type SortKey = 'name' | 'status' | 'created'
export type StatusFilter = NodeStatus | 'all'

const STATUS_ORDER: Record<NodeStatus, number> = {
  RUNNING: 0,
  CREATING: 1,
  REINSTALLING: 2,
  SAVING: 3,
  OFF: 4,
  FAILED: 5,
  UNKNOWN: 6
}

export function sortRows(rows: NodeRow[], key: SortKey): NodeRow[] {
  const byName = (a: NodeRow, b: NodeRow) => compareNodesByName(a.node, b.node)
  const out = rows.slice()
  if (key === 'name') return out.sort(byName)
  if (key === 'status')
    return out.sort((a, b) => STATUS_ORDER[a.node.status] - STATUS_ORDER[b.node.status] || byName(a, b))
  // Newest first; nodes without a date go last.
  const time = (r: NodeRow) => (r.node.createdAt ? Date.parse(r.node.createdAt) || 0 : 0)
  return out.sort((a, b) => time(b) - time(a) || byName(a, b))
}

export function filterRows(rows: NodeRow[], text: string, status: StatusFilter): NodeRow[] {
  const q = text.trim().toLowerCase()
  if (!q && status === 'all') return rows
  return rows.filter((row) => {
    if (status !== 'all' && row.node.status !== status) return false
    if (!q) return true
    return (row.search ?? searchKey(row.node)).includes(q)
  })
}
