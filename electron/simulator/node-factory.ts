// Builds node records (used by create, bulk seeding and the demo seed).
import {
  findOsByImage,
  findPlanBySku,
  planSlug,
  resolvePlanSlug,
  type CommittedSkuDef,
  type ResolvedPlan
} from './catalog'
import { startTransition } from './lifecycle'
import type { CommittedState, Phase, SimNode } from './node-model'
import type { Scope, World } from './world'

export interface NewNodeSpec {
  name: string
  resolved: ResolvedPlan
  diskGb?: number
  phase?: Phase
  /** create transition: ends in Running or Failed */
  creating?: { failed: boolean }
  createdAt?: number
  sshKeys?: { label: string; ssh_key: string }[]
  startScripts?: string[]
  vpcId?: number | null
  securityGroupId?: number
  reservedIp?: string | null
  committed?: { sku: CommittedSkuDef; status: CommittedState['status']; endsAt?: number } | null
  isLocked?: boolean
  isAccidentalProtection?: boolean
}

export function buildNode(world: World, scope: Scope, spec: NewNodeSpec): SimNode {
  const id = world.nextNodeId()
  const phase = spec.phase ?? 'running'
  const createdAt = spec.createdAt ?? world.now()
  const defaultSg = scope.securityGroups.find((g) => g.isDefault) ?? scope.securityGroups[0]
  const node: SimNode = {
    id,
    vmId: world.nextVmId(),
    accountKey: scope.account.apiKey,
    projectId: scope.project.projectId,
    location: scope.location,
    name: spec.name,
    label: 'default',
    plan: spec.resolved.plan,
    planSlug: spec.resolved.slug,
    image: spec.resolved.image,
    diskGb: spec.diskGb ?? spec.resolved.plan.diskGb,
    phase,
    statusOverride: null,
    pending: null,
    isLocked: spec.isLocked ?? false,
    isAccidentalProtection: spec.isAccidentalProtection ?? false,
    rescueMode: false,
    isNodeCompliance: false,
    isEncryptionEnabled: false,
    backups: false,
    publicIp: spec.reservedIp ?? (phase === 'running' || phase === 'off' ? world.nextPublicIp(scope.location) : null),
    reservedIp: spec.reservedIp ?? null,
    privateIp: world.nextPrivateIp(scope.location),
    createdAt,
    sshKeys: spec.sshKeys ?? [],
    startScripts: spec.startScripts ?? [],
    vpcId: spec.vpcId ?? null,
    securityGroupIds: spec.securityGroupId !== undefined ? [spec.securityGroupId] : defaultSg ? [defaultSg.id] : [],
    committed: spec.committed
      ? {
          sku: spec.committed.sku,
          status: spec.committed.status,
          renewSkuId: spec.committed.sku.id,
          endsAt: spec.committed.endsAt ?? createdAt + spec.committed.sku.days * 86_400_000
        }
      : null,
    zabbixHostId: id % 3 === 0 ? null : 10_000 + id,
    password: null
  }
  if (spec.creating) startTransition(world, node, 'create', spec.creating.failed ? 'failed' : 'running')
  return node
}

/** Resolve a short SKU + image to a catalog plan in the scope's location (seeding helper). */
export function planFor(scope: Scope, sku: string, image = 'Ubuntu-22.04-Distro'): ResolvedPlan {
  const plan = findPlanBySku(sku)
  const os = findOsByImage(image)
  const hit = plan && os ? resolvePlanSlug(planSlug(plan, os, scope.location), scope.location) : undefined
  if (!hit) throw new Error(`no plan ${sku} for ${image} in ${scope.location}`)
  return hit
}
