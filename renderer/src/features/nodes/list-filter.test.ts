import { describe, expect, it } from 'vitest'
import { makeNode } from '../../../../tests/support/builders'
import { filterRows, sortRows, type NodeRow } from './list-filter'

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
