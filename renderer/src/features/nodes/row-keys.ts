// Moving between the node list's rows by keyboard, the pure part: which key is which move, and which row it lands
// on. Every row is a stop: a node row's is the control in the column the user is in (check, name, IP, menu), a
// group header's is its fold toggle (so a folded group can be opened without the mouse).

export type RowMove = 'next' | 'prev' | 'first' | 'last' | 'pageDown' | 'pageUp'

export interface KeyLike {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  altKey: boolean
  metaKey: boolean
}

/** The move a key asks for, or null when the key is not the list's. Shift is allowed only on the arrows (it extends
 * the checks); Ctrl only on Home and End (Ctrl+Home is "first" in every grid); Alt and Cmd never (they are the OS's
 * and the browser's). */
export function rowMoveOf(e: KeyLike): RowMove | null {
  if (e.altKey || e.metaKey) return null
  switch (e.key) {
    case 'ArrowDown':
      return e.ctrlKey ? null : 'next'
    case 'ArrowUp':
      return e.ctrlKey ? null : 'prev'
    case 'Home':
      return e.shiftKey ? null : 'first'
    case 'End':
      return e.shiftKey ? null : 'last'
    case 'PageDown':
      return e.shiftKey || e.ctrlKey ? null : 'pageDown'
    case 'PageUp':
      return e.shiftKey || e.ctrlKey ? null : 'pageUp'
    default:
      return null
  }
}

/** The row index a move lands on, from row `from` (null: from outside the rows, the header or the scroll box, which
 * are above them: down enters at the first row, up is not the list's), among `count` rows, `page` rows to a page.
 * Null when the key is not the list's; the same index when the move is at its end (the key is still the list's: it
 * must not scroll the box). */
export function rowMoveTarget(from: number | null, move: RowMove, count: number, page: number): number | null {
  if (count <= 0) return null
  const last = count - 1
  const clamp = (i: number) => Math.min(last, Math.max(0, i))
  const step = Math.max(1, page)
  switch (move) {
    case 'first':
      return 0
    case 'last':
      return last
    case 'next':
      return from === null ? 0 : clamp(from + 1)
    case 'prev':
      return from === null ? null : clamp(from - 1)
    case 'pageDown':
      return from === null ? 0 : clamp(from + step)
    case 'pageUp':
      return from === null ? null : clamp(from - step)
  }
}

/** Rows a PageDown moves: those that fit under the sticky header, less one so the row the user was on stays in
 * view for context (as in file managers); at least one. */
export function rowsPerPage(viewHeight: number, headHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor((viewHeight - headHeight) / rowHeight) - 1)
}

/** The column to keep while moving: the one remembered when the move starts on the control the last move landed on
 * (it may have fallen back to the name because that row has no IP to copy), else the control the user is on. */
export function columnFor(current: string | null, landedOnCurrent: boolean, remembered: string): string {
  if (landedOnCurrent) return remembered
  return current ?? remembered
}
