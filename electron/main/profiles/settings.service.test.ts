import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings'
import { input, rejection, stack, tempDir } from '../../../tests/support/profiles-kit'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

it('starts from the defaults, persists patches next to the profiles, and notifies', async () => {
  const s = await stack({ dataDir: dir })
  expect(s.settings.get()).toEqual(DEFAULT_SETTINGS)
  const seen: Settings[] = []
  s.settings.onChanged((v) => seen.push(v))
  await s.profiles.create(input('Kept'))
  const next = await s.settings.update({ steadyIntervalSec: 120, quitOnClose: true })
  expect(next).toEqual({ ...DEFAULT_SETTINGS, steadyIntervalSec: 120, quitOnClose: true })
  expect(seen).toEqual([next])
  const onDisk = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8'))
  expect(onDisk.settings).toEqual(next)
  expect(onDisk.profiles).toHaveLength(1)
  const again = await stack({ dataDir: dir })
  expect(again.settings.get()).toEqual(next)
})

it('refuses invalid values', async () => {
  const s = await stack({ dataDir: dir })
  expect(await rejection(s.settings.update({ steadyIntervalSec: 5 }))).toMatchObject({
    code: 'VALIDATION',
    field: 'steadyIntervalSec'
  })
  expect(s.settings.get()).toEqual(DEFAULT_SETTINGS)
})

it('concurrent settings and profile changes do not overwrite each other', async () => {
  const s = await stack({ dataDir: dir })
  await Promise.all([
    s.settings.update({ notifications: false }),
    s.profiles.create(input('One')),
    s.settings.update({ startHidden: true }),
    s.profiles.create(input('Two'))
  ])
  const onDisk = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8'))
  expect(onDisk.settings).toMatchObject({ notifications: false, startHidden: true })
  expect(onDisk.profiles).toHaveLength(2)
})

it('the demo is opt-in: a file from before showDemo (hideDemo false) starts with it off; both spellings agree', async () => {
  const { writeFile } = await import('node:fs/promises')
  await writeFile(
    join(dir, 'profiles.json'),
    JSON.stringify({ version: 2, profiles: [], settings: { hideDemo: false, notifications: false } })
  )
  const s = await stack({ dataDir: dir })
  expect(s.settings.get()).toMatchObject({ showDemo: false, hideDemo: true, notifications: false })
  expect(await s.settings.update({ hideDemo: false })).toMatchObject({ showDemo: true, hideDemo: false })
  // showDemo wins when both come.
  expect(await s.settings.update({ showDemo: false, hideDemo: false })).toMatchObject({
    showDemo: false,
    hideDemo: true
  })
  await s.settings.update({ showDemo: true })
  const onDisk = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8'))
  // Both written, so an older Nodetray reading the file agrees.
  expect(onDisk.settings).toMatchObject({ showDemo: true, hideDemo: false })
})
