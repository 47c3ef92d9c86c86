// Delete from the native tray menu, with the window's rules in a native dialog: the node, its profile and its IP
// named once, the committed term's loss (what was paid, the days left), keep-the-IP as the dialog's checkbox, and
// a refusal with the reason for locked, protected or busy nodes. The delete itself is the same NodesService.delete
// the window calls, so the name and rule checks run once more in main.
import type { CommittedInfo, NodeSummary } from '../../../shared/domain/node'
import { deleteAvailability } from '../../../shared/domain/node-rules'
import type { ProfileView } from '../../../shared/domain/profile'
import { daysLeft } from '../../../shared/domain/running-cost'
import type { ConfirmRequest, Dialogs } from '../ports'
import type { NodesService } from '../nodes/nodes.types'

export interface DeleteTarget {
  profile: ProfileView
  node: NodeSummary
}

/** What the committed check found: not committed, the term, or committed with the term unreadable. */
export type CommittedTerm = { kind: 'none' } | { kind: 'known'; info: CommittedInfo } | { kind: 'unknown' }

const inr = (n: number) => `₹${n.toLocaleString('en-IN', { maximumFractionDigits: 2 })}`

/** Demo profile names already carry their location ("… (Delhi)"): say it once. */
export function profileLabel(p: Pick<ProfileView, 'name' | 'location'>): string {
  return p.name.includes(p.location) ? p.name : `${p.name} (${p.location})`
}

export function committedLine(term: CommittedTerm, now: number): string | null {
  if (term.kind === 'none') return null
  if (term.kind === 'unknown')
    return 'This is a committed node: its term was paid in full up front. Deleting it loses whatever is left of the term; nothing is refunded.'
  const c = term.info
  const left = daysLeft(c.termEnd, now)
  const paid = c.price !== null ? `${inr(c.price)} was paid up front` : 'the term was paid up front'
  const term_ = c.days ? ` for a ${c.days}-day term` : ''
  const rest = left !== null ? `; ${left === 1 ? '1 day is' : `${left} days are`} left` : ''
  return `This is a committed node: ${paid}${term_}${rest}. Deleting it now loses the rest of the term; nothing is refunded.`
}

export function deleteConfirmation(
  t: DeleteTarget,
  term: CommittedTerm,
  now: number
): ConfirmRequest & { checkboxLabel?: string } {
  const { node, profile } = t
  const ip = node.publicIp
  const committed = committedLine(term, now)
  return {
    title: 'Delete node',
    message: `Delete ${node.name}?`,
    detail: [
      `${node.name} in ${profileLabel(profile)}${ip ? `, public IP ${ip}` : ''}.`,
      ...(committed ? ['', committed] : []),
      '',
      'Its disk and its backups are deleted. This cannot be undone.'
    ].join('\n'),
    buttons: ['Cancel', 'Delete node'],
    cancelId: 0,
    defaultId: 0,
    ...(ip ? { checkboxLabel: `Keep ${ip} as a reserved IP` } : {})
  }
}

export function refusal(t: DeleteTarget, reason: string): ConfirmRequest {
  return {
    title: 'Nodetray',
    message: `${t.node.name} cannot be deleted`,
    detail: `${reason}\n\n${t.node.name} in ${profileLabel(t.profile)}${t.node.publicIp ? `, ${t.node.publicIp}` : ''}.`,
    buttons: ['OK'],
    cancelId: 0,
    defaultId: 0
  }
}

async function readTerm(nodes: Pick<NodesService, 'detail'>, t: DeleteTarget): Promise<CommittedTerm> {
  if (!t.node.isCommitted) return { kind: 'none' }
  try {
    const d = await nodes.detail(t.profile.id, t.node.id)
    return d.committed ? { kind: 'known', info: d.committed } : { kind: 'unknown' }
  } catch {
    return { kind: 'unknown' }
  }
}

/**
 * Returns true when the delete was sent. `lookup` is asked again after the dialog closes: the node may have
 * gone (deleted from the window) or changed while the user was reading.
 */
export async function quickDelete(
  deps: { dialogs: Dialogs; nodes: Pick<NodesService, 'delete' | 'detail'>; now(): number },
  target: DeleteTarget,
  lookup: () => DeleteTarget | null
): Promise<boolean> {
  const rule = deleteAvailability(target.node)
  if (!rule.allowed) {
    await deps.dialogs.confirm(refusal(target, rule.reason ?? 'The node cannot be deleted now.'))
    return false
  }
  const req = deleteConfirmation(target, await readTerm(deps.nodes, target), deps.now())
  let choice: number
  let keepIp = false
  if (req.checkboxLabel && deps.dialogs.confirmWithCheckbox) {
    const answer = await deps.dialogs.confirmWithCheckbox({ ...req, checkboxLabel: req.checkboxLabel })
    choice = answer.response
    keepIp = answer.checked
  } else {
    // A dialog without a checkbox cannot offer to keep the IP: say what happens to it instead.
    const { checkboxLabel: _omit, ...plain } = req
    choice = await deps.dialogs.confirm(
      target.node.publicIp ? { ...plain, detail: `${plain.detail}\nIts public IP is released.` } : plain
    )
  }
  if (choice !== 1) return false
  const current = lookup()
  if (!current) return false
  await deps.nodes.delete({
    profileId: current.profile.id,
    nodeId: current.node.id,
    confirmName: current.node.name,
    reserveIp: keepIp && current.node.publicIp !== null
  })
  return true
}
