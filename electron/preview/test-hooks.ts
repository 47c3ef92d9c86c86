// /__test/* endpoints, only with --test-hooks: Playwright and benches drive the demo simulator (faults,
// clock, bulk nodes, stop/start) and read what the preview ports recorded. POST only, same secret header as every
// call (request-guard.ts). `sim/<operation>` runs the simulator's control API (control-http.ts): only its operations,
// each looked up as an own property of its table, never on an object with a prototype (`sim/constructor` must not
// reach Object), with the bodies and validation of `/__control/<operation>`.
import type { Main } from '../main/app/create-main'
import type { DemoBackendWithSim } from '../main/demo/demo-backend'
import { bodyFromArg, isControlOperation, runControl } from '../simulator/control-http'
import type { SimulatorControl } from '../simulator/index'
import type { PreviewSender } from './request-guard'
import type { createPreviewPorts } from './preview-ports'

export interface TestHookCtx {
  main: Main<PreviewSender>
  demo: DemoBackendWithSim | null
  ports: ReturnType<typeof createPreviewPorts>
}

type HookResult = { status: number; body: unknown }

/**
 * The body `/__control/<op>` would take. The older `{"arg": value}` form (Playwright specs send
 * `expireToken {arg: token}`) still works: a bare value fills the operation's one field, an object is the body.
 */
function controlBody(
  op: keyof SimulatorControl,
  body: unknown
): { ok: true; body: unknown } | { ok: false; error: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Object.hasOwn(body, 'arg'))
    return { ok: true, body }
  if (Object.keys(body).length > 1)
    return { ok: false, error: 'send either {"arg": value} or the operation\'s own fields, not both' }
  return { ok: true, body: bodyFromArg(op, (body as { arg: unknown }).arg) }
}

export async function handleTestHook(name: string, body: unknown, ctx: TestHookCtx): Promise<HookResult> {
  if (name === 'recorded') {
    return {
      status: 200,
      body: { clipboard: ctx.ports.clipboardLog, external: ctx.ports.externalLog, navigations: ctx.ports.navigations }
    }
  }
  if (name !== 'sim/stop' && name !== 'sim/start' && !(name.startsWith('sim/') && isControlOperation(name.slice(4))))
    return { status: 404, body: { error: `unknown hook ${name}` } }
  if (!ctx.demo) return { status: 400, body: { error: 'demo backend is off' } }
  // E2E going offline and coming back: the same simulator (nodes, credentials, address) stops and starts answering,
  // so the demo profiles recover on their next refresh as they would from a real outage.
  if (name === 'sim/stop') {
    await ctx.demo.goOffline()
    return { status: 200, body: { stopped: true } }
  }
  if (name === 'sim/start') {
    const conn = await ctx.demo.comeBack()
    return { status: 200, body: { baseUrl: conn.baseUrl } }
  }
  const sim = ctx.demo.simulator() ?? (await ctx.demo.ensureStarted(), ctx.demo.simulator())
  if (!sim) return { status: 500, body: { error: 'simulator did not start' } }
  // The simulator's own control API (/__control/<op>) does the work: the same bodies, the same validation, and a bad
  // value (an unknown seed, status or fault kind, a missing node) is the caller's: 400 with the reason, not a 500.
  const op = name.slice(4) as keyof SimulatorControl
  const input = controlBody(op, body)
  if (!input.ok) return { status: 400, body: { error: input.error } }
  const out = runControl(sim.control, op, input.body)
  if (out.status !== 200) return { status: out.status, body: out.body }
  return { status: 200, body: { result: out.result ?? null, demo: sim.demo } }
}
