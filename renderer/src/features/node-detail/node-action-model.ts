// What can be done to a node, and doing it. Shared by the detail panel's action bar, the list's row menu and bulk
// power actions, so every place disables the same things for the same reasons and fails the same way.
//
// API (small on purpose):
//   profileBlockReason(profile, nodes) → why none of a profile's nodes can be acted on now (offline, credentials
//                                        rejected/expired/missing, keychain locked/unreachable), or null.
//   useProfileBlockReason(profileId)   → the same, read from the stores (re-renders when it changes).
//   nodeActionItems(node, { blockedReason, busy })
//                                      → every action in display order: id, plain label, lucide icon, confirm text
//                                        (set when it interrupts work), danger, disabledReason (null = enabled),
//                                        overflow (belongs in a "More" menu), redundant (already in that state).
//                                        `busy`: an action is already running on this node (main's pending or ours).
//   runNodeAction(profileId, node, action)
//                                      → sends it; on failure raises an error toast in plain words (technical
//                                        detail in its disclosure) and resolves the AppError for inline display;
//                                        null on success, which also withdraws that action's earlier failure
//                                        toast for the node. Never throws. 'delete' is not run here: it opens
//                                        DeleteNodeDialog (typed name, reserve IP).
import type { LucideIcon } from 'lucide-react'
import { Lock, LockOpen, Power, PowerOff, RotateCw, ShieldCheck, ShieldOff, Trash2 } from 'lucide-react'
import type { NodeAction, NodeSummary } from '../../../../shared/domain/node'
import type { ProfileNodes } from '../../../../shared/domain/node-state'
import type { ProfileView } from '../../../../shared/domain/profile'
import { ACTION_LABEL, actionAvailability, deleteAvailability } from '../../../../shared/domain/node-rules'
import { asAppError, call, type AppError } from '../../lib/ipc'
import { plainError, plainWords } from '../../lib/plain-error'
import { useNodesStore } from '../../stores/nodes.store'
import { dismissToast, toast } from '../../stores/notifications.store'
import { useProfilesStore } from '../../stores/profiles.store'

export type NodeActionId = NodeAction | 'delete'

export interface NodeActionItem {
  id: NodeActionId
  /** Plain label for a button or menu item. */
  label: string
  icon: LucideIcon
  /** Set when the action interrupts work: ask first, with this sentence. */
  confirm: string | null
  /** Destructive or interrupting: style it as danger. */
  danger: boolean
  /** Why it cannot be done now; null when it can. */
  disabledReason: string | null
  /** Belongs in the overflow ("More") menu rather than the bar. */
  overflow: boolean
  /** The node is already in the state this action leads to (Power on while running): a bar may leave it out. */
  redundant: boolean
}

export const BUSY_REASON = 'An action is already running on this node; wait until it finishes'

export const REASONS = {
  offline: 'The profile is offline: Nodetray can’t reach E2E right now',
  rejected: 'Credentials rejected — fix them in Profiles',
  expired: 'The auth token expired — paste a new one in Profiles',
  missing: 'This profile has no credentials — add them in Profiles',
  locked: 'Keychain locked — unlock it, then Try again',
  unavailable: 'The system keychain can’t be reached, so the API key can’t be read',
  demoRejected: 'The demo sandbox stopped accepting requests — restart Nodetray for a fresh demo'
} as const

/** Why none of this profile's nodes can be acted on right now, or null. The keychain's state comes first. */
export function profileBlockReason(
  profile: Pick<ProfileView, 'isDemo' | 'credentials'> | undefined,
  nodes: Pick<ProfileNodes, 'error'> | undefined
): string | null {
  const c = profile?.credentials
  if (c && !profile.isDemo) {
    if (c.secret === 'locked') return REASONS.locked
    if (c.secret === 'unavailable') return REASONS.unavailable
    if (!c.hasCredentials || c.secret === 'missing' || c.tokenState === 'missing') return REASONS.missing
    if (c.tokenState === 'rejected') return REASONS.rejected
    if (c.tokenState === 'expired') return REASONS.expired
  }
  switch (nodes?.error?.reason) {
    case 'auth':
      // The demo's simulated credentials cannot be fixed in Profiles.
      return profile?.isDemo ? REASONS.demoRejected : REASONS.rejected
    case 'offline':
      return REASONS.offline
    default:
      return null
  }
}

