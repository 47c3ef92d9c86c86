import { describe, expect, it } from 'vitest'
import { makeNode } from '../../../../tests/support/builders'
import {
  filterAndCount,
  filterRows,
  groupRows,
  isGroupRow,
  nextSort,
  sortRows,
  type NodeRow,
  type TableRow
} from './list-filter'

const rows: NodeRow[] = [
  {
    profileId: 'p1',
    node: makeNode({
      id: 1,
      name: 'web-10',
      status: 'RUNNING',
      publicIp: '164.52.1.10',
      createdAt: '2026-01-03T00:00:00Z'
    })
  },
  {
    profileId: 'p1',
    node: makeNode({ id: 2, name: 'web-2', status: 'OFF', publicIp: '164.52.1.2', createdAt: '2026-01-05T00:00:00Z' })
  },
  {
    profileId: 'p2',
    node: makeNode({ id: 3, name: 'DB-main', status: 'FAILED', publicIp: null, privateIp: '10.9.9.9', createdAt: null })
  },
  {
    profileId: 'p2',
    node: makeNode({
      id: 4,
      name: 'cache',
      status: 'CREATING',
      publicIp: '164.52.7.7',
      createdAt: '2026-01-04T00:00:00Z'
    })
  }
]
const names = (r: NodeRow[]) => r.map((x) => x.node.name)

describe('node list search, filter and sort', () => {
  it('sorts by name naturally and case-insensitively', () => {
    expect(names(sortRows(rows, 'name'))).toEqual(['cache', 'DB-main', 'web-2', 'web-10'])
  })
  it('sorts by status: running first, then changing, off, failed', () => {
    expect(names(sortRows(rows, 'status'))).toEqual(['web-10', 'cache', 'web-2', 'DB-main'])
  })
  it('sorts by created, newest first, undated last', () => {
    expect(names(sortRows(rows, 'created'))).toEqual(['web-2', 'cache', 'web-10', 'DB-main'])
  })
  it('searches names case-insensitively and public or private IPs', () => {
    expect(names(filterRows(rows, 'db', 'all'))).toEqual(['DB-main'])
    expect(names(filterRows(rows, '164.52.1.', 'all'))).toEqual(['web-10', 'web-2'])
    expect(names(filterRows(rows, '10.9.9', 'all'))).toEqual(['DB-main'])
  })
  it('filters by status and combines with the search', () => {
    expect(names(filterRows(rows, '', 'OFF'))).toEqual(['web-2'])
    expect(names(filterRows(rows, 'web', 'RUNNING'))).toEqual(['web-10'])
    expect(filterRows(rows, 'nothing-like-this', 'all')).toEqual([])
  })
  it('keeps the sorted order when filtering', () => {
    expect(names(filterRows(sortRows(rows, 'name'), 'web', 'all'))).toEqual(['web-2', 'web-10'])
  })
})

