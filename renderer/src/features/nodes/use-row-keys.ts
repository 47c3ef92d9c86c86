// Moving between the node list's rows by keyboard: ArrowDown/ArrowUp go to the same control (check, name, IP, menu)
// in the next/previous row, Home/End (or Ctrl+Home/End) to the first/last row, PageDown/PageUp a screenful; a group
// header's stop is its fold toggle. Shift+ArrowDown/Up checks the rows passed over, as a Shift-click does. One
// keydown handler on the scroll box serves every row (no per-row handlers: rows are kept small). A row outside the
// rendered window is scrolled to with the virtualiser first and focused once it is in the DOM. Nothing fires while a
// dialog or a menu has the keyboard or the user types in a field.
import { useCallback, useLayoutEffect, useRef, type KeyboardEvent } from 'react'
import type { Virtualizer } from '@tanstack/react-virtual'
import { isGroupRow, type TableRow } from './list-filter'
import { columnFor, rowMoveOf, rowMoveTarget, rowsPerPage } from './row-keys'
import { nodeKey } from './selection.store'
import type { CheckGesture } from './NodeTable'
import { isTyping, overlayOpen } from './use-list-shortcuts'

/** Longest wait for a scrolled-to row to render before its focus is given up (so a later re-render cannot pull
 * focus the user has moved on from). */
const PENDING_MS = 1000

interface RowKeysInput {
  scrollRef: { current: HTMLDivElement | null }
  virtualizer: Virtualizer<HTMLDivElement, Element>
  rows: readonly TableRow[]
  rowHeight: number
  checked: ReadonlySet<string>
  onCheck(key: string, gesture: CheckGesture): void
}

const keyOf = (row: TableRow | undefined): string | null =>
  row && !isGroupRow(row) ? nodeKey(row.profileId, row.node.id) : null

/** The rendered row at `index` (rows carry aria-rowindex = index + 2: the header row is 1). */
function renderedRow(box: HTMLElement, index: number): HTMLTableRowElement | null {
  return box.querySelector<HTMLTableRowElement>(`tbody > tr[aria-rowindex="${index + 2}"]`)
}

/** Scrolls the box just enough that `row` is clear of the sticky header and the bottom edge. */
function reveal(box: HTMLElement, row: HTMLElement): void {
  const head = box.querySelector('thead')?.getBoundingClientRect().height ?? 0
  const view = box.getBoundingClientRect()
  const r = row.getBoundingClientRect()
  const top = view.top + box.clientTop + head
  const bottom = view.top + box.clientTop + box.clientHeight
  if (r.top < top) box.scrollTop -= top - r.top
  else if (r.bottom > bottom) box.scrollTop += r.bottom - bottom
}

export function useRowKeys(input: RowKeysInput): (e: KeyboardEvent<HTMLDivElement>) => void {
  const latest = useRef(input)
  useLayoutEffect(() => {
    latest.current = input
  })
  /** The column kept while moving, and the control the last move focused (it may be the name instead of the IP in a
   * row with no IP; the column stays the IP's for the next rows). */
  const column = useRef<{ control: string; landed: Element | null }>({ control: 'open', landed: null })
  /** A row scrolled to but not rendered yet. */
  const pending = useRef<{ index: number; until: number } | null>(null)

  const land = useCallback((box: HTMLElement, tr: HTMLElement) => {
    const target =
      tr.dataset.nodeKey === undefined
        ? tr.querySelector<HTMLElement>('.group-toggle')
        : (tr.querySelector<HTMLElement>(`[data-control="${column.current.control}"]`) ??
          tr.querySelector<HTMLElement>('[data-control="open"]'))
    if (!target) return
    target.focus({ preventScroll: true })
    reveal(box, tr)
    column.current.landed = target
  }, [])

  // After each render: the row scrolled to may be in the DOM now.
  useLayoutEffect(() => {
    const want = pending.current
    const box = latest.current.scrollRef.current
    if (!want || !box) return
    const tr = renderedRow(box, want.index)
    if (tr) {
      pending.current = null
      // Focus is the box's while the row is awaited; anything else means the user moved on.
      if (document.activeElement === box) land(box, tr)
    } else if (performance.now() > want.until) pending.current = null
  })

  return useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.defaultPrevented || e.nativeEvent.isComposing) return
      const move = rowMoveOf(e)
      if (!move) return
      const target = e.target instanceof Element ? e.target : null
      if (isTyping(target) || overlayOpen()) return
      const { scrollRef, virtualizer, rows, rowHeight, checked, onCheck } = latest.current
      const box = scrollRef.current
      if (!box) return

      const tr = target?.closest('tbody > tr[aria-rowindex]') ?? null
      const from = tr
        ? Number(tr.getAttribute('aria-rowindex')) - 2
        : target === box && pending.current
          ? pending.current.index
          : null
      const head = box.querySelector('thead')?.getBoundingClientRect().height ?? 0
      const to = rowMoveTarget(from, move, rows.length, rowsPerPage(box.clientHeight, head, rowHeight))
      if (to === null) return
      // The key is the list's even at an end: it must not scroll the box or move the page.
      e.preventDefault()

      // From the header, the check-all box leads to the rows' checks and a sort button to the names.
      const inHead = target?.closest('thead') ? (target instanceof HTMLInputElement ? 'check' : 'open') : null
      const control = target?.getAttribute('data-control') ?? inHead
      column.current.control = columnFor(control, target === column.current.landed, column.current.control)

      if (e.shiftKey && (move === 'next' || move === 'prev')) {
        const fromKey = from === null ? null : keyOf(rows[from])
        const toKey = keyOf(rows[to])
        if (toKey !== null && to !== from) {
          // Start from the row the user is on: Shift+Down on an unchecked row checks it and the next.
          if (fromKey !== null && !checked.has(fromKey)) onCheck(fromKey, { range: false })
          onCheck(toKey, { range: true })
        }
      }

      const row = renderedRow(box, to)
      if (row) {
        pending.current = null
        land(box, row)
        return
      }
      // Not rendered: hold focus on the box (the row being left may unmount), scroll the row into the window, and
      // focus it once it renders (the effect above).
      box.focus({ preventScroll: true })
      pending.current = { index: to, until: performance.now() + PENDING_MS }
      virtualizer.scrollToIndex(to, { align: 'auto' })
    },
    [land]
  )
}
