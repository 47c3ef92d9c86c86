// POST nodes/ (docs/e2e-api.md#create-a-node): validation in the order a user would hit it, then N nodes in Creating.
import { e1DiskError, findPlanBySku, pricePerMonth, resolvePlanSlug } from './catalog'
import { NAME_RE, asBody, optBool, optInt, optString, reqString, stringArray } from './body'
import { buildNode } from './node-factory'
import { nodeDetail } from './node-views'
import { badRequest, envelope, precondition, type SimResponse } from './responses'
import type { Scope, World } from './world'

export function createNodes(world: World, scope: Scope, raw: unknown): SimResponse {
  const body = asBody(raw)
  const name = reqString(body, 'name')
  if (!NAME_RE.test(name)) throw badRequest('name may only contain letters, digits, "-" and "_" (1 to 50 characters)')
  const planText = reqString(body, 'plan')
  const image = reqString(body, 'image')
  const resolved = resolvePlanSlug(planText, scope.location)
  if (!resolved) {
    throw precondition(
      findPlanBySku(planText)
        ? `Invalid plan "${planText}": send the full plan name from the plans list, not the SKU`
        : `Plan "${planText}" is not available in ${scope.location}`
    )
  }
  if (image !== resolved.image) throw badRequest(`image "${image}" does not match plan ${resolved.plan.sku}`)
  if (resolved.plan.soldOut) throw precondition(`Plan ${resolved.plan.sku} is sold out in ${scope.location}`)

  const count = optInt(body, 'number_of_instances') ?? 1
  if (count < 1 || count > 5) throw badRequest('number_of_instances must be between 1 and 5')
  let diskGb = resolved.plan.diskGb
  if (diskGb === 0) {
    const why = e1DiskError(body['disk'])
    if (why) throw badRequest(why)
    diskGb = body['disk'] as number
  }
  const sshKeys = stringArray(body, 'ssh_keys').map((k, i) => ({ label: `key-${i + 1}`, ssh_key: k }))
  const startScripts = stringArray(body, 'start_scripts')

  const vpcId = optInt(body, 'vpc_id')
  if (vpcId !== undefined && !scope.vpcs.some((v) => v.networkId === vpcId && v.state === 'Active')) {
    throw badRequest(`VPC ${vpcId} is not an active VPC in this project and location`)
  }
  const sgId = optInt(body, 'security_group_id')
  if (sgId !== undefined && !scope.securityGroups.some((g) => g.id === sgId))
    throw badRequest(`Security group ${sgId} not found`)

  const reserveIp = optString(body, 'reserve_ip') ?? ''
  const reserved = reserveIp ? scope.reservedIps.find((r) => r.ip === reserveIp) : undefined
  if (reserveIp) {
    if (count > 1) throw badRequest('reserve_ip can only be used with a single instance')
    if (!reserved || reserved.vmId !== null || (reserved.status !== 'Reserved' && reserved.status !== 'Available')) {
      throw badRequest(`Reserved IP ${reserveIp} is not available`)
    }
  }

  const cnId = optInt(body, 'cn_id')
  const sku = cnId === undefined ? undefined : resolved.plan.committed.find((c) => c.id === cnId)
  if (cnId !== undefined && !sku) throw precondition(`Committed plan ${cnId} is not offered for ${resolved.plan.sku}`)
  const cnStatus =
    optString(body, 'cn_status') === 'auto_terminate'
      ? 'auto_terminate'
      : optString(body, 'cn_status') === 'hourly_billing'
        ? 'hourly_billing'
        : 'auto_renew'

  if (optBool(body, 'is_saved_image')) {
    const tid = optInt(body, 'saved_image_template_id')
    const img = scope.savedImages.find((s) => s.templateId === tid)
    if (!img || world.now() < img.readyAt) throw badRequest('saved_image_template_id is not a ready saved image')
  }

  const cost = count * (sku ? sku.price : pricePerMonth(resolved.plan))
  const credit = world.options.creditLimit
  if (credit !== null && cost > credit) {
    if (world.options.legacyCreateReply)
      return envelope({ is_credit_sufficient: false }, {}, 'Insufficient credit balance')
    throw badRequest(`Insufficient credit balance: this order needs Rs. ${cost.toFixed(1)}`)
  }
  if (credit !== null) world.options.creditLimit = credit - cost

  const created = []
  for (let i = 1; i <= count; i++) {
    const failed = world.options.createFailureRate > 0 && world.prng.next() < world.options.createFailureRate
    const node = buildNode(world, scope, {
      name: count > 1 ? `${name}-${i}` : name,
      resolved,
      diskGb,
      phase: 'creating',
      creating: { failed },
      sshKeys,
      startScripts,
      vpcId: vpcId ?? null,
      ...(sgId !== undefined ? { securityGroupId: sgId } : {}),
      reservedIp: reserved ? reserved.ip : null,
      committed: sku ? { sku, status: cnStatus } : null
    })
    node.backups = optBool(body, 'backups') ?? false
    node.isEncryptionEnabled = optBool(body, 'isEncryptionEnabled') ?? false
    world.insertNode(scope, node)
    if (reserved) Object.assign(reserved, { status: 'Assigned', vmId: node.vmId, vmName: node.name })
    created.push(node)
  }
  const items = created.map((n) => nodeDetail(n, world.options.offSpelling, n.securityGroupIds.length))
  if (world.options.legacyCreateReply) return envelope({ ...items[0], is_credit_sufficient: true })
  return envelope({
    total_number_of_node_requested: count,
    total_number_of_node_created: count,
    node_create_response: items
  })
}
