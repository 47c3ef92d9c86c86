// /__test/* endpoints, only with --test-hooks: Playwright and benches drive the demo simulator (faults,
// clock, bulk nodes, stop/start) and read what the preview ports recorded. Same secret as every call.
import type { Main } from '../main/app/create-main'
import type { DemoBackendWithSim } from '../main/demo/demo-backend'
import type { PreviewSender } from './request-guard'
import type { createPreviewPorts } from './preview-ports'

interface Ctx {
  main: Main<PreviewSender>
  demo: DemoBackendWithSim | null
  ports: ReturnType<typeof createPreviewPorts>
}

type HookResult = { status: number; body: unknown }

export async function handleTestHook(name: string, body: unknown, ctx: Ctx): Promise<HookResult> {
  const args = (body ?? {}) as Record<string, unknown>
  if (name === 'recorded') {
    return {
      status: 200,
      body: { clipboard: ctx.ports.clipboardLog, external: ctx.ports.externalLog, navigations: ctx.ports.navigations }
    }
  }
  if (!ctx.demo) return { status: 400, body: { error: 'demo backend is off' } }
  if (name === 'sim/stop') {
    await ctx.demo.stop()
    return { status: 200, body: { stopped: true } }
  }
  if (name === 'sim/start') {
    const conn = await ctx.demo.ensureStarted()
    return { status: 200, body: { baseUrl: conn.baseUrl } }
  }
  const sim = ctx.demo.simulator() ?? (await ctx.demo.ensureStarted(), ctx.demo.simulator())
  if (!sim) return { status: 500, body: { error: 'simulator did not start' } }
  // Everything else is forwarded to the simulator's own control API, e.g. /__test/sim/injectFault.
  if (name.startsWith('sim/')) {
    const op = name.slice(4)
    const control = sim.control as unknown as Record<string, unknown>
    const fn = control[op]
    if (typeof fn !== 'function') return { status: 404, body: { error: `unknown simulator op ${op}` } }
    const result: unknown = await (fn as (a: unknown) => unknown).call(sim.control, args.arg ?? args)
    return { status: 200, body: { result: result ?? null, demo: sim.demo } }
  }
  return { status: 404, body: { error: `unknown hook ${name}` } }
}
