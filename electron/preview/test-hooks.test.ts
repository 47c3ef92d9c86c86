// /__test/sim/<operation> over real HTTP: the same bodies and validation as the simulator's /__control/<operation>,
// the older `{"arg": value}` form kept, and the demo profiles' connection intact after a reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoConnection } from '../main/ports'
import { startTestPreviewHost, type TestPreviewHost } from '../../tests/support/preview-host-kit'
import type { PreviewHost } from './host'

let kit: TestPreviewHost
let host: PreviewHost
let demo: DemoConnection

beforeAll(async () => {
  kit = await startTestPreviewHost('preview-hooks', { testHooks: true })
  host = kit.host
  // What the demo profiles were given: the connection they keep using for the whole run.
  demo = await host.demo!.ensureStarted()
})
afterAll(() => kit.close())

async function hook(name: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${host.origin}/__test/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-nodetray-secret': host.secret },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

/** A demo profile's own call, with the credentials it was given at the start. */
async function demoProfileStatus(): Promise<number> {
  const project = demo.projects[0]!
  const res = await fetch(
    `${demo.baseUrl}/nodes/?apikey=${demo.apiKey}&project_id=${project.projectId}&location=${project.location}`,
    { headers: { authorization: `Bearer ${demo.authToken}` } }
  )
  return res.status
}

describe('test hooks: the simulator control API', () => {
  // Outside tester: reset with no body, {seed:"demo"} or {seed:"bogus"} all answered 200, and the demo profiles got
  // 401 from then on (the whole body went in as the seed, which made a new random account).
  it('reset takes {seed?} like /__control/reset: a bad seed is a 400, and the demo profiles keep working', async () => {
    expect(await demoProfileStatus()).toBe(200)
    for (const body of [undefined, {}, { seed: 'demo' }, { arg: 'demo' }]) {
      const res = await hook('sim/reset', body)
      expect(res.status, JSON.stringify(body)).toBe(200)
      expect(res.json.result).toMatchObject({ apiKey: demo.apiKey, authToken: demo.authToken })
      expect(await demoProfileStatus(), JSON.stringify(body)).toBe(200)
    }
    for (const body of [{ seed: 'bogus' }, { seed: 1.5 }, { arg: 'bogus' }]) {
      const res = await hook('sim/reset', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.json.error).toBe('seed: must be "demo", "empty" or an integer')
      expect(await demoProfileStatus()).toBe(200)
    }
  })

  it('a bad value answers 400 with the reason, as /__control does', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['sim/injectFault', { kind: 'nope' }, /^kind: Invalid discriminator value\. Expected 'latency' \| 'http429'/],
      ['sim/setOptions', { latencyMs: 'abc' }, /^latencyMs: Invalid input: expected number, received string$/],
      ['sim/addNodes', { count: 1 }, /^apiKey: required; projectId: required; location: /],
      ['sim/advanceClock', { ms: -5 }, /^ms: /],
      ['sim/setTransitions', { mode: 'slow' }, /^mode: /],
      ['sim/expireToken', {}, /^authToken: required$/],
      ['sim/countRequests', { route: 'nodes/' }, /"route".*path/],
      ['sim/expireToken', { arg: 'x', authToken: 'x' }, /either \{"arg": value\} or/]
    ]
    for (const [name, body, reason] of cases) {
      const res = await hook(name, body)
      expect(res.status, name).toBe(400)
      expect(res.json.error, name).toMatch(reason)
      expect(String(res.json.error)).not.toMatch(/Cannot read properties/)
    }
  })

  it('takes the bodies /__control takes, and still the older {"arg": value} form', async () => {
    const before = Date.parse(String((await hook('sim/now')).json.result))
    const byField = await hook('sim/advanceClock', { ms: 60_000 })
    expect(byField.status).toBe(200)
    expect(Date.parse(String(byField.json.result))).toBeGreaterThanOrEqual(before + 60_000)
    const byArg = await hook('sim/advanceClock', { arg: 60_000 })
    expect(byArg.status).toBe(200)
    expect(Date.parse(String(byArg.json.result))).toBeGreaterThanOrEqual(before + 120_000)

    const project = demo.projects[0]!
    const scope = { apiKey: demo.apiKey, projectId: project.projectId, location: project.location }
    const added = await hook('sim/addNodes', { ...scope, count: 2, namePrefix: 'hooked' })
    expect(added.status).toBe(200)
    expect(added.json.result).toHaveLength(2)
    const nodes = await hook('sim/getNodes', { arg: scope })
    expect((nodes.json.result as { name: string }[]).filter((n) => n.name.startsWith('hooked'))).toHaveLength(2)
    expect(nodes.json.demo).toMatchObject({ apiKey: demo.apiKey })

    await hook('sim/clearLog')
    expect(await demoProfileStatus()).toBe(200)
    expect((await hook('sim/countRequests', { path: 'nodes/' })).json.result).toBe(1)
    expect((await hook('sim/requestLog', { method: 'GET' })).json.result).toHaveLength(1)

    const account = (await hook('sim/addAccount', {})).json.result as { authToken: string }
    expect((await hook('sim/expireToken', { authToken: account.authToken })).status).toBe(200)
    expect((await hook('sim/expireToken', { arg: account.authToken })).status).toBe(200)
    expect((await hook('sim/expireToken', { arg: 'no-such-token' })).json.error).toBe('unknown token')
    expect((await hook('sim/setTransitions', { mode: 'instant' })).status).toBe(200)
    const fault = await hook('sim/injectFault', { kind: 'http5xx', status: 503, body: 'json', route: 'GET nodes/' })
    expect(fault.json.result).toEqual(expect.any(Number))
    expect(await demoProfileStatus()).toBe(503)
    expect((await hook('sim/clearFaults', {})).json).toEqual({ result: null, demo: expect.any(Object) })
    expect(await demoProfileStatus()).toBe(200)
  })
})
