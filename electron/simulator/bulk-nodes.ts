// Fast bulk seeding for tests and benchmarks (10,000 nodes well under a second): no validation, no per-node sorting.
import { buildNode, planFor } from './node-factory'
import { phaseFromRaw, phaseStatus, type Phase } from './node-model'
import type { AddNodesInput } from './types'
import type { World } from './world'

const MIXED: readonly Phase[] = [
  'running',
  'running',
  'running',
  'running',
  'running',
  'off',
  'off',
  'creating',
  'failed',
  'running'
]

export function addNodes(world: World, input: AddNodesInput): number[] {
  const scope = world.scope(input.apiKey, input.projectId, input.location)
  const resolved = planFor(scope, input.sku ?? 'C3.8GB')
  const raw = input.status ?? 'Running'
  const fixed = raw === 'mixed' ? null : phaseFromRaw(raw)
  const prefix = input.namePrefix ?? 'node'
  const ids: number[] = []
  const now = world.now()
  for (let i = 0; i < input.count; i++) {
    const phase = fixed ?? world.prng.pick(MIXED)
    const node = buildNode(world, scope, {
      name: `${prefix}-${String(i + 1).padStart(String(input.count).length, '0')}`,
      resolved,
      createdAt: now - i * 1000,
      phase: phase === 'creating' ? 'running' : phase,
      ...(phase === 'creating' ? { creating: { failed: false } } : {})
    })
    if (phase === 'creating') node.publicIp = null
    // Keep the exact spelling asked for (e.g. 'Stopped') until the node changes state.
    if (fixed !== null && phase !== 'creating' && raw !== phaseStatus(node, world.options.offSpelling))
      node.statusOverride = raw
    world.insertNode(scope, node)
    ids.push(node.id)
  }
  return ids
}
