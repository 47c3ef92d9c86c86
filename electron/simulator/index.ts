// startSimulator(): the stateful E2E MyAccount API simulator (docs/e2e-api.md#the-simulator). Plain Node, no Electron.
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { createControl, seedInto, type ControlDeps } from './control'
import { FaultBook } from './faults'
import { RequestLog } from './request-log'
import { API_PREFIX, createSimServer } from './sim-server'
import type { RequestLogEntry, SimAccountInfo, SimulatorOptions, StartedSimulator } from './types'
import { World } from './world'

export type * from './types'
export { SIM_LOCATIONS } from './types'

export async function startSimulator(
  opts: SimulatorOptions = {},
  onRequest?: (entry: RequestLogEntry) => void
): Promise<StartedSimulator> {
  const world = new World(opts.epochMs)
  const faults = new FaultBook()
  const log = new RequestLog()
  const controlSecret = opts.controlSecret ?? randomBytes(24).toString('hex')
  let primary: SimAccountInfo | undefined
  const deps: ControlDeps = {
    world,
    faults,
    log,
    seed: opts.seed ?? 'demo',
    transitions: opts.transitions,
    latencyMs: opts.latencyMs ?? 0,
    onReset: (p) => {
      primary = p
    }
  }
  const control = createControl(deps)
  const first = seedInto(deps, deps.seed)
  const { server, hanging } = createSimServer({
    world,
    faults,
    log,
    control,
    controlSecret,
    ...(onRequest ? { onRequest } : {})
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    baseUrl: `${origin}${API_PREFIX.slice(0, -1)}`,
    controlUrl: `${origin}/__control`,
    controlSecret,
    get demo(): SimAccountInfo {
      return primary ?? first
    },
    control,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy()
        hanging.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
    resume: () =>
      new Promise<void>((resolve, reject) => {
        if (server.listening) return resolve()
        server.once('error', reject)
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject)
          resolve()
        })
      })
  }
}
