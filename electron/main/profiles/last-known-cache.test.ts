import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { NodeSummary } from '../../../shared/domain/node'
import { createLastKnownCache, sweepLastKnown } from './last-known-cache'
import { tempDir } from '../../../tests/support/profiles-kit'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const node: NodeSummary = {
  id: 7,
  name: 'web-1',
  status: 'RUNNING',
  rawStatus: 'Running',
  plan: 'C3.8GB',
  publicIp: '1.2.3.4',
  privateIp: null,
  isLocked: false,
  isProtected: true,
  isCommitted: false,
  createdAt: '2026-01-01T00:00:00Z',
  location: 'Delhi',
  vcpus: 4,
  memoryGb: 8,
  diskGb: 100
}

it('saves one file per profile under cache/ and reads it back', async () => {
  const lastKnown = createLastKnownCache({ dataDir: dir })
  await lastKnown.save('p-1', { nodes: [node], fetchedAt: '2027-01-01T00:00:00Z' })
  await lastKnown.save('p-2', { nodes: [], fetchedAt: '2027-01-02T00:00:00Z' })
  expect(await lastKnown.load('p-1')).toEqual({ nodes: [node], fetchedAt: '2027-01-01T00:00:00Z' })
  expect((await lastKnown.load('p-2'))?.nodes).toEqual([])
  expect(JSON.parse(await readFile(join(dir, 'cache', 'p-1.json'), 'utf8')).nodes[0].name).toBe('web-1')
  if (process.platform !== 'win32') expect((await stat(join(dir, 'cache', 'p-1.json'))).mode & 0o777).toBe(0o600)
  await lastKnown.delete('p-1')
  await lastKnown.delete('p-1') // already gone: fine
  expect(await lastKnown.load('p-1')).toBeNull()
})

it('reads a missing, corrupt or wrongly shaped file as null', async () => {
  const lastKnown = createLastKnownCache({ dataDir: dir })
  expect(await lastKnown.load('p-none')).toBeNull()
  await lastKnown.save('p-1', { nodes: [node], fetchedAt: 'x' })
  await writeFile(join(dir, 'cache', 'p-1.json'), '{"nodes":[{"id":')
  expect(await lastKnown.load('p-1')).toBeNull()
  await writeFile(
    join(dir, 'cache', 'p-1.json'),
    JSON.stringify({ nodes: [{ ...node, status: 'weird' }], fetchedAt: 'x' })
  )
  expect(await lastKnown.load('p-1')).toBeNull()
})

it('refuses ids that would leave the cache folder', async () => {
  const lastKnown = createLastKnownCache({ dataDir: dir })
  await lastKnown.save('../escape', { nodes: [], fetchedAt: 'x' })
  await expect(stat(join(dir, 'escape.json'))).rejects.toThrow()
  expect(await lastKnown.load('../escape')).toBeNull()
})

const pendingCreate = {
  requestId: '6f1c3c1e-8c1a-4d6e-9d5e-2b1f3a4c5d6e',
  names: ['api-01'],
  existingIds: [],
  postedAt: 1_770_105_600_000,
  checkAfter: null
}

it('keeps pending creates with the list, and reads them even when the list itself is unreadable', async () => {
  const lastKnown = createLastKnownCache({ dataDir: dir })
  await lastKnown.save('p-1', { nodes: [node], fetchedAt: null, creates: [pendingCreate] })
  expect(await lastKnown.load('p-1')).toEqual({ nodes: [node], fetchedAt: null, creates: [pendingCreate] })
  // A node row this version cannot read must not make the app forget a create that may have made a node.
  const file = join(dir, 'cache', 'p-1.json')
  await writeFile(
    file,
    JSON.stringify({ nodes: [{ ...node, status: 'weird' }], fetchedAt: 'x', creates: [pendingCreate, { junk: 1 }] })
  )
  expect(await lastKnown.load('p-1')).toEqual({ nodes: [], fetchedAt: null, creates: [pendingCreate] })
})

it('sweeps temp files and the caches of profiles that no longer exist, and nothing else', async () => {
  const lastKnown = createLastKnownCache({ dataDir: dir })
  await lastKnown.save('kept', { nodes: [node], fetchedAt: '2027-01-01T00:00:00Z' })
  await lastKnown.save('gone', { nodes: [node], fetchedAt: '2027-01-01T00:00:00Z' })
  const cache = join(dir, 'cache')
  await writeFile(join(cache, 'kept.json.tmp-123-abcd'), '{"nodes":')
  await writeFile(join(cache, 'README.txt'), 'not ours')
  const removed = await sweepLastKnown({ dataDir: dir }, ['kept'])
  expect(removed.sort()).toEqual(['gone.json', 'kept.json.tmp-123-abcd'])
  expect((await readdir(cache)).sort()).toEqual(['README.txt', 'kept.json'])
  expect(await lastKnown.load('kept')).not.toBeNull()
  // No cache folder yet: nothing to do.
  expect(await sweepLastKnown({ dataDir: join(dir, 'fresh') }, [])).toEqual([])
})
