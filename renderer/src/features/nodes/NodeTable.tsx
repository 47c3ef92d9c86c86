// The node list, virtualised: only the rows in view (plus a few) are in the DOM, so 10,000 nodes scroll smoothly.
// A real <table> keeps table semantics; spacer rows stand in for the rows above and below the window.
import { memo, useEffect, useLayoutEffect, useRef, useState, type FocusEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { NodeSummary } from '../../../../shared/domain/node'
import type { ProfileNodes } from '../../../../shared/domain/node-state'
import type { ProfileView } from '../../../../shared/domain/profile'
import { StatusBadge } from '../../components/StatusBadge'
import { copyText } from '../../lib/clipboard'
import { formatDate } from '../../lib/format'
import { toast } from '../../stores/notifications.store'
import type { SelectedNode } from '../../stores/ui.store'
import type { NodeRow } from './list-filter'
import { PENDING_LABEL } from './pending-label'

const ROW_HEIGHT = 41
const OVERSCAN = 4
/** Roughly where the table starts on a typical window: header, toolbar, polling bar and count. */
const TABLE_TOP_GUESS = 240

interface NodeTableProps {
  rows: NodeRow[]
  showProfile: boolean
  profiles: Record<string, ProfileView>
  states: Record<string, ProfileNodes>
  selected: SelectedNode | null
  onSelect(node: SelectedNode): void
}

export const NodeTable = memo(function NodeTable({
  rows,
  showProfile,
  profiles,
  states,
  selected,
  onSelect
}: NodeTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const overscan = useOverscanAfterFirstPaint()
  // Its functions are only called during this render (no React Compiler here), which is what the rule warns about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan,
    // Before the scroll box is measured, guess its height (the window less the header and toolbar above it), so
    // the first commit already has about the rows that fit; the measurement right after corrects the guess.
    initialRect: { width: 0, height: Math.max(ROW_HEIGHT * 6, window.innerHeight - TABLE_TOP_GUESS) }
  })
  const focusedNode = useKeepFocusOnNode(scrollRef)
  const items = virtualizer.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  const cols = showProfile ? 7 : 6

  return (
    <div
      className="table-scroll"
      ref={scrollRef}
      data-testid="node-table-scroll"
      tabIndex={-1}
      onFocus={focusedNode.onFocus}
      onBlur={focusedNode.onBlur}
    >
      <table className="data node-table" aria-rowcount={rows.length + 1} data-testid="node-table">
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="col-name">
              Name
            </th>
            <th scope="col" className="col-status">
              Status
            </th>
            <th scope="col" className="col-ip">
              Public IP
            </th>
            <th scope="col" className="col-plan">
              Plan
            </th>
            <th scope="col" className="col-loc">
              Location
            </th>
            {showProfile && (
              <th scope="col" className="col-profile">
                Profile
              </th>
            )}
            <th scope="col" className="col-created">
              Created
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={cols} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]
            if (!row) return null
            const { node, profileId } = row
            const pending = states[profileId]?.pending[String(node.id)]
            return (
              <NodeTableRow
                // Keyed by position (the virtualiser's default), not by node: a keystroke that changes which nodes
                // are in view updates the rows already on screen instead of building new ones, which halves its cost.
                key={item.index}
                index={item.index}
                node={node}
                profileId={profileId}
                pendingLabel={pending ? PENDING_LABEL[pending.kind] : undefined}
                isSelected={selected?.profileId === profileId && selected.nodeId === node.id}
                profileName={showProfile ? (profiles[profileId]?.name ?? profileId) : undefined}
                onSelect={onSelect}
              />
            )
          })}
          {bottom > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={cols} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
})

/** Rows beyond the visible ones (for smooth scrolling) join after the first paint: each row costs that paint
 * about half a millisecond. */
function useOverscanAfterFirstPaint(): number {
  const [overscan, setOverscan] = useState(0)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setOverscan(OVERSCAN), 0)))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [])
  return overscan
}

/** Rows are keyed by position, so after the list changes the element that had focus may show another node.
 * This moves focus to the row now showing the node the user was on (same button), or to the table when that node
 * left the window, so Enter never acts on a node the user did not choose. */
