// Node reads and actions: docs/e2e-api.md#nodes.
import { z } from 'zod'
import type { NodeAction, NodeDetail, NodeSummary } from '../../../shared/domain/node'
import { DomainError, isDomainError } from '../errors'
import type { ActionReceipt, CallOptions } from './client.types'
import type { Http } from './http'
import { num, text } from './lenient'
import { nodeDetailSchema, toNodeDetail, toNodeSummary, type NodeRow } from './nodes.mapper'
import { DEFAULT_PER_PAGE, fetchList, type KeptPages, type PagingOptions } from './paging'

const detailReply = z.looseObject({ data: nodeDetailSchema })
const actionReply = z.looseObject({
  data: z.looseObject({ id: num, status: text, action_type: text }).optional().catch(undefined)
})

/** Ids go into the path: only positive integers, so nothing else can be spliced into the URL. */
export function nodePath(id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new DomainError('VALIDATION', 'Node id must be a positive whole number.', { field: 'nodeId' })
  return `nodes/${id}/`
}

/** The row's id as nodeRowSchema reads it (an integer, or a digit string); null: the row cannot be used. */
function rowId(row: unknown): number | null {
  if (typeof row !== 'object' || row === null) return null
  const id = (row as { id?: unknown }).id
  if (typeof id === 'number') return Number.isInteger(id) ? id : null
  return typeof id === 'string' && /^\s*\d+\s*$/.test(id) ? Number(id) : null
}

/** The same page arrays, in the same order (a reused page is the very array it was last time). */
function samePages<T>(a: readonly (readonly T[])[], b: readonly (readonly T[])[]): boolean {
  return a.length === b.length && a.every((rows, i) => rows === b[i])
}

export function createNodesClient(http: Http) {
  const fallbackLocation = http.target.location ?? null

  // The last list's shape: its page count lets the next refresh ask for every page in one round trip.
  let last: { perPage: number; pages: number; ids: ReadonlySet<number> } | null = null
  let trustCount = true
  // Each page's last reply and its nodes: a page that has not changed is neither parsed nor mapped again.
  let kept: { perPage: number; pages: KeptPages<NodeSummary | null> } | null = null
  // The last list returned and the page arrays it was made from. When every page comes back as the same array
  // (each reply byte for byte the last one), the list is the same: it is not deduplicated and counted again.
  let made: { from: readonly (readonly (NodeSummary | null)[])[]; nodes: readonly NodeSummary[] } | null = null

  /**
   * A reply's rows as nodes (null: a row without a usable id), mapped as the reply arrives. Rows are mapped in
   * place: nodeRowSchema would copy every row just to check its id.
   */
  const nodesOf = (rows: unknown[]): (NodeSummary | null)[] =>
    rows.map((row) => {
      const id = rowId(row)
      if (id === null) return null
      const r = row as NodeRow
      return toNodeSummary(r.id === id ? r : { ...r, id }, fallbackLocation)
    })

  async function listNodes(o: CallOptions & PagingOptions = {}): Promise<NodeSummary[]> {
    const perPage = o.perPage ?? DEFAULT_PER_PAGE
    const known = last?.perPage === perPage ? last : null
    if (kept?.perPage !== perPage) kept = { perPage, pages: new Map() }
    const { pageRows, pages, countUnreliable } = await fetchList(
      http,
      { path: 'nodes/', scope: 'proj' },
      {
        ...o,
        knownPages: known?.pages,
        previousIds: known?.ids,
        rowsOf: nodesOf,
        idOf: (node) => node?.id ?? null,
        trustCount,
        kept: kept.pages
      }
    )
    if (countUnreliable) trustCount = false
    if (made && last?.perPage === perPage && samePages(made.from, pageRows)) {
      last = { ...last, pages }
      return [...made.nodes]
    }
    const byId = new Map<number, NodeSummary>()
    for (const nodes of pageRows) for (const node of nodes) if (node && !byId.has(node.id)) byId.set(node.id, node)
    last = { perPage, pages, ids: new Set(byId.keys()) }
    const list = [...byId.values()]
    made = { from: pageRows, nodes: list }
    return [...list]
  }

  async function getNode(id: number, o: CallOptions = {}): Promise<NodeDetail> {
    const reply = await http.read({ method: 'GET', path: nodePath(id), scope: 'proj', signal: o.signal }, detailReply)
    return toNodeDetail(reply.data, fallbackLocation)
  }

  async function deleteNode(id: number, opts: { reserveIp: boolean }, o: CallOptions = {}): Promise<void> {
    try {
      await http.send({
        method: 'DELETE',
        path: nodePath(id),
        scope: 'proj',
        signal: o.signal,
        ...(opts.reserveIp ? { query: { reserve_ip_required: 'true' } } : {})
      })
    } catch (e) {
      // docs/e2e-api.md#delete-a-node: DELETE "not found" = success (it is gone, which is what the user asked for).
      if (isDomainError(e) && e.code === 'NOT_FOUND') return
      throw e
    }
  }

  async function action(id: number, body: Record<string, unknown>, o: CallOptions): Promise<ActionReceipt> {
    const reply = await http.read(
      { method: 'PUT', path: `${nodePath(id)}actions/`, scope: 'proj', body, signal: o.signal },
      actionReply
    )
    const d = reply.data
    return { actionId: d?.id ?? null, status: d?.status ?? '', actionType: d?.action_type ?? String(body['type']) }
  }

  return {
    listNodes,
    getNode,
    deleteNode,
    nodeAction: (id: number, type: NodeAction, o: CallOptions = {}) => action(id, { type }, o),
    renameNode: (id: number, name: string, o: CallOptions = {}) => action(id, { type: 'rename', name }, o),
    saveImage: (id: number, imageName: string, o: CallOptions = {}) =>
      action(id, { type: 'save_images', name: imageName }, o)
  }
}
