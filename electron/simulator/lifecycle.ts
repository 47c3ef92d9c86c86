// Lazy state machine: a transition stores its end time; reads settle it from the virtual clock (no timers),
// so advanceClock works and 10,000 idle nodes cost nothing.
import type { Phase, SimNode, TransitionKind } from './node-model'
import type { Prng } from './prng'
import type { TransitionMode } from './types'
import type { Scope, World } from './world'

const REAL_RANGES_MS: Record<TransitionKind, [number, number]> = {
  create: [90_000, 180_000],
  power_on: [20_000, 60_000],
  power_off: [20_000, 45_000],
  reboot: [30_000, 60_000],
  reinstall: [120_000, 300_000],
  save: [60_000, 240_000]
}

export function transitionMs(kind: TransitionKind, mode: TransitionMode, prng: Prng): number {
  if (mode === 'instant') return 0
  if (mode === 'fast') return prng.int(2000, 6000)
  const [min, max] = REAL_RANGES_MS[kind]
  return prng.int(min, max)
}

/**
 * Start a transition. Power transitions keep showing the old status until they end (no powering-on/off status
 * is known, docs/e2e-api.md#status-text); reinstall/save show Reinstalling/Saving at once; create shows Creating.
 */
export function startTransition(
  world: World,
  node: SimNode,
  kind: TransitionKind,
  to: Phase,
  templateId?: number
): number {
  const endsAt = world.now() + transitionMs(kind, world.transitions, world.prng)
  node.statusOverride = null
  if (kind === 'reinstall') node.phase = 'reinstalling'
  if (kind === 'save') node.phase = 'saving'
  if (kind === 'create') node.phase = 'creating'
  node.pending = templateId === undefined ? { kind, endsAt, to } : { kind, endsAt, to, templateId }
  return endsAt
}

/** Apply a finished transition and committed-term events. Returns false when the node was deleted. */
export function settleNode(world: World, scope: Scope, node: SimNode): boolean {
  const now = world.now()
  const p = node.pending
  if (p && now >= p.endsAt) {
    node.pending = null
    node.phase = p.to
    node.statusOverride = null
    if (p.to === 'running' && !node.publicIp) node.publicIp = world.nextPublicIp(node.location)
    if (p.kind === 'power_on' && world.options.ipChangeOnPowerCycle && !node.reservedIp)
      node.publicIp = world.nextPublicIp(node.location)
  }
  const c = node.committed
  if (c && now >= c.endsAt) {
    if (c.status === 'auto_terminate') {
      // MyAccount docs: auto_terminate deletes the node and its backups at term end.
      world.removeNode(scope, node)
      return false
    }
    if (c.status === 'auto_renew') {
      // Renewal uses the plan chosen in the settings (MyAccount docs), else the current one.
      c.sku = node.plan.committed.find((s) => s.id === c.renewSkuId) ?? c.sku
      while (c.endsAt <= now) c.endsAt += c.sku.days * 86_400_000
    } else {
      node.committed = null
      scope.committedIds.delete(node.id)
    }
  }
  return true
}

/** Settle committed terms of a scope (so auto_terminate deletions show in lists and totals). */
export function sweepScope(world: World, scope: Scope): void {
  for (const id of [...scope.committedIds]) {
    const node = scope.nodes.get(id)
    if (node) settleNode(world, scope, node)
  }
}

export const isTransitioning = (node: SimNode): boolean => node.pending !== null
