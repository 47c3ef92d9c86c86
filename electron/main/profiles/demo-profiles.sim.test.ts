// The demo profiles against the real embedded simulator and the real API client.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createE2EClient } from '../api/index'
import { createDemoBackend } from '../demo/demo-backend'
import { createLogger, SecretScrubber } from '../redact'
import { MemoryVault } from '../vault/memory-vault'
import { createProfileStack } from './index'
import { fakeClock, fakeDialogs, rejection, tempDir } from '../../../tests/support/profiles-kit'

let dir: string
let cleanup: () => Promise<void>
const demo = createDemoBackend({ transitions: 'instant' })
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(async () => {
  await demo.stop()
  await cleanup()
})

it('lists the simulator projects as demo profiles whose credentials work and are never shown', async () => {
  const scrubber = new SecretScrubber()
  const { profiles, settings } = await createProfileStack({
    dataDir: dir,
    homeDir: dir,
    vault: new MemoryVault(),
    dialogs: fakeDialogs().dialogs,
    demo,
    createClient: createE2EClient,
    clock: fakeClock(Date.now()),
    scrubber,
    log: createLogger(scrubber, () => undefined)
  })
  // The demo is opt-in: the first-run choice turns it on.
  await settings.update({ showDemo: true })
  const list = await profiles.list()
  expect(list.length).toBeGreaterThan(0)
  expect(list.every((p) => p.isDemo && p.id.startsWith('demo-') && p.name.startsWith('Demo · '))).toBe(true)
  const target = await profiles.apiTarget('demo-1')
  expect(target.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)
  expect(JSON.stringify(list)).not.toContain(target.apiKey)
  expect(JSON.stringify(list)).not.toContain(target.authToken)
  const check = await profiles.checkCredentials({ profileId: 'demo-1' })
  expect(check.valid).toBe(true)
  expect(check.projects.map((p) => String(p.projectId))).toContain(list[0]?.projectId)
  expect((await rejection(profiles.delete('demo-1'))).code).toBe('FORBIDDEN')
})
