// A body over the simulator's 1 MB limit is refused with a 413 (an HTML page on the API, as a real API's front
// proxy answers; JSON on /__control), never a 500 that reads like a simulator bug.
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator } from './index'
import type { StartedSimulator } from './types'

const started: StartedSimulator[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()))
})

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } })
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() }
}

describe('simulator body limit', () => {
  it('answers 413 to a body over 1 MB, on the API and on /__control, and keeps serving', async () => {
    const sim = await startSimulator({ seed: 'demo', transitions: 'instant' })
    started.push(sim)
    const big = JSON.stringify({ name: 'x'.repeat(1_100_000) })
    const { apiKey, authToken, projects } = sim.demo
    const query = `apikey=${apiKey}&project_id=${projects[0]?.projectId ?? 0}&location=Delhi`

    const api = await post(`${sim.baseUrl}/nodes/?${query}`, big, { authorization: `Bearer ${authToken}` })
    expect(api.status).toBe(413)
    expect(api.type).toContain('text/html')
    expect(api.text).toContain('over 1 MB')

    const control = await post(`${sim.controlUrl}/now`, big, { 'x-sim-secret': sim.controlSecret })
    expect(control).toMatchObject({ status: 413 })
    expect(JSON.parse(control.text)).toEqual({ error: 'body over 1 MB' })

    // A body just under the limit is read as usual.
    const under = await post(`${sim.controlUrl}/addAccount`, JSON.stringify({ apiKey: 'k'.repeat(900_000) }), {
      'x-sim-secret': sim.controlSecret
    })
    expect(under.status).toBe(200)
    const after = await fetch(`${sim.baseUrl}/nodes/?${query}`, { headers: { authorization: `Bearer ${authToken}` } })
    expect(after.status).toBe(200)
  })
})
