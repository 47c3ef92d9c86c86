// Upgrade, convert to committed and committed settings (docs/e2e-api.md#upgrade-a-node, #convert-to-committed,
// #committed-settings).
import { asBody, optInt, reqString } from './body'
import { pricePerMonth, resolvePlanSlug } from './catalog'
import { findNode } from './node-lookup'
import { badRequest, envelope, notFound, precondition, type SimResponse } from './responses'
import type { Scope, World } from './world'

export function upgradeNode(world: World, scope: Scope, nodeId: number, raw: unknown): SimResponse {
  const body = asBody(raw)
  const node = findNode(world, scope, nodeId)
  const planText = reqString(body, 'plan')
  const image = reqString(body, 'image')
  if (node.phase !== 'off' || node.pending) throw precondition('Node must be powered off to change its plan')
  const target = resolvePlanSlug(planText, scope.location)
  if (!target) throw precondition(`Invalid plan "${planText}": send the full plan name from the plans list`)
  if (target.image !== image) throw badRequest(`image "${image}" does not match plan ${target.plan.sku}`)
  if (target.plan.soldOut) throw precondition(`Plan ${target.plan.sku} is sold out in ${scope.location}`)
  if (target.plan.diskGb === 0) throw precondition('E1 plans cannot be the target of an upgrade')
  if (node.committed) throw precondition('Committed nodes cannot change plan before the term ends')
  const up = pricePerMonth(target.plan) >= pricePerMonth(node.plan)
  const oldImageId = 30000 + node.vmId
  node.plan = target.plan
  node.planSlug = target.slug
  node.image = target.image
  node.diskGb = Math.max(node.diskGb, target.plan.diskGb)
  const action = up ? 'upgrade' : 'downgrade'
  return envelope(
    {
      vm_id: node.vmId,
      new_node_image_id: world.nextResourceId(),
      old_node_image_id: oldImageId,
      location: scope.location,
      vcpu: target.plan.cpu,
      ram: target.plan.ramGb * 1024,
      'disk-size': node.diskGb * 1024,
      customer_id: 10_000 + scope.project.projectId,
      action,
      cluster: `${scope.location.toLowerCase()}-cluster-1`,
      size: target.plan.sku
    },
    {},
    `Node ${action} initiated`
  )
}

export function convertToCommitted(world: World, scope: Scope, nodeId: number, raw: unknown): SimResponse {
  const body = asBody(raw)
  const node = findNode(world, scope, nodeId)
  const skuId = optInt(body, 'sku_day_id')
  if (skuId === undefined) throw badRequest('sku_day_id is required')
  if (node.committed) throw precondition('Node is already a committed node')
  const sku = node.plan.committed.find((c) => c.id === skuId)
  if (!sku) throw precondition(`Committed plan ${skuId} is not offered for ${node.plan.sku}`)
  if (node.phase === 'creating' || node.phase === 'failed') throw precondition('Node must be running or powered off')
  node.committed = { sku, endsAt: world.now() + sku.days * 86_400_000, status: 'hourly_billing', renewSkuId: null }
  scope.committedIds.add(node.id)
  return envelope([''], {}, 'Your Node is converted into Committed Node')
}

const STATUSES = ['auto_renew', 'hourly_billing', 'auto_terminate'] as const
type CommittedStatus = (typeof STATUSES)[number]

/** POST update_committed_node_status/: the reply is a bare {status, message}, not an envelope
 * (docs/e2e-api.md#committed-settings). */
export function updateCommittedStatus(world: World, scope: Scope, raw: unknown): SimResponse {
  const body = asBody(raw)
  const vcnId = optInt(body, 'vcn_id')
  if (vcnId === undefined) throw badRequest('vcn_id is required')
  const status = reqString(body, 'node_status')
  if (!STATUSES.includes(status as CommittedStatus))
    throw badRequest(`node_status must be one of ${STATUSES.join(', ')}`)
  const node = scope.nodes.get(vcnId) ? findNode(world, scope, vcnId) : undefined
  if (!node) throw notFound('Node')
  if (!node.committed) throw precondition('Node is not a committed node')
  const planId = optInt(body, 'committed_plan')
  if (status === 'auto_renew') {
    if (planId === undefined) throw badRequest('committed_plan is required for auto_renew')
    if (!node.plan.committed.some((c) => c.id === planId))
      throw precondition(`Committed plan ${planId} is not offered for ${node.plan.sku}`)
  }
  node.committed.status = status as CommittedStatus
  node.committed.renewSkuId = status === 'auto_renew' ? (planId ?? null) : null
  return { status: 200, body: { status: 200, message: 'Updated Successfully' } }
}
