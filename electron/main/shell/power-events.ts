// Stop polling while the machine sleeps or the screen is locked; nobody is looking, and requests made while
// the network is suspended only fail and back off. Resume picks up where it left off.
import type { NodesService } from '../nodes/nodes.types'

export interface PowerMonitorLike {
  on(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen', listener: () => void): unknown
  removeListener(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen', listener: () => void): unknown
}

export function bindPowerEvents(powerMonitor: PowerMonitorLike, nodes: Pick<NodesService, 'setSuspended'>): () => void {
  const suspend = () => nodes.setSuspended(true)
  const resume = () => nodes.setSuspended(false)
  const bindings = [
    ['suspend', suspend],
    ['lock-screen', suspend],
    ['resume', resume],
    ['unlock-screen', resume]
  ] as const
  for (const [event, listener] of bindings) powerMonitor.on(event, listener)
  return () => {
    for (const [event, listener] of bindings) powerMonitor.removeListener(event, listener)
  }
}
