// The control API refuses a body field it does not take, by name: a misspelt field used to be dropped, and the
// operation then ran with its default (`{"mod": "real"}` left the transitions as they were, and answered 200).
import { afterEach, describe, expect, it } from 'vitest'
import { runControl } from './control-http'
import { startSimulator } from './index'
import type { StartedSimulator } from './types'

const started: StartedSimulator[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()))
})
async function sim(): Promise<StartedSimulator> {
  const s = await startSimulator({ seed: 'demo', transitions: 'instant' })
  started.push(s)
  return s
}

describe('control operations and unknown fields', () => {
  it('refuses a misspelt field with a 400 that names it and what the operation takes', async () => {
    const { control } = await sim()
    expect(runControl(control, 'setTransitions', { mod: 'real' })).toEqual({
      status: 400,
      body: { error: 'unknown field "mod": it takes mode' }
    })
    expect(runControl(control, 'advanceClock', { ms: 1000, by: 'x' }).body).toEqual({
      error: 'unknown field "by": it takes ms'
    })
    expect(runControl(control, 'now', { at: 1 }).body).toEqual({ error: 'unknown field "at": it takes no fields' })
    const setNode = runControl(control, 'setNode', { nodeId: 1, locked: true })
    expect(setNode.status).toBe(400)
    expect((setNode.body as { error: string }).error).toMatch(
      /^unknown field "locked": it takes nodeId, status, isLocked/
    )
    expect(runControl(control, 'injectFault', { kind: 'drop', rout: 'nodes/' }).body).toMatchObject({
      error: expect.stringMatching(/^unknown field "rout": it takes .*route/)
    })
    // The filters keep their own wording.
    expect(runControl(control, 'countRequests', { route: 'x', verb: 'GET' }).body).toEqual({
      error: 'unknown filter fields "route", "verb": the filter takes method, path, status, fault, sinceSeq'
    })
  })

  it('runs nothing when it refuses: the clock does not move by the refused minute', async () => {
    const { control } = await sim()
    const before = Date.parse(control.now())
    expect(runControl(control, 'advanceClock', { ms: 60_000, extra: true }).status).toBe(400)
    // The virtual clock runs on with real time; a refused advance adds nothing to it.
    expect(Date.parse(control.now()) - before).toBeLessThan(5_000)
    expect(runControl(control, 'advanceClock', { ms: 60_000 }).status).toBe(200)
    expect(Date.parse(control.now()) - before).toBeGreaterThanOrEqual(60_000)
  })

  it('takes every documented field of each operation', async () => {
    const s = await sim()
    const scope = { apiKey: s.demo.apiKey, projectId: s.demo.projects[0]!.projectId, location: 'Delhi' }
    expect(runControl(s.control, 'setTransitions', { mode: 'fast' }).status).toBe(200)
    expect(runControl(s.control, 'advanceClock', { ms: 1 }).status).toBe(200)
    expect(
      runControl(s.control, 'addNodes', { ...scope, count: 2, status: 'RUNNING', namePrefix: 'z', sku: 'C3.8GB' })
        .status
    ).toBe(200)
    const fault = runControl(s.control, 'injectFault', {
      kind: 'http429',
      retryAfterSec: 2,
      method: 'GET',
      route: 'nodes/',
      times: 1,
      probability: 1
    })
    expect(fault.status).toBe(200)
    expect(runControl(s.control, 'setOptions', { latencyMs: 0, ignorePaging: false, creditLimit: null }).status).toBe(
      200
    )
    expect(runControl(s.control, 'reset', { seed: 'demo' }).status).toBe(200)
    expect(runControl(s.control, 'clearLog', {}).status).toBe(200)
  })
})