export function useProfileBlockReason(profileId: string): string | null {
  const profile = useProfilesStore((s) => s.profiles.find((p) => p.id === profileId))
  const nodes = useNodesStore((s) => s.byProfile[profileId])
  return profileBlockReason(profile, nodes)
}

const ICON: Record<NodeActionId, LucideIcon> = {
  power_on: Power,
  power_off: PowerOff,
  reboot: RotateCw,
  lock_vm: Lock,
  unlock_vm: LockOpen,
  enable_accidental_protection: ShieldCheck,
  disable_accidental_protection: ShieldOff,
  delete: Trash2
}

const CONFIRM: Partial<Record<NodeActionId, string>> = {
  power_off: 'The node stops at once; anything running on it is interrupted.',
  reboot: 'The node restarts; anything running on it is interrupted for a minute or two.'
}

const LABEL: Record<NodeActionId, string> = { ...ACTION_LABEL, delete: 'Delete' }

export function nodeActionItems(
  node: Pick<NodeSummary, 'status' | 'isLocked' | 'isProtected'>,
  ctx: { blockedReason: string | null; busy: boolean }
): NodeActionItem[] {
  const ids: NodeActionId[] = [
    'power_on',
    'power_off',
    'reboot',
    node.isLocked ? 'unlock_vm' : 'lock_vm',
    'delete',
    node.isProtected ? 'disable_accidental_protection' : 'enable_accidental_protection'
  ]
  return ids.map((id) => {
    const rule = id === 'delete' ? deleteAvailability(node) : actionAvailability(node, id)
    const ruleReason = rule.allowed ? null : (rule.reason ?? 'Not possible right now')
    return {
      id,
      label: LABEL[id],
      icon: ICON[id],
      confirm: CONFIRM[id] ?? null,
      danger: id === 'delete' || id === 'power_off',
      // The profile's state first (nothing can work), then the node's rules, then "busy".
      disabledReason: ctx.blockedReason ?? ruleReason ?? (ctx.busy ? BUSY_REASON : null),
      overflow: id === 'enable_accidental_protection' || id === 'disable_accidental_protection',
      redundant: (id === 'power_on' && node.status === 'RUNNING') || (id === 'power_off' && node.status === 'OFF')
    }
  })
}

const FAILED: Record<NodeAction, (name: string) => string> = {
  power_on: (n) => `Couldn’t power on ${n}`,
  power_off: (n) => `Couldn’t power off ${n}`,
  reboot: (n) => `Couldn’t reboot ${n}`,
  lock_vm: (n) => `Couldn’t lock ${n}`,
  unlock_vm: (n) => `Couldn’t unlock ${n}`,
  enable_accidental_protection: (n) => `Couldn’t turn on delete protection for ${n}`,
  disable_accidental_protection: (n) => `Couldn’t turn off delete protection for ${n}`
}

/** The question before an action that interrupts work (power off, reboot), or null when none is asked. */
export const confirmText = (action: NodeActionId): string | null => CONFIRM[action] ?? null

/** The toast title for a failed action, e.g. "Couldn’t power on web-01". */
export const failedTitle = (action: NodeAction, nodeName: string): string => FAILED[action](nodeName)

/** Sends the action. Failure → an error toast in plain words and the AppError back (for inline display). */
export async function runNodeAction(
  profileId: string,
  node: Pick<NodeSummary, 'id' | 'name'>,
  action: NodeAction
): Promise<AppError | null> {
  // One toast per node and action: a retry that works takes back the failure it answers.
  const failedId = `action-failed:${profileId}:${node.id}:${action}`
  try {
    await call((api) => api.nodes.action({ profileId, nodeId: node.id, action }))
    dismissToast(failedId)
    return null
  } catch (e) {
    const error = asAppError(e)
    const demo = useProfilesStore.getState().profiles.find((p) => p.id === profileId)?.isDemo ?? false
    const p = plainError(error, { demo })
    toast({
      id: failedId,
      kind: 'error',
      title: failedTitle(action, node.name),
      body: plainWords(p),
      ...(p.technical ? { detail: p.technical } : {})
    })
    return error
  }
}
