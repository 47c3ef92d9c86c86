// The detail header's action bar: icon + label buttons (power, reboot, lock, delete) and "More" for the rest.
// What is enabled, and why not, comes from node-action-model.ts; a failure shows inline under the bar AND as a
// toast, in plain words. Power off and reboot ask first.
import { useEffect, useRef, useState, type RefObject } from 'react'
import { KeyRound, RotateCw } from 'lucide-react'
import type { NodeAction, NodeSummary } from '../../../../shared/domain/node'
import type { PendingAction, PendingKind } from '../../../../shared/domain/node-state'
import { PENDING_LABEL } from '../../../../shared/domain/node-state'
import { STATUS_LABEL } from '../../../../shared/domain/node-status'
import { ErrorText } from '../../components/ErrorText'
import { Button } from '../../components/ui/Button'
import { ActionBar } from '../../components/ui/ActionBar'
import type { AppError } from '../../lib/ipc'
import { useProfilesStore } from '../../stores/profiles.store'
import { useUiStore } from '../../stores/ui.store'
import { retryKeychain } from '../profiles/retry-keychain'
import {
  failedTitle,
  nodeActionItems,
  REASONS,
  runNodeAction,
  useProfileBlockReason,
  type NodeActionItem
} from './node-action-model'
import { ActionConfirm } from './ActionConfirm'
import { OverflowMenu, type MenuItem } from './OverflowMenu'
import './node-detail.css'

interface NodeActionsProps {
  profileId: string
  node: NodeSummary
  pending: PendingAction | undefined
  /** Opens the delete dialog. */
  onDelete(): void
  /** Extra entries for "More" (open in MyAccount, copy SSH command). */
  moreItems?: MenuItem[]
  /** Where keyboard focus waits while an action started from the bar runs (every button is disabled meanwhile,
   * and a disabled button drops focus to the page): the panel's heading. Without it focus is left alone. */
  focusWhileBusy?: RefObject<HTMLElement | null>
}

const CREDENTIAL_REASONS: string[] = [REASONS.rejected, REASONS.expired, REASONS.missing]
const KEYCHAIN_REASONS: string[] = [REASONS.locked, REASONS.unavailable]

/** The bar shows one power button: Power on for a powered-off node, Power off otherwise. */
function barItems(items: NodeActionItem[], node: NodeSummary): NodeActionItem[] {
  return items.filter(
    (i) => !i.overflow && !i.redundant && !(i.id === 'power_on' && node.status !== 'OFF' && node.status !== 'UNKNOWN')
  )
}

/** What the status line says once main's action on the node is over (the badge changes silently). */
function doneText(kind: PendingKind, node: NodeSummary): string {
  switch (kind) {
    case 'lock_vm':
    case 'unlock_vm':
      return `${node.name} is ${node.isLocked ? 'locked' : 'unlocked'}.`
    case 'enable_accidental_protection':
    case 'disable_accidental_protection':
      return `Delete protection is ${node.isProtected ? 'on' : 'off'} for ${node.name}.`
    case 'power_on':
    case 'power_off':
    case 'reboot':
      return `${node.name} is ${STATUS_LABEL[node.status].toLowerCase()}.`
    default:
      // Create, delete and billing say so where they are done.
      return ''
  }
}

/** The bar, the "More" items and the notices (progress, paused, failure, confirmation) for one node, so a header
 * can place the More menu apart from the bar. `NodeActions` below is the default arrangement. */
