// PUT nodes/{id}/actions/ (docs/e2e-api.md#node-actions) with #actions-by-state enforced as 412s, and
// DELETE nodes/{id}/ (#delete-a-node).
import { NAME_RE, asBody, optString, reqString } from './body'
import { isoMicros } from './clock'
import { startTransition } from './lifecycle'
import type { SimNode } from './node-model'
import { findNode } from './node-lookup'
import { badRequest, envelope, precondition, type SimResponse } from './responses'
import type { Scope, World } from './world'

const ASYNC_TYPES = new Set(['power_on', 'power_off', 'reboot', 'reinstall', 'save_images'])
const FLAG_TYPES: Record<string, (n: SimNode) => void> = {
  lock_vm: (n) => {
    n.isLocked = true
  },
  unlock_vm: (n) => {
    n.isLocked = false
  },
  enable_accidental_protection: (n) => {
    n.isAccidentalProtection = true
  },
  disable_accidental_protection: (n) => {
    n.isAccidentalProtection = false
  },
  enable_recovery_mode: (n) => {
    n.rescueMode = true
  },
  disable_recovery_mode: (n) => {
    n.rescueMode = false
  },
  enable_node_compliance: (n) => {
    n.isNodeCompliance = true
  },
  disable_node_compliance: (n) => {
    n.isNodeCompliance = false
  }
}

const titleCase = (t: string): string =>
  t
    .split('_')
    .map((w) => (w[0] ?? '').toUpperCase() + w.slice(1))
    .join(' ')

function actionReply(world: World, node: SimNode, type: string): SimResponse {
  const cli = world.options.actionReplyStyle === 'cli'
  return envelope({
    id: world.actionSeq(),
    created_at: isoMicros(world.now()),
    status: cli ? (ASYNC_TYPES.has(type) ? 'In Progress' : 'Done') : 'done',
    action_type: cli ? titleCase(type) : type,
    resource_id: String(node.id),
    resource_name: node.name
  })
}

/**
 * The power/rebuild rules (docs/e2e-api.md#actions-by-state). Returns true for a no-op (power_off when already off,
 * power_on when running).
 */
function checkPower(node: SimNode, type: string): boolean {
  if (node.isLocked) throw precondition('Node is locked: unlock it before changing its power state')
  if (node.pending) throw precondition('Another action is in progress on this node; try again when it finishes')
  const phase = node.phase
  if (phase === 'creating') throw precondition('Node is still being created')
  if (phase === 'reinstalling' || phase === 'saving') throw precondition(`Node is busy (${phase})`)
  if (phase === 'failed') throw precondition('Node is in a failed state')
  if (type === 'power_off') return phase === 'off'
  if (type === 'power_on') return phase === 'running'
  if (phase !== 'running') throw precondition('Node must be running')
  return false
}

export function nodeAction(world: World, scope: Scope, nodeId: number, raw: unknown): SimResponse {
  const body = asBody(raw)
  const type = reqString(body, 'type')
  const node = findNode(world, scope, nodeId)
  const flag = FLAG_TYPES[type]
  if (flag) {
    flag(node)
    return actionReply(world, node, type)
  }
  switch (type) {
    case 'power_off':
    case 'power_on':
    case 'reboot':
    case 'reinstall': {
      if (checkPower(node, type)) break
      startTransition(world, node, type, type === 'power_off' ? 'off' : 'running')
      break
    }
    case 'save_images': {
      const imageName = reqString(body, 'name')
      if (node.pending || (node.phase !== 'running' && node.phase !== 'off'))
        throw precondition('Node must be running or powered off to save an image')
      const previous = node.phase
      const templateId = world.nextResourceId()
      const endsAt = startTransition(world, node, 'save', previous, templateId)
      scope.savedImages.push({
        templateId,
        imageId: world.nextResourceId(),
        name: imageName,
        distro: node.image.replace(/-Distro$/, ''),
        createdAt: world.now(),
        readyAt: endsAt,
        sizeGb: Math.min(node.diskGb, 48.21)
      })
      break
    }
    case 'rename': {
      const name = reqString(body, 'name')
      if (!NAME_RE.test(name))
        throw badRequest('name may only contain letters, digits, "-" and "_" (1 to 50 characters)')
      node.name = name
      break
    }
    case 'add_ssh_keys': {
      const keys = body['ssh_keys']
      if (!Array.isArray(keys) || keys.length === 0)
        throw badRequest('ssh_keys must be a non-empty list of {label, ssh_key}')
      for (const k of keys) {
        const item = asBody(k)
        node.sshKeys.push({ label: optString(item, 'label') ?? 'key', ssh_key: reqString(item, 'ssh_key') })
      }
      break
    }
    case 'update_password':
      node.password = reqString(body, 'password')
      break
    default:
      throw badRequest(`Unsupported action type "${type}"`)
  }
  return actionReply(world, node, type)
}

/**
 * Delete is instant: the node disappears from lists at once (the real API's timing is unknown:
 * docs/e2e-api.md#delete-a-node).
 */
export function deleteNode(world: World, scope: Scope, nodeId: number, keepIp: boolean): SimResponse {
  const node = findNode(world, scope, nodeId)
  if (node.isLocked) throw precondition('Node is locked: unlock it before deleting')
  if (node.isAccidentalProtection) throw precondition('Accidental protection is enabled: disable it before deleting')
  if (node.phase === 'creating' || node.phase === 'saving' || node.phase === 'reinstalling') {
    throw precondition(`Node cannot be deleted while ${node.phase}`)
  }
  if (keepIp && node.publicIp && !node.reservedIp) {
    scope.reservedIps.push({
      ip: node.publicIp,
      status: 'Reserved',
      type: 'PublicIP',
      vmId: null,
      vmName: null,
      reserveId: world.nextResourceId(),
      boughtAt: world.now()
    })
  }
  world.removeNode(scope, node)
  return envelope({})
}