describe('column sort', () => {
  it('a header click flips its own column and starts another at its natural direction', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' })
    expect(nextSort({ key: 'name', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' })
    expect(nextSort({ key: 'name', dir: 'asc' }, 'created')).toEqual({ key: 'created', dir: 'desc' })
    expect(nextSort({ key: 'created', dir: 'desc' }, 'cost')).toEqual({ key: 'cost', dir: 'desc' })
    expect(nextSort({ key: 'cost', dir: 'desc' }, 'plan')).toEqual({ key: 'plan', dir: 'asc' })
  })
  it('descending reverses the order, and missing values stay last both ways', () => {
    expect(names(sortRows(rows, { key: 'name', dir: 'desc' }))).toEqual(['web-10', 'web-2', 'DB-main', 'cache'])
    expect(names(sortRows(rows, { key: 'created', dir: 'asc' }))).toEqual(['web-10', 'cache', 'web-2', 'DB-main'])
    // IPs in numeric order (1.2 before 1.10), the node without one last.
    expect(names(sortRows(rows, { key: 'ip', dir: 'asc' }))).toEqual(['web-2', 'web-10', 'cache', 'DB-main'])
    expect(names(sortRows(rows, { key: 'ip', dir: 'desc' }))).toEqual(['cache', 'web-10', 'web-2', 'DB-main'])
  })
  it('sorts by profile name and by estimated cost, unknown prices last', () => {
    const profileName = (id: string) => (id === 'p1' ? 'Zeta' : 'Alpha')
    expect(names(sortRows(rows, { key: 'profile', dir: 'asc' }, { profileName }))).toEqual([
      'cache',
      'DB-main',
      'web-2',
      'web-10'
    ])
    const price: Record<string, number> = { 'web-10': 5, 'web-2': 1, cache: 3 }
    const costPerHour = (r: NodeRow) => price[r.node.name] ?? null
    expect(names(sortRows(rows, { key: 'cost', dir: 'desc' }, { costPerHour }))).toEqual([
      'web-10',
      'cache',
      'web-2',
      'DB-main'
    ])
    expect(names(sortRows(rows, { key: 'cost', dir: 'asc' }, { costPerHour }))).toEqual([
      'web-2',
      'cache',
      'web-10',
      'DB-main'
    ])
  })
})

describe('status chips', () => {
  it('count the statuses among the rows the search matches, and filter in the same pass', () => {
    const r = filterAndCount(rows, 'web', 'RUNNING')
    expect(names(r.rows)).toEqual(['web-10'])
    expect(r.matching).toBe(2)
    expect(r.counts).toMatchObject({ RUNNING: 1, OFF: 1, FAILED: 0, CREATING: 0 })
    const all = filterAndCount(rows, '', 'all')
    // Nothing to filter: the same array, so the table's memo holds.
    expect(all.rows).toBe(rows)
    expect(all.counts).toMatchObject({ RUNNING: 1, OFF: 1, FAILED: 1, CREATING: 1 })
  })

  it('a status chip without a search shows that status, with every status still counted', () => {
    const failed = filterAndCount(rows, '', 'FAILED')
    expect(failed.rows.map((r) => r.node.status)).toEqual(['FAILED'])
    expect(failed.matching).toBe(rows.length)
    expect(failed.counts).toMatchObject({ RUNNING: 1, OFF: 1, FAILED: 1, CREATING: 1 })
    // Each call's counts are its own: changing one leaves the next call's alone.
    failed.counts.RUNNING = 99
    expect(filterAndCount(rows, '', 'all').counts.RUNNING).toBe(1)
  })

  it('counts a row by the status kept beside its search key', () => {
    const kept = rows.map((r) => ({ ...r, search: r.node.name, status: r.node.status }))
    expect(filterAndCount(kept, 'web', 'all').counts).toMatchObject({ RUNNING: 1, OFF: 1 })
    expect(filterAndCount(kept, '', 'OFF').rows.map((r) => r.node.name)).toEqual(
      rows.filter((r) => r.node.status === 'OFF').map((r) => r.node.name)
    )
  })
})

describe('group by profile', () => {
  const sorted = sortRows(rows, 'name')
  const shape = (t: TableRow[]) =>
    t.map((r) => (isGroupRow(r) ? `[${r.profileId} ${r.shown}/${r.total}]` : r.node.name))
  it('puts each profile under its header, in the profiles order, keeping the sort inside', () => {
    expect(shape(groupRows(sorted, ['p2', 'p1'], { p1: 2, p2: 2 }, new Set()))).toEqual([
      '[p2 2/2]',
      'cache',
      'DB-main',
      '[p1 2/2]',
      'web-2',
      'web-10'
    ])
  })
  it('a folded profile shows its header only; a profile with nothing matching is left out', () => {
    const web = filterRows(sorted, 'web', 'all')
    expect(shape(groupRows(web, ['p1', 'p2'], { p1: 2, p2: 2 }, new Set(['p1'])))).toEqual(['[p1 2/2]'])
    expect(shape(groupRows(filterRows(sorted, 'web-2', 'all'), ['p1', 'p2'], { p1: 2, p2: 2 }, new Set()))).toEqual([
      '[p1 1/2]',
      'web-2'
    ])
  })
})
