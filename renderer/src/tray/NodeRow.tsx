// One node: coloured status, name, IP, plan and running cost; a change under way shows its progress and time.
// The actions appear on hover and whenever focus is in the row, so the keyboard reaches them with Tab. They are
// enabled and disabled by the window's own rules (node-action-model.ts): the profile's state first (offline,
// credentials, keychain), then the node's, then an action already under way.
import { AppWindow, Copy, Lock, Power, PowerOff, RotateCcw, ShieldCheck, SquareTerminal, Trash2 } from 'lucide-react'
import { useState, type ReactNode } from 'react'
import type { NodeSummary } from '../../../shared/domain/node'
import { PENDING_LABEL, type PendingAction } from '../../../shared/domain/node-state'
import { nodeActionItems, useProfileBlockReason, type NodeActionId } from '../features/node-detail/node-action-model'
import { isTransitional, STATUS_LABEL } from '../../../shared/domain/node-status'
import { nodeCost, type PriceBook } from '../../../shared/domain/running-cost'
import { useNow } from '../lib/use-now'
import { elapsedText, nodeCostText } from './cost-text'
import type { NodeRowData } from './glance-model'
import type { PowerAction } from './popover-actions'

export type RowCommand =
  | { kind: 'open' }
  | { kind: 'copy-ip' }
  | { kind: 'copy-ssh' }
  | { kind: 'power'; action: PowerAction }
  | { kind: 'delete' }

export type Tone = 'running' | 'changing' | 'off' | 'failed' | 'unknown'

export function toneOf(node: NodeSummary, pending: PendingAction | undefined): Tone {
  if (pending || isTransitional(node.status)) return node.status === 'UNKNOWN' && !pending ? 'unknown' : 'changing'
  if (node.status === 'RUNNING') return 'running'
  if (node.status === 'FAILED') return 'failed'
  return 'off'
}

/**
 * Words for the row's name only, kept in the line of text they follow. The row is named from its content, and a
 * browser puts a space around every block it joins: an .sr-only comma (absolutely placed, so a block) read
 * "Running , 164…". Text of no size stays inline and takes no room.
 */
function Said({ children }: { children: string }) {
  return <span className="glance-said">{children}</span>
}

/** A middle dot for the eye, a comma for a screen reader. */
const SEP = (
  <>
    <span aria-hidden="true"> · </span>
    <Said>, </Said>
  </>
)

function Elapsed({ since }: { since: string }) {
  const now = useNow(1000)
  const t = Date.parse(since)
  return <>{Number.isNaN(t) ? '' : ` ${elapsedText(now - t)}`}</>
}

interface NodeRowProps {
  row: NodeRowData
  index: number
  book: PriceBook | undefined
  now: number
  /** The row that takes Tab focus (roving tabindex). */
  current: boolean
  onCommand(row: NodeRowData, cmd: RowCommand): void
}

