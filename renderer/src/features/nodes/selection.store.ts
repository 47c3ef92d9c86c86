// The list's checked rows: a Set of "<profileId>:<nodeId>" keys, so a row asks one `has` and 10,000 rows cost
// nothing until they are checked. Shift extends from the last row clicked (the anchor) over the rows as shown, as
// in a desktop file list: the range is re-drawn from the anchor each time, so Shift+ArrowUp after Shift+ArrowDown
// (or a second Shift-click nearer the anchor) gives back the rows it passes, and rows checked before the anchor was
// set stay as they were.
import { create } from 'zustand'

export const nodeKey = (profileId: string, nodeId: number): string => `${profileId}:${nodeId}`

interface SelectionState {
  ids: ReadonlySet<string>
  /** The row a Shift-click extends from. */
  anchor: string | null
  /** The checks as they were when the anchor was set: each extension is this plus the anchor's range. */
  base: ReadonlySet<string> | null
  toggle(key: string): void
  /** Sets every key from the anchor to `key` (inclusive) in `order` to the state `key` is toggled to. */
  extend(key: string, order: readonly string[]): void
  /** Checks (or unchecks) all of `keys`, leaving the others as they are. */
  setMany(keys: readonly string[], checked: boolean): void
  /** Keeps only `keys` (nodes that left the list drop out). */
  retain(keys: ReadonlySet<string>): void
  clear(): void
}

export const useSelectionStore = create<SelectionState>()((set) => ({
  ids: new Set(),
  anchor: null,
  base: null,
  toggle: (key) =>
    set((s) => {
      const ids = new Set(s.ids)
      if (ids.has(key)) ids.delete(key)
      else ids.add(key)
      return { ids, anchor: key, base: ids }
    }),
  extend: (key, order) =>
    set((s) => {
      const from = s.anchor === null ? -1 : order.indexOf(s.anchor)
      const to = order.indexOf(key)
      if (to < 0) return s
      if (from < 0) {
        const ids = new Set(s.ids)
        ids.add(key)
        return { ids, anchor: key, base: ids }
      }
      // The range takes the anchor's state: Shift-click after checking a row checks the range.
      const checked = s.ids.has(order[from] as string)
      const ids = new Set(s.base ?? s.ids)
      const [lo, hi] = from < to ? [from, to] : [to, from]
      for (let i = lo; i <= hi; i++) {
        const k = order[i] as string
        if (checked) ids.add(k)
        else ids.delete(k)
      }
      return { ids }
    }),
  // Check all / uncheck all and nodes leaving the list start the next range afresh from what is checked then.
  setMany: (keys, checked) =>
    set((s) => {
      const ids = new Set(s.ids)
      for (const k of keys) {
        if (checked) ids.add(k)
        else ids.delete(k)
      }
      return { ids, base: null }
    }),
  retain: (keep) =>
    set((s) => {
      if ([...s.ids].every((k) => keep.has(k))) return s
      return { ids: new Set([...s.ids].filter((k) => keep.has(k))), base: null }
    }),
  clear: () => set((s) => (s.ids.size === 0 && s.anchor === null ? s : { ids: new Set(), anchor: null, base: null }))
}))
