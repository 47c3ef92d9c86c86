// The node list, virtualised: only the rows in view (plus a few) are in the DOM, so 10,000 nodes scroll smoothly.
// A real <table> keeps table semantics; spacer rows stand in for the rows above and below the window.
// Columns sort from their headers (aria-sort); a checkbox per row (Shift extends, Ctrl/Cmd-click toggles); a
// menu button per row and right-click open the row's menu (mounted by the screen, only while open). The arrow keys,
// Home/End and PageUp/PageDown move between rows (use-row-keys.ts), through one handler on the scroll box. The rows
// are one Tab stop (roving tabindex): only the row last focused (else the first in view) has tabbable controls, so
// Tab goes past the list in a few presses instead of three or four per row.
import {
  memo,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type MouseEvent
} from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { ArrowDown, ArrowUp, ChevronDown, ChevronRight } from 'lucide-react'
import type { ProfileNodes } from '../../../../shared/domain/node-state'
import type { ProfileView } from '../../../../shared/domain/profile'
import { nodeCost, type CostTotal, type PriceBook } from '../../../../shared/domain/running-cost'
import { StatusBadge } from '../../components/StatusBadge'
import { maskIcon } from '../../components/ui/MaskIcon'
import { DemoBadge } from '../../components/ui/Badge'
import { copyText } from '../../lib/clipboard'
import { formatCount, formatDate } from '../../lib/format'
import { toast } from '../../stores/notifications.store'
import type { SelectedNode } from '../../stores/ui.store'
import { nodeCostText, totalText } from '../../tray/cost-text'
import { isGroupRow, type GroupRow, type NodeRow, type SortKey, type SortSpec, type TableRow } from './list-filter'
import { PENDING_LABEL } from './pending-label'
import { nodeKey } from './selection.store'
import { useRowKeys } from './use-row-keys'

export const ROW_HEIGHT = 38
// Made once: every row shows the same icons, and an element React has seen before costs nothing to re-render. Each
// is one masked <span> (components/ui/mask-icons.ts), not a lucide SVG tree: the rows' icons were a third of the first render. The
// menu button, the IP's copy icon and the demo mark, in every row, are drawn by CSS: no element at all. A row's
// first render and every keystroke's re-render cost about what its element count does, so each row keeps to ~17.
const LOCK_ICON = maskIcon('lock')
const SHIELD_ICON = maskIcon('shield')
/** The list's demo mark is drawn by CSS after the name (`.name-cell.is-demo::after`: the word, or the flask when the
 * list is narrow, with "Demo" for screen readers either way); this tooltip is the name cell's. */
const DEMO_TITLE = 'Demo sandbox: simulated nodes, changes are not real'
// The header's sort arrow: an element made once is not re-rendered when a keystroke re-renders the table.
const ARROW_UP = <ArrowUp size={13} aria-hidden="true" />
const ARROW_DOWN = <ArrowDown size={13} aria-hidden="true" />
const OVERSCAN = 4
/** Roughly where the table starts on a typical window: header, toolbar, chips and polling line. */
const TABLE_TOP_GUESS = 220

export interface RowMenuRequest {
  row: NodeRow
  /** Where to open: the row's menu button, or the pointer for a right-click. */
  at: { kind: 'element'; element: HTMLElement } | { kind: 'point'; x: number; y: number }
  /** Focus returns here when the menu closes. */
  returnTo: HTMLElement | null
}

export interface CheckGesture {
  /** Shift: extend from the last row clicked. */
  range: boolean
}

interface NodeTableProps {
  rows: TableRow[]
  showProfile: boolean
  profiles: Record<string, ProfileView>
  states: Record<string, ProfileNodes>
  selected: SelectedNode | null
  onSelect(node: SelectedNode): void
  sort: SortSpec
  onSort(key: SortKey): void
  checked: ReadonlySet<string>
  onCheck(key: string, gesture: CheckGesture): void
  /** The header checkbox: every shown node checked, some, or none. */
  checkAll: 'all' | 'some' | 'none'
  onCheckAll(checked: boolean): void
  onRowMenu(request: RowMenuRequest): void
  onToggleGroup(profileId: string): void
  books: Record<string, PriceBook>
  groupCosts: Record<string, CostTotal>
  /** Minute clock for the cost estimate. */
  now: number
}

