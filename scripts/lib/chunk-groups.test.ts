import { describe, expect, it } from 'vitest'
import { classifyModules, rendererChunkGroups, type ModuleGraph } from './chunk-groups'

// A small app shaped like the renderer: the window's entry, its React chunk, the tray popover, two lazy screens.
const edges: Record<string, { s?: string[]; d?: string[] }> = {
  main: { s: ['react', 'stores', 'boot-cache'], d: ['mount', 'first-run'] },
  tray: { s: ['react', 'stores', 'react-dom', 'badge', 'glance', 'confirm'] },
  mount: { s: ['react', 'react-dom', 'boot-cache', 'list', 'badge'], d: ['detail'] },
  list: { s: ['badge', 'spinner', 'list'] }, // a cycle is walked once
  badge: { s: ['react', 'icon'] },
  glance: { s: ['glance-icon'] },
  detail: { s: ['confirm', 'spinner', 'detail-only'] },
  'first-run': { s: ['spinner', 'first-run-only'] },
  confirm: { s: ['react'] }
}
const graph: ModuleGraph = {
  getModuleInfo: (id) => ({ importedIds: edges[id]?.s ?? [], dynamicallyImportedIds: edges[id]?.d ?? [] })
}
const roots = { window: 'main', mount: 'mount', tray: 'tray' }

describe('renderer chunk groups', () => {
  const groups = classifyModules(roots, graph)

  it('puts what both entries load in boot, and what the window entry shares only with its mount in window-boot', () => {
    expect(groups.get('react')).toBe('boot')
    expect(groups.get('stores')).toBe('boot')
    expect(groups.get('boot-cache')).toBe('window-boot')
  })

  it('puts what the mount chunk shares with the tray in shared, and the rest of the list in mount', () => {
    expect(groups.get('react-dom')).toBe('shared')
    expect(groups.get('badge')).toBe('shared')
    expect(groups.get('icon')).toBe('shared')
    expect(groups.get('list')).toBe('mount')
    // The spinner is also the lazy screens': they import it from the mount chunk, which is loaded by then.
    expect(groups.get('spinner')).toBe('mount')
  })

  it('groups the tray-only modules a lazy window screen also imports, and leaves the popover’s own in its entry', () => {
    expect(groups.get('confirm')).toBe('tray-deps')
    expect(groups.has('glance')).toBe(false)
    expect(groups.has('glance-icon')).toBe(false)
  })

  it('leaves the entries and what only lazy screens import to the automatic split', () => {
    for (const id of ['main', 'tray', 'detail', 'detail-only', 'first-run', 'first-run-only'])
      expect(groups.has(id)).toBe(false)
  })

  it('names a module by its group only, highest priority first, so the entry’s groups keep their modules', () => {
    const config = rendererChunkGroups(roots)
    expect(config.map((g) => g.priority)).toEqual([5, 4, 3, 2, 1])
    const named = (id: string) => config.map((g) => g.name(id, graph)).filter((n) => n !== null)
    expect(named('react')).toEqual(['boot'])
    expect(named('list')).toEqual(['mount'])
    expect(named('detail-only')).toEqual([])
  })

  it('classifies once per chunking pass', () => {
    let calls = 0
    const counting: ModuleGraph = { getModuleInfo: (id) => (calls++, graph.getModuleInfo(id)) }
    const config = rendererChunkGroups(roots)
    for (const g of config) for (const id of Object.keys(edges)) g.name(id, counting)
    const once = calls
    expect(once).toBeGreaterThan(0)
    for (const g of config) g.name('react', counting)
    expect(calls).toBe(once)
  })
})
