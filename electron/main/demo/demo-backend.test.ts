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

  it('an outage (test hooks) keeps the same simulator: back on the same address, with its credentials and nodes', async () => {
    const demo = createDemoBackend({ transitions: 'instant' })
    backends.push(demo)
    const before = await demo.ensureStarted()
    const sim = demo.simulator()
    const project = before.projects[0]
    if (!sim || !project) throw new Error('the demo did not start')
    const listUrl = `${before.baseUrl}/nodes/?apikey=${before.apiKey}&project_id=${project.projectId}&location=${project.location}`
    const list = () =>
      fetch(listUrl, { headers: { Authorization: `Bearer ${before.authToken}` } }).then(async (r) => ({
        status: r.status,
        count: ((await r.json()) as { total_count?: number }).total_count
      }))
    const { count } = await list()

    await demo.goOffline()
    await expect(list()).rejects.toThrow()
    // The world is still there while nobody can reach it: a node added now is listed once it is back.
    await sim.control.addNodes({
      apiKey: before.apiKey,
      projectId: project.projectId,
      location: project.location,
      count: 1,
      status: 'running'
    })

    const after = await demo.comeBack()
    expect(after).toEqual(before)
    expect(await list()).toEqual({ status: 200, count: (count ?? 0) + 1 })
  })
})