interface ColumnDef {
  key: SortKey
  label: string
  className: string
}

const COLUMNS: ColumnDef[] = [
  { key: 'name', label: 'Name', className: 'col-name' },
  { key: 'status', label: 'Status', className: 'col-status' },
  { key: 'ip', label: 'Public IP', className: 'col-ip' },
  { key: 'plan', label: 'Plan', className: 'col-plan' },
  { key: 'location', label: 'Location', className: 'col-loc' },
  { key: 'profile', label: 'Profile', className: 'col-profile' },
  { key: 'cost', label: 'Cost (est.)', className: 'col-cost' },
  { key: 'created', label: 'Created', className: 'col-created' }
]

export const NodeTable = memo(function NodeTable(props: NodeTableProps) {
  const { rows, showProfile, profiles, states, selected, onSelect, sort, onSort, checked, onCheck } = props
  const { checkAll, onCheckAll, onRowMenu, onToggleGroup, books, groupCosts, now } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const afterFirstPaint = useAfterFirstPaint()
  const overscan = afterFirstPaint ? OVERSCAN : 0
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
  // The row whose controls are in the Tab order: the one focus was last in.
  const [activeRow, setActiveRow] = useState<string | null>(null)
  // After useKeepFocusOnNode: its effect may hand focus to the box when a row being left unmounts; this one's then
  // focuses the row scrolled to.
  const onRowKeys = useRowKeys({ scrollRef, virtualizer, rows, rowHeight: ROW_HEIGHT, checked, onCheck })
  const items = virtualizer.getVirtualItems()
  // That row when it is rendered, else the first in view (never none: Tab must be able to enter the rows).
  const scrolled = virtualizer.scrollOffset ?? 0
  const tabStop =
    items.find((it) => activeRow !== null && rowKeyOf(rows[it.index]) === activeRow)?.index ??
    (items.find((it) => it.end > scrolled) ?? items[0])?.index
  const top = items[0]?.start ?? 0
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  const grouped = rows[0] !== undefined && isGroupRow(rows[0])
  const cols = useVisibleColumns(scrollRef, showProfile ? COLUMNS.length + 2 : COLUMNS.length + 1, grouped)
  const checkAllRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (checkAllRef.current) checkAllRef.current.indeterminate = checkAll === 'some'
  }, [checkAll])

  return (
    <div
      className={`table-scroll${showProfile ? ' with-profile' : ''}`}
      ref={scrollRef}
      data-testid="node-table-scroll"
      tabIndex={-1}
      onFocus={(e) => {
        focusedNode.onFocus(e)
        const tr = (e.target as HTMLElement).closest('tbody > tr[aria-rowindex]')
        const key = tr ? rowKeyOf(rows[Number(tr.getAttribute('aria-rowindex')) - 2]) : null
        if (key !== null) setActiveRow(key)
      }}
      onBlur={focusedNode.onBlur}
      onKeyDown={onRowKeys}
    >
      <table className="data node-table" aria-rowcount={rows.length + 1} data-testid="node-table">
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="col-check">
              <input
                ref={checkAllRef}
                type="checkbox"
                className="row-check"
                aria-label={checkAll === 'all' ? 'Uncheck all shown nodes' : 'Check all shown nodes'}
                checked={checkAll === 'all'}
                onChange={(e) => onCheckAll(e.target.checked)}
                data-testid="check-all"
              />
            </th>
            {COLUMNS.filter((c) => showProfile || c.key !== 'profile').map((c) => {
              const active = sort.key === c.key
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.className}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button
                    type="button"
                    className={`th-sort${active ? ' th-sort-active' : ''}`}
                    onClick={() => onSort(c.key)}
                    data-sort={c.key}
                  >
                    <span className="th-label">{c.label}</span>
                    {active && (sort.dir === 'asc' ? ARROW_UP : ARROW_DOWN)}
                  </button>
                </th>
              )
            })}
            <th scope="col" className="col-menu">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            // One cell, no span: a span wider than the columns shown would add empty columns.
            <tr aria-hidden="true" className="spacer-row">
              <td style={{ height: top }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]
            if (!row) return null
            if (isGroupRow(row))
              return (
                <GroupHeaderRow
                  key={item.index}
                  index={item.index}
                  row={row}
                  cols={cols}
                  profile={profiles[row.profileId]}
                  cost={groupCosts[row.profileId]}
                  onToggle={onToggleGroup}
                  tabbable={item.index === tabStop}
                />
              )
            const { node, profileId } = row
            const pending = states[profileId]?.pending[String(node.id)]
            const profile = profiles[profileId]
            const key = nodeKey(profileId, node.id)
            return (
              <NodeTableRow
                // Keyed by position (the virtualiser's default), not by node: a keystroke that changes which nodes
                // are in view updates the rows already on screen instead of building new ones, which halves its cost.
                key={item.index}
                index={item.index}
                row={row}
                pendingLabel={pending ? PENDING_LABEL[pending.kind] : undefined}
                isSelected={selected?.profileId === profileId && selected.nodeId === node.id}
                isChecked={checked.has(key)}
                isDemo={profile?.isDemo ?? false}
                profile={showProfile ? profile : undefined}
                showProfile={showProfile}
                book={books[profileId]}
                now={now}
                onSelect={onSelect}
                onCheck={onCheck}
                onRowMenu={onRowMenu}
                withControls={afterFirstPaint}
                tabbable={item.index === tabStop}
              />
            )
          })}
          {bottom > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td style={{ height: bottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
})

/** A row's identity for the roving Tab stop: its node, or its group's profile. */
function rowKeyOf(row: TableRow | undefined): string | null {
  if (!row) return null
  return isGroupRow(row) ? `group:${row.profileId}` : nodeKey(row.profileId, row.node.id)
}

/** How many header cells are shown: the narrow layouts hide columns with container queries, and a group header
 * must span exactly the columns there are (a wider span adds empty columns that take the name's width). Measured
 * only while grouped (the ungrouped list's first paint reads no computed style): once before the grouped list's
 * first frame, so that frame never has the wrong span (its columns jumped one way and back), then on resizes. */
function useVisibleColumns(scrollRef: { current: HTMLDivElement | null }, inDom: number, grouped: boolean): number {
  const [count, setCount] = useState(inDom)
  useLayoutEffect(() => {
    const box = scrollRef.current
    if (!grouped || !box) return
    let frame = 0
    const countShown = () => {
      let n = 0
      for (const th of box.querySelectorAll('thead th')) if (getComputedStyle(th).display !== 'none') n++
      setCount(n || inDom)
    }
    const measure = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(countShown)
    }
    countShown()
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure)
    ro?.observe(box)
    return () => {
      cancelAnimationFrame(frame)
      ro?.disconnect()
    }
  }, [scrollRef, inDom, grouped])
  return count
}