export function useNodeActions({
  profileId,
  node,
  pending,
  onDelete,
  moreItems = [],
  focusWhileBusy
}: NodeActionsProps) {
  const blockedReason = useProfileBlockReason(profileId)
  const isDemo = useProfilesStore((st) => st.profiles.find((p) => p.id === profileId)?.isDemo ?? false)
  const setView = useUiStore((s) => s.setView)
  const [sending, setSending] = useState<NodeAction | null>(null)
  const [failure, setFailure] = useState<{ action: NodeAction; error: AppError } | null>(null)
  const [confirming, setConfirming] = useState<{ item: NodeActionItem; slot: number } | null>(null)
  const items = nodeActionItems(node, { blockedReason, busy: pending !== undefined || sending !== null })
  const shown = barItems(items, node)
  // The bar's buttons by position: Power on takes Power off's place, Unlock Lock's.
  const slots = useRef<(HTMLButtonElement | null)[]>([])
  // An action started from the bar slot `slot` is running; focus waits on `focusWhileBusy` until main's pending
  // state for it has come (`seen`) and gone, then goes back to the slot.
  const parked = useRef<{ slot: number; seen: boolean } | null>(null)

  // The last thing said in the status line: main's pending action, then what came of it.
  const [lastKind, setLastKind] = useState<PendingKind | null>(pending?.kind ?? null)
  const [outcome, setOutcome] = useState('')
  if ((pending?.kind ?? null) !== lastKind) {
    setLastKind(pending?.kind ?? null)
    setOutcome(!pending && lastKind ? doneText(lastKind, node) : '')
  }
  const statusText = pending ? `${node.name}: ${PENDING_LABEL[pending.kind]}` : failure ? '' : outcome

  useEffect(() => {
    const park = parked.current
    const home = focusWhileBusy?.current
    if (!park || !home) return
    if (pending) park.seen = true
    // The confirm is still up: it gives focus back to its opener when it closes, and this runs again then.
    if (document.querySelector('[aria-modal="true"]')) return
    const active = document.activeElement
    const slot = slots.current[park.slot]
    if (failure || (park.seen && !pending && sending === null)) {
      parked.current = null
      // Over: onto the control now in its place (Power on where Power off was), when it can be used.
      if (active === home && slot && !slot.disabled) slot.focus()
      return
    }
    if (active === home) return
    const lost = !active || active === document.body || !active.isConnected || active === slot
    if (lost) home.focus()
    else parked.current = null // the user has moved on
  })

  const run = async (action: NodeAction) => {
    setSending(action)
    setFailure(null)
    const error = await runNodeAction(profileId, node, action)
    setSending(null)
    if (error) setFailure({ action, error })
  }

  /** `slot`: the bar position it was chosen from (null: the More menu, whose button stays enabled). */
  const choose = (item: NodeActionItem, slot: number | null = null) => {
    if (item.id === 'delete') return onDelete()
    if (item.confirm) return setConfirming({ item, slot: slot ?? -1 })
    if (slot !== null && focusWhileBusy?.current) {
      // Before the button is disabled under the keyboard.
      parked.current = { slot, seen: false }
      focusWhileBusy.current.focus()
    }
    void run(item.id)
  }

  const overflow: MenuItem[] = [
    ...items
      .filter((i) => i.overflow)
      .map((i) => ({
        id: i.id,
        label: i.label,
        icon: i.icon,
        disabledReason: i.disabledReason,
        danger: i.danger,
        onSelect: () => choose(i)
      })),
    ...moreItems
  ]

  const bar = (
    <ActionBar label={`Actions for ${node.name}`} className="nd-bar">
      {shown.map((item, i) => (
        <Button
          key={item.id}
          ref={(el) => {
            slots.current[i] = el
          }}
          icon={item.icon}
          size="sm"
          variant={item.id === 'delete' ? 'danger' : 'default'}
          disabledReason={item.disabledReason}
          onClick={() => choose(item, i)}
          data-testid={item.id === 'delete' ? 'delete-node' : `action-${item.id}`}
        >
          {sending === item.id ? PENDING_LABEL[item.id] : item.label}
        </Button>
      ))}
    </ActionBar>
  )

  const notices = (
    <>
      {/* Always there, so a change is announced: what is under way, then what came of it. */}
      <p className="sr-only" role="status" data-testid="action-status">
        {statusText}
      </p>
      {pending && (
        <p className="nd-progress" aria-hidden="true" data-testid="pending">
          <span className="spinner" aria-hidden="true" /> {PENDING_LABEL[pending.kind]}
        </p>
      )}
      {blockedReason && (
        <p className="nd-blocked" data-testid="actions-blocked">
          <span>Actions paused. {blockedReason}.</span>
          {CREDENTIAL_REASONS.includes(blockedReason) && (
            <Button size="sm" variant="ghost" icon={KeyRound} onClick={() => setView('profiles')}>
              Open Profiles
            </Button>
          )}
          {KEYCHAIN_REASONS.includes(blockedReason) && (
            <Button size="sm" variant="ghost" icon={RotateCw} onClick={() => void retryKeychain(profileId)}>
              Try again
            </Button>
          )}
        </p>
      )}
      {failure && (
        <div data-testid="action-error">
          <ErrorText
            compact
            demo={isDemo}
            title={failedTitle(failure.action, node.name)}
            error={failure.error}
            onRetry={() => void run(failure.action)}
          />
        </div>
      )}
      {confirming && confirming.item.id !== 'delete' && (
        <ActionConfirm
          action={confirming.item.id as NodeAction}
          nodeName={node.name}
          onClose={() => setConfirming(null)}
          onConfirm={() => {
            // Its button is disabled once this runs: when the confirm closes, focus waits on the heading.
            if (confirming.slot >= 0) parked.current = { slot: confirming.slot, seen: false }
            return run(confirming.item.id as NodeAction)
          }}
        />
      )}
    </>
  )
  return { bar, menuItems: overflow, notices }
}

/** The bar with "More" at its end, then the notices. */
export function NodeActions(props: NodeActionsProps) {
  const { bar, menuItems, notices } = useNodeActions(props)
  return (
    <div className="nd-actions">
      <div className="nd-bar-row">
        {bar}
        <OverflowMenu items={menuItems} />
      </div>
      {notices}
    </div>
  )
}
