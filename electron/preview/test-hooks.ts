// /__test/* endpoints, only with --test-hooks: Playwright and benches drive the demo simulator (faults,
// clock, bulk nodes, stop/start) and read what the preview ports recorded. POST only, same secret header as every
// call (request-guard.ts), and only the operations listed here: a name is looked up as an own property of an
// allow-list, never on an object with a prototype (`sim/constructor` must not reach Object).
import type { Main } from '../main/app/create-main'
import type { DemoBackendWithSim } from '../main/demo/demo-backend'
import type { SimulatorControl } from '../simulator/index'
import type { PreviewSender } from './request-guard'
import type { createPreviewPorts } from './preview-ports'

export interface TestHookCtx {
  main: Main<PreviewSender>
  demo: DemoBackendWithSim | null
  ports: ReturnType<typeof createPreviewPorts>
}

type HookResult = { status: number; body: unknown }

/** Every simulator control operation, and nothing else; `satisfies` keeps it in step with the interface. */
const SIM_OPS = {
  reset: true,
  addAccount: true,
  expireToken: true,
  addNodes: true,
  getNodes: true,
  setNode: true,
  advanceClock: true,
  now: true,
  setTransitions: true,
  setOptions: true,
  injectFault: true,
  clearFaults: true,
  requestLog: true,
  countRequests: true,
  clearLog: true
} as const satisfies Record<keyof SimulatorControl, true>

export function isSimOp(name: string): name is keyof SimulatorControl {
  return Object.hasOwn(SIM_OPS, name)
}

export async function handleTestHook(name: string, body: unknown, ctx: TestHookCtx): Promise<HookResult> {
  const args: Record<string, unknown> =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
  if (name === 'recorded') {
    return {
      status: 200,
      body: { clipboard: ctx.ports.clipboardLog, external: ctx.ports.externalLog, navigations: ctx.ports.navigations }
    }
  }
  if (name !== 'sim/stop' && name !== 'sim/start' && !(name.startsWith('sim/') && isSimOp(name.slice(4))))
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
  // Forwarded to the simulator's own control object, e.g. /__test/sim/injectFault.
  const op = name.slice(4) as keyof SimulatorControl
  const fn = sim.control[op] as (arg: unknown) => unknown
  try {
    const result: unknown = await fn.call(sim.control, args['arg'] ?? args)
    return { status: 200, body: { result: result ?? null, demo: sim.demo } }
  } catch (err) {
    // A bad argument (an unknown status, a node that does not exist) is the caller's: 400 with the reason, as the
    // simulator's own control API answers it, not a 500.
    return { status: 400, body: { error: err instanceof Error ? err.message : String(err) } }
  }
}
