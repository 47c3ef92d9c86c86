// Find a node by id inside the caller's scope; an id from another project/location is "not found"
// (docs/e2e-api.md#simulator-auth-and-scope).
import { settleNode } from './lifecycle'
import type { SimNode } from './node-model'
import { notFound } from './responses'
import type { Scope, World } from './world'

export function parseNodeId(text: string): number {
  const id = Number(text)
  if (!Number.isInteger(id) || id <= 0) throw notFound('Node')
  return id
}

export function findNode(world: World, scope: Scope, id: number): SimNode {
  const node = scope.nodes.get(id)
  if (!node || !settleNode(world, scope, node)) throw notFound('Node')
  return node
}
