// The demo profiles run against the embedded simulator on a free loopback port, started on first use,
// so a newcomer sees the whole app work without an E2E account.
import { startSimulator, type StartedSimulator } from '../../simulator/index'
import type { DemoBackend, DemoConnection } from '../ports'

export interface DemoBackendWithSim extends DemoBackend {
  /** The running simulator, for the preview host's test hooks. */
  simulator(): StartedSimulator | null
  /** Test hooks: the simulator stops answering (E2E unreachable) but keeps its world, address and credentials. */
  goOffline(): Promise<void>
  /** Test hooks: the same simulator answers again, so the demo profiles' connection works as before. */
  comeBack(): Promise<DemoConnection>
}

export function createDemoBackend(opts: {
  transitions: 'instant' | 'fast' | 'real'
  latencyMs?: number
}): DemoBackendWithSim {
  let starting: Promise<StartedSimulator> | null = null
  let sim: StartedSimulator | null = null

  const connection = (s: StartedSimulator): DemoConnection => ({
    baseUrl: s.baseUrl,
    apiKey: s.demo.apiKey,
    authToken: s.demo.authToken,
    // One demo profile per project and location: the seed puts nodes in all four.
    projects: s.demo.projects.flatMap((p) =>
      s.demo.locations.map((location) => ({ projectId: p.projectId, name: p.name, location }))
    )
  })

  const backend: DemoBackendWithSim = {
    async ensureStarted(): Promise<DemoConnection> {
      starting ??= startSimulator({
        seed: 'demo',
        transitions: opts.transitions,
        latencyMs: opts.latencyMs ?? 0,
        // Start the demo world today (to the minute), so node ages and the committed term end read true.
        epochMs: Math.floor(Date.now() / 60_000) * 60_000
      }).then((s) => (sim = s))
      return connection(await starting)
    },
    async stop() {
      const s = sim
      starting = null
      sim = null
      await s?.stop()
    },
    simulator: () => sim,
    async goOffline() {
      await (await starting)?.stop()
    },
    async comeBack() {
      if (!starting) return backend.ensureStarted()
      const s = await starting
      await s.resume()
      return connection(s)
    }
  }
  return backend
}