/** False until the list's first frame has been painted. What waits for it: the rows beyond the visible ones (for
 * smooth scrolling; each row costs that paint about half a millisecond) and each row's check box and menu button
 * (form controls are the dearest elements of a row: the first paint came ~11 ms sooner without them, p90 ~30 ms,
 * docs/performance.md). They join one frame later, in room the columns keep for them, so nothing moves. */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true), 0)))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [])
  return painted
}

/** Rows are keyed by position, so after the list changes the element that had focus may show another node.
 * This moves focus to the row now showing the node the user was on (same control), or to the table when that
 * node left the window, so Enter never acts on a node the user did not choose. */
function useKeepFocusOnNode(scrollRef: { current: HTMLDivElement | null }) {
  const focused = useRef<{ key: string; control: string; el: Element } | null>(null)
  useLayoutEffect(() => {
    const want = focused.current
    const box = scrollRef.current
    if (!want || !box) return
    const active = document.activeElement
    if (active && box.contains(active) && active.closest('tr')?.getAttribute('data-node-key') === want.key) return
    if (active && active !== document.body && !box.contains(active)) return
    // The element is still there, on the same node, and focus is on the page: the user left (a render can come
    // before onBlur's check below does, e.g. the row's Tab stop moving).
    if (want.el.isConnected && want.el.closest('tr')?.getAttribute('data-node-key') === want.key) {
      focused.current = null
      return
    }
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
      focused.current = key && control ? { key, control, el: e.target } : null
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

interface GroupHeaderRowProps {
  index: number
  row: GroupRow
  /** The columns shown now: the header spans exactly these. */
  cols: number
  profile: ProfileView | undefined
  cost: CostTotal | undefined
  onToggle(profileId: string): void
  /** The list's one Tab stop is in this row. */
  tabbable: boolean
}

const GroupHeaderRow = memo(function GroupHeaderRow({
  index,
  row,
  cols,
  profile,
  cost,
  onToggle,
  tabbable
}: GroupHeaderRowProps) {
  const Chevron = row.collapsed ? ChevronRight : ChevronDown
  const name = profile?.name ?? row.profileId
  return (
    <tr className="group-row" aria-rowindex={index + 2} data-testid="group-row" data-profile={row.profileId}>
      <td colSpan={cols}>
        <button
          type="button"
          className="group-toggle"
          tabIndex={tabbable ? 0 : -1}
          aria-expanded={!row.collapsed}
          onClick={() => onToggle(row.profileId)}
          title={profile ? `Project ${profile.projectId} · ${profile.location}` : undefined}
        >
          <Chevron size={15} aria-hidden="true" />
          <span className="profile-dot" style={{ background: profile?.color }} aria-hidden="true" />
          <strong>{name}</strong>
        </button>
        {profile?.isDemo && <DemoBadge compact />}
        <span className="muted small">
          {row.shown === row.total
            ? `${formatCount(row.total)} ${row.total === 1 ? 'node' : 'nodes'}`
            : `${formatCount(row.shown)} of ${formatCount(row.total)}`}
        </span>
        {cost && cost.perHour > 0 && (
          <span className="muted small group-cost" title="Estimated running cost of this profile's nodes">
            {totalText(cost)}
          </span>
        )}
      </td>
    </tr>
  )
})

interface NodeTableRowProps {
  index: number
  row: NodeRow
  pendingLabel: string | undefined
  isSelected: boolean
  isChecked: boolean
  isDemo: boolean
  /** Set only when the Profile column is shown. */
  profile: ProfileView | undefined
  showProfile: boolean
  book: PriceBook | undefined
  now: number
  onSelect(node: SelectedNode): void
  onCheck(key: string, gesture: CheckGesture): void
  onRowMenu(request: RowMenuRequest): void
  /** The check box and the menu button; off for the first frame only (useAfterFirstPaint). */
  withControls: boolean
  /** The list's one Tab stop is in this row: its controls are tabbable (the others' only by the arrows). */
  tabbable: boolean
}

/** Memoised: a keystroke or a poll re-renders only the rows whose node, pending state or selection changed. */
const NodeTableRow = memo(function NodeTableRow({
  index,
  row,
  pendingLabel,
  isSelected,
  isChecked,
  isDemo,
  profile,
  showProfile,
  book,
  now,
  onSelect,
  onCheck,
  onRowMenu,
  withControls,
  tabbable
}: NodeTableRowProps) {
  const { node, profileId } = row
  const tab = tabbable ? 0 : -1
  const key = nodeKey(profileId, node.id)
  const open = () => onSelect({ profileId, nodeId: node.id })
  const cost = nodeCostText(nodeCost(node, book, now))
  const openButton = (tr: HTMLElement) => tr.querySelector<HTMLElement>('[data-control="open"]')

  // Ctrl/Cmd-click toggles the row's check, Shift-click extends; a plain click on the row opens it.
  const onRowClick = (e: MouseEvent<HTMLTableRowElement>) => {
    const target = e.target as HTMLElement
    const onControl = target.closest('button, input, a') !== null
    if (e.shiftKey) {
      e.preventDefault()
      onCheck(key, { range: true })
    } else if (e.ctrlKey || e.metaKey) {
      e.preventDefault()
      onCheck(key, { range: false })
    } else if (!onControl) open()
  }

  return (
    <tr
      data-node-key={key}
      data-node={node.name}
      aria-rowindex={index + 2}
      className={[isSelected ? 'selected' : '', isChecked ? 'checked' : ''].filter(Boolean).join(' ') || undefined}
      data-testid="node-row"
      onClick={onRowClick}
      onContextMenu={(e) => {
        e.preventDefault()
        onRowMenu({ row, at: { kind: 'point', x: e.clientX, y: e.clientY }, returnTo: openButton(e.currentTarget) })
      }}
    >
      <td className="col-check">
        {withControls && (
          <input
            type="checkbox"
            className="row-check"
            checked={isChecked}
            aria-label={`Check ${node.name}`}
            tabIndex={tab}
            data-control="check"
            onChange={() => undefined}
            onClick={(e) => {
              e.stopPropagation()
              onCheck(key, { range: e.shiftKey })
            }}
          />
        )}
      </td>
      <td className="col-name">
        <span
          className={isDemo ? 'name-cell is-demo ticon-flask' : 'name-cell'}
          title={isDemo ? DEMO_TITLE : undefined}
        >
          <button
            type="button"
            className="link-button node-name"
            // Element Timing: the bench reads when the list's first row was painted.
            elementtiming={index === 0 ? 'first-node-row' : undefined}
            data-control="open"
            tabIndex={tab}
            aria-current={isSelected ? 'true' : undefined}
            title={node.name}
            onClick={(e) => {
              // Modified clicks are the row's (selection); a plain one opens the node.
              if (e.shiftKey || e.ctrlKey || e.metaKey) return
              e.stopPropagation()
              open()
            }}
          >
            {node.name}
          </button>
          {node.isLocked && (
            <span className="badge" title="Locked: power and delete are off until it is unlocked">
              {LOCK_ICON}
              Locked
            </span>
          )}
          {node.isProtected && (
            <span className="row-icon" title="Delete protection is on" role="img" aria-label="Delete protection on">
              {SHIELD_ICON}
            </span>
          )}
        </span>
      </td>
      <td className="col-status">
        <StatusBadge status={node.status} {...(pendingLabel ? { pending: pendingLabel } : {})} />
      </td>
      <td className="col-ip">
        {node.publicIp ? (
          // One button: the address is the control (click to copy); the copy icon shows on the row's hover or focus.
          <button
            type="button"
            className="ip-copy ticon-copy"
            aria-label={`Copy IP ${node.publicIp}`}
            data-control="copy"
            tabIndex={tab}
            title="Copy IP address"
            onClick={() => void copy(node.publicIp as string)}
          >
            {node.publicIp}
          </button>
        ) : (
          <span className="muted">none</span>
        )}
      </td>
      <td className="col-plan" title={node.plan}>
        {node.plan}
      </td>
      <td className="col-loc">{node.location ?? '—'}</td>
      {showProfile && (
        <td
          className="col-profile"
          title={profile ? `${profile.name} · project ${profile.projectId}` : profileId}
          // The dot before the name takes the profile's colour from this variable (no element of its own).
          style={profile?.color ? ({ '--profile-color': profile.color } as CSSProperties) : undefined}
        >
          <span className="profile-name">{profile?.name ?? profileId}</span>
        </td>
      )}
      <td className="col-cost" title={cost.title}>
        {cost.main || <span className="muted">—</span>}
      </td>
      <td className="col-created">{formatDate(node.createdAt)}</td>
      <td className="col-menu">
        {withControls && (
          <button
            type="button"
            className="btn btn-ghost btn-sm btn-icon ticon-before ticon-menu"
            aria-label={`Actions for ${node.name}`}
            aria-haspopup="menu"
            title="Actions"
            data-control="menu"
            tabIndex={tab}
            onClick={(e) =>
              onRowMenu({ row, at: { kind: 'element', element: e.currentTarget }, returnTo: e.currentTarget })
            }
          />
        )}
      </td>
    </tr>
  )
})
