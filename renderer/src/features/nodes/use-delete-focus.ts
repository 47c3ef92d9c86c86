// Where keyboard focus goes once nodes are deleted, whichever way the delete started (row menu, Delete key, the
// detail panel's Delete, the bulk bar): the name of the row after them, the one before when they were last, else
// the empty list's own button or the search box; never the page's body or the table's unnamed box. The rows around
// are noted when the delete starts: by the time it is done the list may already have dropped the node.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { isGroupRow, type TableRow } from './list-filter'
import { nodeKey } from './selection.store'
import { overlayOpen } from './use-list-shortcuts'

/** Neighbours noted each way, past the deleted rows themselves. */
const AROUND = 8

interface Around {
  after: string[]
  before: string[]
}

const keyOf = (row: TableRow | undefined): string | null =>
  row && !isGroupRow(row) ? nodeKey(row.profileId, row.node.id) : null

/** The shown node rows after and before the first of `keys`, none of them one of `keys`. */
function around(rows: readonly TableRow[], keys: ReadonlySet<string>): Around {
  const at = rows.findIndex((r) => {
    const k = keyOf(r)
    return k !== null && keys.has(k)
  })
  const after: string[] = []
  const before: string[] = []
  if (at < 0) return { after, before }
  for (let i = at + 1; i < rows.length && after.length < AROUND; i++) {
    const k = keyOf(rows[i])
    if (k !== null && !keys.has(k)) after.push(k)
  }
  for (let i = at - 1; i >= 0 && before.length < AROUND; i--) {
    const k = keyOf(rows[i])
    if (k !== null && !keys.has(k)) before.push(k)
  }
  return { after, before }
}

export interface DeleteFocus {
  /** A delete of these nodes ("profile:id") starts: note the rows around them as shown now. */
  remember(keys: string[]): void
  /** They are deleted: focus the nearest row still shown, once the dialog has gone. `ifLost`: only
   * when focus has nowhere to be (its opener went with the rows). */
  restore(keys: string[], opts?: { ifLost?: boolean }): void
}

export function useDeleteFocus(
  rowsRef: { readonly current: readonly TableRow[] },
  searchRef: { readonly current: HTMLInputElement | null }
): DeleteFocus {
  const noted = useRef(new Map<string, Around>())

  const remember = useCallback(
    (keys: string[]) => {
      if (keys.length > 0) noted.current.set(keys.join(','), around(rowsRef.current, new Set(keys)))
    },
    [rowsRef]
  )

  // Asked for by `restore`, done by the effect below: it runs in the commit that unmounts the dialog, after the
  // dialog's own clean-up gave focus back to its opener (a frame later was not always after that commit).
  const wanted = useRef<{ keys: string[]; near: Around; ifLost: boolean } | null>(null)
  const [asked, setAsked] = useState(0)

  const restore = useCallback(
    (keys: string[], opts?: { ifLost?: boolean }) => {
      const id = keys.join(',')
      wanted.current = {
        keys,
        near: noted.current.get(id) ?? around(rowsRef.current, new Set(keys)),
        ifLost: opts?.ifLost ?? false
      }
      noted.current.delete(id)
      setAsked((n) => n + 1)
    },
    [rowsRef]
  )

  useEffect(() => {
    const want = wanted.current
    wanted.current = null
    // Something else has the keyboard now (another dialog or menu): leave it there.
    if (!want || overlayOpen()) return
    const active = document.activeElement
    if (want.ifLost && active && active !== document.body && active.isConnected) return
    const gone = new Set(want.keys)
    const shown = new Set<string>()
    for (const r of rowsRef.current) {
      const k = keyOf(r)
      if (k !== null && !gone.has(k)) shown.add(k)
    }
    const box = document.querySelector<HTMLElement>('[data-testid="node-table-scroll"]')
    const next = [...want.near.after, ...want.near.before].find((k) => shown.has(k)) ?? shown.values().next().value
    if (next !== undefined && box) {
      const row = [...box.querySelectorAll<HTMLElement>('tr[data-node-key]')].find((r) => r.dataset.nodeKey === next)
      // A row outside the rendered window: the table itself, where the arrows go on from.
      ;(row?.querySelector<HTMLElement>('[data-control="open"]') ?? box).focus()
      return
    }
    const empty = document.querySelector<HTMLElement>('.nodes-main .empty-state button')
    ;(empty ?? searchRef.current)?.focus()
  }, [asked, rowsRef, searchRef])

  return useMemo(() => ({ remember, restore }), [remember, restore])
}
