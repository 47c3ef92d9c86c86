// One node's submenu: what it is (status, plan, IP), quick copies, and the actions its state allows.
import { PENDING_LABEL } from '../../../shared/domain/node-state'
import type { NodeAction, NodeSummary } from '../../../shared/domain/node'
import { actionAvailability, deleteAvailability, ACTION_LABEL } from '../../../shared/domain/node-rules'
import { isTransitional, STATUS_LABEL } from '../../../shared/domain/node-status'
import type { PendingAction } from '../../../shared/domain/node-state'
import type { TrayAction, TrayItem } from '../../../shared/domain/tray'

type PowerAction = Extract<NodeAction, 'power_on' | 'power_off' | 'reboot'>
const POWER_ACTIONS: PowerAction[] = ['power_on', 'power_off', 'reboot']

// Text glyphs, not icons: they render in every platform's native menu and keep the model plain data.
function glyph(node: NodeSummary, pending: PendingAction | undefined): string {
  if (pending || isTransitional(node.status)) return '◐'
  if (node.status === 'RUNNING') return '●'
  if (node.status === 'FAILED') return '✕'
  return '○'
}

export function nodeLabel(node: NodeSummary, pending: PendingAction | undefined): string {
  const state = pending ? PENDING_LABEL[pending.kind] : node.status === 'RUNNING' ? null : STATUS_LABEL[node.status]
  return `${glyph(node, pending)} ${node.name}${state ? ` · ${state}` : ''}`
}

const info = (id: string, label: string): TrayItem => ({ id, label, type: 'normal', enabled: false })
const separator = (id: string): TrayItem => ({ id, label: '', type: 'separator', enabled: false })

export function nodeItem(profileId: string, node: NodeSummary, pending: PendingAction | undefined): TrayItem {
  const base = `node:${profileId}:${node.id}`
  const ip = node.publicIp
  // While an action runs the node's state is about to change: offer nothing else until it settles.
  const busy = pending ? PENDING_LABEL[pending.kind] : undefined

  const power = POWER_ACTIONS.map((action): TrayItem => {
    const rule = actionAvailability(node, action)
    return gated(`${base}:${action}`, ACTION_LABEL[action], busy ?? rule.reason, !busy && rule.allowed, {
      kind: 'node.action',
      profileId,
      nodeId: node.id,
      action
    })
  })
  const del = deleteAvailability(node)
  const remove = gated(`${base}:delete`, 'Delete…', busy ?? del.reason, !busy && del.allowed, {
    kind: 'node.delete',
    profileId,
    nodeId: node.id
  })

  const children: TrayItem[] = [
    info(`${base}:status`, busy ?? STATUS_LABEL[node.status]),
    info(`${base}:plan`, `Plan ${node.plan || 'unknown'}`),
    info(`${base}:ip`, ip ? `Public IP ${ip}` : 'No public IP'),
    separator(`${base}:sep-copy`),
    copyItem(`${base}:copy_ip`, 'Copy IP', ip),
    copyItem(`${base}:copy_ssh`, 'Copy SSH command', ip ? `ssh root@${ip}` : null),
    {
      id: `${base}:open`,
      label: 'Open details',
      type: 'normal',
      enabled: true,
      action: { kind: 'window.openNode', profileId, nodeId: node.id }
    },
    separator(`${base}:sep-power`),
    ...power,
    separator(`${base}:sep-delete`),
    remove
  ]
  return { id: base, label: nodeLabel(node, pending), type: 'submenu', enabled: true, children }
}

/** An action item; a disabled one carries its reason so the user is told why, not just refused. */
function gated(id: string, label: string, reason: string | undefined, enabled: boolean, action: TrayAction): TrayItem {
  return { id, label, type: 'normal', enabled, ...(!enabled && reason ? { sublabel: reason } : {}), action }
}

function copyItem(id: string, label: string, text: string | null): TrayItem {
  return text
    ? { id, label, type: 'normal', enabled: true, action: { kind: 'clipboard.copy', text } }
    : { id, label, type: 'normal', enabled: false, sublabel: 'The node has no public IP' }
}
