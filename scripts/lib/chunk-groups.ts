// The renderer's chunks, grouped by which pages load them together (docs/performance.md, "Eleventh pass").
//
// Rolldown's automatic split gives every distinct set of importers its own chunk. Lazy screens share small modules
// with the list (a spinner, a badge, a store), so the window's mount chunk statically imported 15 chunks, and the
// tray popover 13: each one a request the page waits for before React can start. Here every module that the
// window's entry, its mount chunk or the tray popover reaches by static imports goes into one chunk per set of
// those three that needs it. A page then asks for three or four chunks, none of them holding code it does not run.
// What only the lazy screens import keeps the automatic split.

/** The part of rolldown's chunking context this reads. */
export interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null
}

/** The three roots, as absolute module ids. */
export interface ChunkRoots {
  /** The window's entry module (renderer/src/main.tsx): what it imports paints the saved first screen. */
  window: string
  /** The window's React chunk (renderer/src/mount.tsx), imported dynamically by the entry. */
  mount: string
  /** The tray popover's entry module (renderer/src/tray/main.tsx). */
  tray: string
}

/**
 * - `boot`: the window's entry and the tray popover both need it (React, zustand, the IPC bridge, the stores).
 * - `window-boot`: the window's entry needs it and so does the mount chunk, the tray not.
 * - `shared`: the mount chunk and the tray need it, the window's entry not (react-dom, the virtualizer, badges).
 * - `mount`: only the mount chunk needs it (the list screen).
 * - `tray-deps`: only the tray needs it among the three, and a lazy screen of the window does too (the delete and
 *   action confirmations, which the window loads with its detail panel). What only the tray needs stays in the
 *   tray's entry chunk, so the window's detail panel does not load the popover.
 */
export type ChunkGroupName = 'boot' | 'window-boot' | 'shared' | 'mount' | 'tray-deps'

/** Every module reached from `roots` by static imports, the roots included. */
function reach(roots: readonly string[], graph: ModuleGraph): Set<string> {
  const seen = new Set<string>()
  const stack = [...roots]
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue
    seen.add(id)
    for (const next of graph.getModuleInfo(id)?.importedIds ?? []) if (!seen.has(next)) stack.push(next)
  }
  return seen
}

/** Every module a lazy chunk can hold: reached by static imports from the target of a dynamic import found anywhere
 * the roots reach by either kind of import. */
function reachLazily(roots: readonly string[], graph: ModuleGraph): Set<string> {
  const targets = new Set<string>()
  const seen = new Set<string>()
  const stack = [...roots]
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue
    seen.add(id)
    const info = graph.getModuleInfo(id)
    for (const target of info?.dynamicallyImportedIds ?? []) targets.add(target)
    stack.push(...(info?.importedIds ?? []), ...(info?.dynamicallyImportedIds ?? []))
  }
  return reach([...targets], graph)
}

/** Which group each module statically reached from a root belongs to. The two entry modules themselves are left
 * out: each stays in its own entry chunk, which the page's HTML asks for. */
export function classifyModules(roots: ChunkRoots, graph: ModuleGraph): Map<string, ChunkGroupName> {
  const entry = reach([roots.window], graph)
  const mount = reach([roots.mount], graph)
  const tray = reach([roots.tray], graph)
  const lazy = reachLazily([roots.window, roots.tray], graph)
  const groups = new Map<string, ChunkGroupName>()
  for (const id of new Set([...entry, ...mount, ...tray])) {
    if (id === roots.window || id === roots.tray) continue
    const e = entry.has(id)
    const m = mount.has(id)
    const t = tray.has(id)
    if (e && t) groups.set(id, 'boot')
    else if (e && m) groups.set(id, 'window-boot')
    else if (m && t) groups.set(id, 'shared')
    else if (m) groups.set(id, 'mount')
    else if (t && lazy.has(id)) groups.set(id, 'tray-deps')
    // Only the window's entry, or only the tray: it stays in that entry's chunk.
  }
  return groups
}

/** The `output.codeSplitting.groups` for the renderer build. A group also takes the static imports of what it
 * captures unless a group of higher priority has them, so the groups a page's entry needs come first: without
 * that the mount group would pull React into itself and the entry would wait for the whole list screen. */
export function rendererChunkGroups(roots: ChunkRoots): {
  name: (id: string, ctx: ModuleGraph) => string | null
  priority: number
}[] {
  // One classification per chunking pass (the context object is that pass's).
  const byPass = new WeakMap<ModuleGraph, Map<string, ChunkGroupName>>()
  const groupOf = (id: string, ctx: ModuleGraph): ChunkGroupName | undefined => {
    let groups = byPass.get(ctx)
    if (!groups) {
      groups = classifyModules(roots, ctx)
      byPass.set(ctx, groups)
    }
    return groups.get(id)
  }
  const order: ChunkGroupName[] = ['boot', 'window-boot', 'shared', 'mount', 'tray-deps']
  return order.map((group, i) => ({
    name: (id, ctx) => (groupOf(id, ctx) === group ? group : null),
    priority: order.length - i
  }))
}
