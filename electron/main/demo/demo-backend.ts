// The demo profiles run against the embedded simulator on a free loopback port, started on first use,
// so a newcomer sees the whole app work without an E2E account.
import { startSimulator, type StartedSimulator } from '../../simulator/index'
import type { DemoBackend, DemoConnection } from '../ports'

export interface DemoBackendWithSim extends DemoBackend {
  /** The running simulator, for the preview host's test hooks. */
  simulator(): StartedSimulator | null
}

export function createDemoBackend(opts: {
  transitions: 'instant' | 'fast' | 'real'
  latencyMs?: number
}): DemoBackendWithSim {
  let starting: Promise<StartedSimulator> | null = null
  let sim: StartedSimulator | null = null

  return {
    async ensureStarted(): Promise<DemoConnection> {
      starting ??= startSimulator({
        seed: 'demo',
        transitions: opts.transitions,
        latencyMs: opts.latencyMs ?? 0,
        // Start the demo world today (to the minute), so node ages and the committed term end read true.
        epochMs: Math.floor(Date.now() / 60_000) * 60_000
      }).then((s) => (sim = s))
      const s = await starting
      // One demo profile per project and location: the seed puts nodes in all four.
      return {
        baseUrl: s.baseUrl,
        apiKey: s.demo.apiKey,
        authToken: s.demo.authToken,
        projects: s.demo.projects.flatMap((p) =>
          s.demo.locations.map((location) => ({ projectId: p.projectId, name: p.name, location }))
        )
      }
    },
    async stop() {
      const s = sim
      starting = null
      sim = null
      await s?.stop()
    },
    simulator: () => sim
  }
}
