// The detail header's action bar: icon + label buttons (power, reboot, lock, delete) and "More" for the rest.
// What is enabled, and why not, comes from node-action-model.ts; a failure shows inline under the bar AND as a
// toast, in plain words. Power off and reboot ask first.
import { useState } from 'react'
import { KeyRound, RotateCw } from 'lucide-react'
import type { NodeAction, NodeSummary } from '../../../../shared/domain/node'
import type { PendingAction } from '../../../../shared/domain/node-state'
import { PENDING_LABEL } from '../../../../shared/domain/node-state'
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
}

const CREDENTIAL_REASONS: string[] = [REASONS.rejected, REASONS.expired, REASONS.missing]
const KEYCHAIN_REASONS: string[] = [REASONS.locked, REASONS.unavailable]

/** The bar shows one power button: Power on for a powered-off node, Power off otherwise. */
function barItems(items: NodeActionItem[], node: NodeSummary): NodeActionItem[] {
  return items.filter(
    (i) => !i.overflow && !i.redundant && !(i.id === 'power_on' && node.status !== 'OFF' && node.status !== 'UNKNOWN')
  )
}

/** The bar, the "More" items and the notices (progress, paused, failure, confirmation) for one node, so a header
 * can place the More menu apart from the bar. `NodeActions` below is the default arrangement. */
export function useNodeActions({ profileId, node, pending, onDelete, moreItems = [] }: NodeActionsProps) {
  const blockedReason = useProfileBlockReason(profileId)
  const isDemo = useProfilesStore((st) => st.profiles.find((p) => p.id === profileId)?.isDemo ?? false)
  const setView = useUiStore((s) => s.setView)
  const [sending, setSending] = useState<NodeAction | null>(null)
  const [failure, setFailure] = useState<{ action: NodeAction; error: AppError } | null>(null)
  const [confirming, setConfirming] = useState<NodeActionItem | null>(null)
  const items = nodeActionItems(node, { blockedReason, busy: pending !== undefined || sending !== null })

  const run = async (action: NodeAction) => {
    setSending(action)
    setFailure(null)
    const error = await runNodeAction(profileId, node, action)
    setSending(null)
    if (error) setFailure({ action, error })
  }

  const choose = (item: NodeActionItem) => {
    if (item.id === 'delete') return onDelete()
    if (item.confirm) return setConfirming(item)
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
      {barItems(items, node).map((item) => (
        <Button
          key={item.id}
          icon={item.icon}
          size="sm"
          variant={item.id === 'delete' ? 'danger' : 'default'}
          disabledReason={item.disabledReason}
          onClick={() => choose(item)}
          data-testid={item.id === 'delete' ? 'delete-node' : `action-${item.id}`}
        >
          {sending === item.id ? PENDING_LABEL[item.id] : item.label}
        </Button>
      ))}
    </ActionBar>
  )

  const notices = (
    <>
      {pending && (
        <p className="nd-progress" role="status" data-testid="pending">
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
      {confirming && confirming.id !== 'delete' && (
        <ActionConfirm
          action={confirming.id as NodeAction}
          nodeName={node.name}
          onClose={() => setConfirming(null)}
          onConfirm={() => run(confirming.id as NodeAction)}
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
