// In-process SimulatorControl; the HTTP control API (/__control/*) calls the same object.
import { addNodes } from './bulk-nodes'
import { isoMicros } from './clock'
import type { FaultBook } from './faults'
import { settleNode } from './lifecycle'
import { phaseFromRaw, phaseStatus, type SimNode } from './node-model'
import type { RequestLog } from './request-log'
import { seedWorld } from './seed'
import { freshDemoCredentials, type DemoCredentials } from './demo-credentials'
import type { SeedName, SimAccountInfo, SimNodeState, SimulatorControl, TransitionMode } from './types'
import type { World } from './world'

export interface ControlDeps {
  world: World
  faults: FaultBook
  log: RequestLog
  seed: SeedName
  /** explicit transitions from the options; otherwise 'fast' for demo, 'instant' for the rest */
  transitions: TransitionMode | undefined
  latencyMs: number
  onReset(primary: SimAccountInfo): void
  /** Made on the first demo seed and kept for this run, so a reset does not strand the demo profiles. */
  demoCredentials?: DemoCredentials
}

function nodeState(world: World, n: SimNode): SimNodeState {
  return {
    id: n.id,
    vmId: n.vmId,
    name: n.name,
    status: phaseStatus(n, world.options.offSpelling),
    pendingUntil: n.pending ? isoMicros(n.pending.endsAt) : null,
    projectId: n.projectId,
    location: n.location,
    planSku: n.plan.sku,
    planSlug: n.planSlug,
    image: n.image,
    isLocked: n.isLocked,
    isAccidentalProtection: n.isAccidentalProtection,
    publicIp: n.publicIp,
    privateIp: n.privateIp,
    vmType: n.committed ? 'committed_vm' : 'vm',
    committedEndsAt: n.committed ? isoMicros(n.committed.endsAt) : null,
    committedStatus: n.committed?.status ?? null,
    diskGb: n.diskGb
  }
}

export function seedInto(deps: ControlDeps, seed: SeedName): SimAccountInfo {
  const { world } = deps
  world.transitions = deps.transitions ?? (seed === 'demo' ? 'fast' : 'instant')
  world.clock.freeze()
  if (seed === 'demo') deps.demoCredentials ??= freshDemoCredentials(world.now())
  const primary = seedWorld(world, seed, deps.demoCredentials)
  world.clock.resume()
  world.options.latencyMs = deps.latencyMs
  deps.faults.clear()
  deps.log.clear()
  deps.onReset(primary)
  return primary
}

export function createControl(deps: ControlDeps): SimulatorControl {
  const { world, faults, log } = deps
  const lookup = (nodeId: number): SimNode => {
    const hit = world.nodesById.get(nodeId)
    if (!hit || !settleNode(world, hit.scope, hit.node)) throw new Error(`node ${nodeId} not found`)
    return hit.node
  }
  return {
    reset: (seed) => seedInto(deps, seed ?? deps.seed),
    addAccount: (input) => world.addAccount(input),
    expireToken(authToken) {
      const account = world.tokens.get(authToken)
      if (!account) throw new Error('unknown token')
      account.expired = true
    },
    addNodes: (input) => addNodes(world, input),
    getNodes({ apiKey, projectId, location }) {
      const scope = world.scope(apiKey, projectId, location)
      return world
        .orderedNodes(scope)
        .filter((n) => settleNode(world, scope, n))
        .map((n) => nodeState(world, n))
    },
    setNode(input) {
      const node = lookup(input.nodeId)
      if (input.status !== undefined) {
        node.phase = phaseFromRaw(input.status)
        node.pending = null
        node.statusOverride = input.status
      }
      if (input.isLocked !== undefined) node.isLocked = input.isLocked
      if (input.isAccidentalProtection !== undefined) node.isAccidentalProtection = input.isAccidentalProtection
      if (input.publicIp !== undefined) node.publicIp = input.publicIp
      if (input.name !== undefined) node.name = input.name
      if (input.committedEndsAt !== undefined || input.committedStatus !== undefined) {
        const hit = world.nodesById.get(node.id)
        const sku = node.committed?.sku ?? node.plan.committed[0]
        if (!hit || !sku) throw new Error(`plan ${node.plan.sku} has no committed SKU`)
        const endsAt =
          input.committedEndsAt !== undefined
            ? new Date(input.committedEndsAt).getTime()
            : (node.committed?.endsAt ?? world.now() + sku.days * 86_400_000)
        node.committed = {
          sku,
          endsAt,
          status: input.committedStatus ?? node.committed?.status ?? 'hourly_billing',
          renewSkuId: node.committed?.renewSkuId ?? null
        }
        hit.scope.committedIds.add(node.id)
      }
      return nodeState(world, node)
    },
    advanceClock: (ms) => isoMicros(world.clock.advance(ms)),
    now: () => isoMicros(world.now()),
    setTransitions(mode) {
      world.transitions = mode
    },
    setOptions(options) {
      Object.assign(world.options, options)
      return { ...world.options }
    },
    injectFault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    requestLog: (filter) => log.list(filter),
    countRequests: (filter) => log.count(filter),
    clearLog: () => log.clear()
  }
}
