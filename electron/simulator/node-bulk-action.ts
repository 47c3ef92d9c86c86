// PUT nodes/action-on-multiple-nodes/ {node_ids, type}: runs the single-node action per id, reporting each outcome.
import { asBody, reqString } from './body'
import { nodeAction } from './node-actions'
import { ApiError, badRequest, envelope, type SimResponse } from './responses'
import type { Scope, World } from './world'

export function bulkAction(world: World, scope: Scope, raw: unknown): SimResponse {
  const body = asBody(raw)
  const type = reqString(body, 'type')
  const ids = body['node_ids']
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((x): x is number => Number.isInteger(x))) {
    throw badRequest('node_ids must be a non-empty list of node ids')
  }
  const results = ids.map((id) => {
    try {
      const reply = nodeAction(world, scope, id, { type })
      const b = reply.body as { data: Record<string, unknown> }
      return { node_id: id, ...b.data }
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      return { node_id: id, status: 'failed', message: JSON.stringify(err.response.body) }
    }
  })
  return envelope(results)
}