export function NodeRow({ row, index, book, now, current, onCommand }: NodeRowProps) {
  const { node, pending } = row
  // The action buttons exist only where they can show (hovered or keyboard row): a keystroke that re-renders
  // the visible rows then builds no hidden buttons.
  const [hovered, setHovered] = useState(false)
  const tone = toneOf(node, pending)
  const changing = tone === 'changing'
  const state = pending ? PENDING_LABEL[pending.kind] : STATUS_LABEL[node.status]
  const cost = nodeCostText(nodeCost(node, book, now))
  // What only the colour bar and the icons say.
  const notes = [
    row.profile.isDemo ? 'demo sandbox, not real' : '',
    node.isLocked ? 'locked' : '',
    node.isProtected ? 'delete protection on' : ''
  ].filter((n) => n !== '')
  const blocked = useProfileBlockReason(row.profile.id)
  const busy = pending ? `Wait: ${PENDING_LABEL[pending.kind].replace('…', '')} is under way` : undefined
  const powerAction: PowerAction = node.status === 'RUNNING' ? 'power_off' : 'power_on'
  const items = nodeActionItems(node, { blockedReason: blocked, busy: false })
  const ruleWhy = (id: NodeActionId) => items.find((i) => i.id === id)?.disabledReason ?? undefined
  const tab = current ? 0 : -1
  const cmd = (c: RowCommand) => () => onCommand(row, c)
  const action = (label: string, icon: ReactNode, onClick: () => void, disabledWhy?: string, danger = false) => (
    <button
      type="button"
      className={`glance-action${danger ? ' glance-action-danger' : ''}`}
      aria-label={`${label} ${node.name}`}
      title={disabledWhy ?? `${label} ${node.name}`}
      disabled={disabledWhy !== undefined}
      tabIndex={tab}
      onClick={onClick}
    >
      {icon}
    </button>
  )

  return (
    <div
      className={`glance-row tone-${tone}${row.profile.isDemo ? ' glance-row-demo' : ''}`}
      data-testid="glance-row"
      data-node={node.name}
      data-demo={row.profile.isDemo || undefined}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      <button
        type="button"
        className="glance-row-main"
        data-row={index}
        tabIndex={tab}
        aria-keyshortcuts="Enter Delete"
        onClick={cmd({ kind: 'open' })}
      >
        <span className={`glance-dot dot-${tone}`} aria-hidden="true" />
        <span className="glance-row-text">
          {/* A long name is cut: its tooltip has it whole. */}
          {/* Read as one phrase: "web-02 (demo sandbox, not real; locked), Running, 164.52.7.3, C3.8GB, ₹2.70/h, …",
              each comma after a part that is there. */}
          <span className="glance-name" title={node.name}>
            {node.name}
            {notes.length > 0 && <Said>{` (${notes.join('; ')})`}</Said>}
            {node.isLocked && <Lock size={11} className="glance-flag" aria-hidden="true" />}
            {node.isProtected && <ShieldCheck size={11} className="glance-flag" aria-hidden="true" />}
            <Said>,</Said>
          </span>
          <span className="glance-meta">
            <span className={`glance-state state-${tone}`}>
              {state}
              {pending && <Elapsed since={pending.startedAt} />}
            </span>
            {SEP}
            <span className="mono">{node.publicIp ?? 'no public IP'}</span>
            {SEP}
            {node.plan || 'plan unknown'}
            {cost.main && <Said>,</Said>}
          </span>
        </span>
        {cost.main && (
          <span className="glance-cost" title={cost.title}>
            <span>
              {cost.main}
              {cost.sub && <Said>,</Said>}
            </span>
            <span className="glance-cost-sub">{cost.sub}</span>
          </span>
        )}
      </button>
      {(hovered || current) && (
        <div className="glance-actions">
          {action(
            'Copy IP of',
            <Copy size={15} />,
            cmd({ kind: 'copy-ip' }),
            node.publicIp ? undefined : 'No public IP'
          )}
          {action(
            'Copy SSH command for',
            <SquareTerminal size={15} />,
            cmd({ kind: 'copy-ssh' }),
            node.publicIp ? undefined : 'No public IP'
          )}
          {action('Open details of', <AppWindow size={15} />, cmd({ kind: 'open' }))}
          {action(
            powerAction === 'power_off' ? 'Power off' : 'Power on',
            powerAction === 'power_off' ? <PowerOff size={15} /> : <Power size={15} />,
            cmd({ kind: 'power', action: powerAction }),
            ruleWhy(powerAction) ?? busy
          )}
          {action(
            'Reboot',
            <RotateCcw size={15} />,
            cmd({ kind: 'power', action: 'reboot' }),
            ruleWhy('reboot') ?? busy
          )}
          {/* A locked or protected node's refusal is the delete dialog's to explain, as in the window. */}
          {action('Delete', <Trash2 size={15} />, cmd({ kind: 'delete' }), blocked ?? busy, true)}
        </div>
      )}
      {changing && (
        <div
          className="glance-progress"
          role="progressbar"
          aria-label={`${node.name}: ${state}`}
          aria-valuetext={state}
        >
          <span />
        </div>
      )}
    </div>
  )
}