function useKeepFocusOnNode(scrollRef: { current: HTMLDivElement | null }) {
  const focused = useRef<{ key: string; control: string } | null>(null)
  useLayoutEffect(() => {
    const want = focused.current
    const box = scrollRef.current
    if (!want || !box) return
    const active = document.activeElement
    if (active && box.contains(active) && active.closest('tr')?.getAttribute('data-node-key') === want.key) return
    if (active && active !== document.body && !box.contains(active)) return
    const row = [...box.querySelectorAll<HTMLElement>('tr[data-node-key]')].find((r) => r.dataset.nodeKey === want.key)
    const target = row?.querySelector<HTMLElement>(`[data-control="${want.control}"]`)
    if (target) target.focus()
    else {
      focused.current = null
      box.focus()
    }
  })
  return {
    onFocus(e: FocusEvent<HTMLDivElement>) {
      const key = (e.target as HTMLElement).closest('tr')?.getAttribute('data-node-key')
      const control = (e.target as HTMLElement).getAttribute('data-control')
      focused.current = key && control ? { key, control } : null
    },
    onBlur(e: FocusEvent<HTMLDivElement>) {
      const to = e.relatedTarget as Node | null
      if (to) {
        if (!e.currentTarget.contains(to)) focused.current = null
        return
      }
      // Focus went nowhere: either the user clicked outside (the element is still there, so forget the node and
      // never pull focus back) or a re-render removed the element (keep the node, to restore focus to it).
      const left = e.target
      queueMicrotask(() => {
        if (left.isConnected) focused.current = null
      })
    }
  }
}

async function copy(ip: string): Promise<void> {
  const ok = await copyText(ip)
  toast(ok ? { kind: 'ok', title: `Copied ${ip}` } : { kind: 'error', title: 'Could not copy the IP address' })
}

interface NodeTableRowProps {
  index: number
  node: NodeSummary
  profileId: string
  pendingLabel: string | undefined
  isSelected: boolean
  /** Set only when the Profile column is shown. */
  profileName: string | undefined
  onSelect(node: SelectedNode): void
}

/** Memoised: a keystroke or a poll re-renders only the rows whose node, pending state or selection changed. */
const NodeTableRow = memo(function NodeTableRow({
  index,
  node,
  profileId,
  pendingLabel,
  isSelected,
  profileName,
  onSelect
}: NodeTableRowProps) {
  return (
    <tr
      data-node-key={`${profileId}:${node.id}`}
      aria-rowindex={index + 2}
      className={isSelected ? 'selected' : undefined}
      data-testid="node-row"
      style={{ height: ROW_HEIGHT }}
    >
      <td className="col-name">
        <button
          type="button"
          className="link-button"
          // Element Timing: the bench reads when the list's first row was painted.
          elementtiming={index === 0 ? 'first-node-row' : undefined}
          data-control="open"
          aria-current={isSelected ? 'true' : undefined}
          onClick={() => onSelect({ profileId, nodeId: node.id })}
        >
          {node.name}
        </button>
        {node.isLocked && (
          <span className="tag" title="Locked">
            Locked
          </span>
        )}
      </td>
      <td className="col-status">
        <StatusBadge status={node.status} {...(pendingLabel ? { pending: pendingLabel } : {})} />
      </td>
      <td className="col-ip">
        {node.publicIp ? (
          <span className="row" style={{ gap: 4 }}>
            <span className="mono">{node.publicIp}</span>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              aria-label={`Copy IP ${node.publicIp}`}
              data-control="copy"
              title="Copy IP"
              onClick={() => void copy(node.publicIp as string)}
            >
              Copy
            </button>
          </span>
        ) : (
          <span className="muted">none</span>
        )}
      </td>
      <td className="col-plan">{node.plan}</td>
      <td className="col-loc">{node.location ?? '—'}</td>
      {profileName !== undefined && <td className="col-profile">{profileName}</td>}
      <td className="col-created">{formatDate(node.createdAt)}</td>
    </tr>
  )
})
