// Profiles and their nodes as one virtualised list (10 profiles × 500 nodes stay cheap). Keyboard: one row in
// the Tab order at a time (roving tabindex); arrows move, Home/End jump, Enter opens, Delete starts a delete,
// Left/Right fold a profile. The focused row is always rendered, so focus never falls out of the list.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import type { CostTotal, PriceBook } from '../../../shared/domain/running-cost'
import { notCreatedText, openCreateText, type PendingCreate } from '../../../shared/domain/node-state'
import type { GlanceRow, NodeRowData } from './glance-model'
import { NodeRow, type RowCommand } from './NodeRow'
import { SectionHeader } from './SectionHeader'

export const ROW_HEIGHT = { section: 50, node: 50, note: 34, create: 34 } as const

export interface GlanceListHandle {
  /** Focus the first row (from the search box's ArrowDown). */
  focusFirst(): void
}

interface GlanceListProps {
  rows: GlanceRow[]
  books: Record<string, PriceBook>
  profileCosts: Record<string, CostTotal>
  /** For costs (re-read every 30 s). */
  now: number
  /** For the sections' ages (re-read every few seconds). */
  ageNow: number
  handle: RefObject<GlanceListHandle | null>
  onToggle(profileId: string): void
  onCommand(row: NodeRowData, cmd: RowCommand): void
  /** ArrowUp on the first row goes back to the search box. */
  onLeaveTop(): void
}

const focusable = (r: GlanceRow | undefined) => r !== undefined && r.kind !== 'note' && r.kind !== 'create'

export function GlanceList({
  rows,
  books,
  profileCosts,
  now,
  ageNow,
  handle,
  onToggle,
  onCommand,
  onLeaveTop
}: GlanceListProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const [current, setCurrent] = useState(-1)
  const [focusWanted, setFocusWanted] = useState(0)
  const currentRef = useRef(current)
  currentRef.current = current

  // A new function whenever the current row changes: the virtualiser caches its rows by this function, so a stable
  // one kept the old range and End or Home focused a row that was not rendered (focus fell to the page).
  const rangeExtractor = useCallback(
    (range: Range) => {
      const out = defaultRangeExtractor(range)
      if (current >= 0 && current < range.count && !out.includes(current)) out.push(current)
      return out.sort((a, b) => a - b)
    },
    [current]
  )

  // Same as the node table: the virtualiser's functions are read fresh each render, never memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => ROW_HEIGHT[rows[i]?.kind ?? 'node'],
    // Keyed by node, not position: when the order changes under a focused row (a node starts changing and moves
    // up), focus stays on that node's buttons instead of landing on another node's.
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 6,
    rangeExtractor,
    initialRect: { width: 380, height: 420 }
  })

  // A list that changed under the current row keeps it in range.
  const safeCurrent = current >= rows.length ? rows.length - 1 : current
  const tabStop = safeCurrent >= 0 && focusable(rows[safeCurrent]) ? safeCurrent : rows.findIndex(focusable)

  const moveTo = useCallback(
    (index: number) => {
      if (index < 0 || index >= rows.length) return
      setCurrent(index)
      setFocusWanted((n) => n + 1)
      virtualizer.scrollToIndex(index, { align: 'auto' })
    },
    [rows.length, virtualizer]
  )

  useEffect(() => {
    if (focusWanted === 0) return
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${currentRef.current}"]`)
    el?.focus({ preventScroll: false })
  }, [focusWanted])

  const step = (from: number, dir: 1 | -1): number => {
    for (let i = from + dir; i >= 0 && i < rows.length; i += dir) if (focusable(rows[i])) return i
    return -1
  }

  handle.current = { focusFirst: () => moveTo(step(-1, 1)) }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const rowEl = (e.target as HTMLElement).closest<HTMLElement>('[data-index]')
    if (!rowEl) return
    const index = Number(rowEl.dataset['index'])
    const row = rows[index]
    if (!row) return
    switch (e.key) {
      case 'ArrowDown': {
        e.preventDefault()
        const next = step(index, 1)
        if (next >= 0) moveTo(next)
        return
      }
      case 'ArrowUp': {
        e.preventDefault()
        const prev = step(index, -1)
        if (prev >= 0) moveTo(prev)
        else onLeaveTop()
        return
      }
      case 'Home':
        e.preventDefault()
        return moveTo(step(-1, 1))
      case 'End':
        e.preventDefault()
        return moveTo(step(rows.length, -1))
      case 'ArrowLeft':
      case 'ArrowRight':
        if (row.kind === 'section' && row.collapsed === (e.key === 'ArrowLeft')) return
        if (row.kind === 'section') {
          e.preventDefault()
          onToggle(row.profile.id)
        }
        return
      case 'Delete':
      case 'Backspace':
        if (row.kind === 'node') {
          e.preventDefault()
          onCommand(row, { kind: 'delete' })
        }
        return
    }
  }

  const items = virtualizer.getVirtualItems()
  return (
    <div
      ref={scrollRef}
      className="glance-scroll"
      data-testid="glance-list"
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const rowEl = (e.target as HTMLElement).closest<HTMLElement>('[data-index]')
        if (rowEl) setCurrent(Number(rowEl.dataset['index']))
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index]
          if (!row) return null
          return (
            <div
              key={item.key}
              data-index={item.index}
              className="glance-item"
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
            >
              {row.kind === 'section' ? (
                <SectionHeader
                  row={row}
                  index={item.index}
                  cost={profileCosts[row.profile.id]}
                  now={ageNow}
                  current={item.index === tabStop}
                  onToggle={onToggle}
                />
              ) : row.kind === 'node' ? (
                <NodeRow
                  row={row}
                  index={item.index}
                  book={books[row.profile.id]}
                  now={now}
                  current={item.index === tabStop}
                  onCommand={onCommand}
                />
              ) : row.kind === 'create' ? (
                <CreateLine create={row.create} now={ageNow} />
              ) : (
                <p className="glance-note">{row.text}</p>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}

/** A create with no node row yet, in the window's words (its banner says the same). */
function CreateLine({ create, now }: { create: PendingCreate; now: number }) {
  const text = openCreateText(create, now) ?? `${notCreatedText(create.names)}: nothing is billed for it`
  return (
    <p className={`glance-note glance-create is-${create.state}`} title={text} data-testid="glance-create">
      {text}
    </p>
  )
}
