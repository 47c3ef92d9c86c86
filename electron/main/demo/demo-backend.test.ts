import { afterEach, describe, expect, it } from 'vitest'
import { createDemoBackend, type DemoBackendWithSim } from './demo-backend'

const backends: DemoBackendWithSim[] = []
afterEach(async () => {
  await Promise.all(backends.splice(0).map((b) => b.stop()))
})

describe('demo backend', () => {
  it('gets a fresh demo key and token on every start, never a constant', async () => {
    const first = createDemoBackend({ transitions: 'instant' })
    const second = createDemoBackend({ transitions: 'instant' })
    backends.push(first, second)
    const a = await first.ensureStarted()
    const b = await second.ensureStarted()
    expect(a.apiKey).not.toBe(b.apiKey)
    expect(a.authToken).not.toBe(b.authToken)
    // A restart of the same backend is a new run, with new credentials.
    await first.stop()
    const again = await first.ensureStarted()
    expect(again.apiKey).not.toBe(a.apiKey)
    expect(again.projects).toEqual(a.projects)
  })
})
