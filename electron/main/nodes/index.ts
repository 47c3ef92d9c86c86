// createNodesService: the runtime node engine behind nodes:* and catalog:* (see nodes.types.ts).
import type { ProfileNodes } from '../../../shared/domain/node-state'
import { firstNodesByName } from '../../../shared/domain/node-status'
import { CreateCommand } from './create-command'
import { Engine, type EngineDeps } from './engine'
import { NodeCommands } from './node-commands'
import type { NodesService } from './nodes.types'

export type { NodesService } from './nodes.types'

export function createNodesService(deps: EngineDeps): NodesService {
  const engine = new Engine(deps)
  const commands = new NodeCommands(engine)
  const creates = new CreateCommand(engine)
  const subscriptions: (() => void)[] = []

  return {
    async start() {
      subscriptions.push(
        deps.profiles.onChanged((list) => {
          engine.syncProfiles(list).catch((e: unknown) => deps.log.error('profile sync failed', { error: String(e) }))
        }),
        // A new steady interval or the notification switch: re-plan every poller.
        deps.settings.onChanged(() => engine.replanAll())
      )
      await engine.start()
    },
    async stop() {
      for (const unsubscribe of subscriptions.splice(0)) unsubscribe()
      await engine.stop()
    },
    snapshot: (opts) => cutToFirstByName(engine.snapshot(), opts?.firstByName),
    async refresh(profileId) {
      if (profileId !== undefined) {
        await engine.refreshNow(await engine.runtime(profileId))
        return 1
      }
      // "Refresh all" right after a profile was added must include it, even if its change event is still in flight.
      await engine.syncProfiles(await deps.profiles.list())
      return engine.refreshAll()
    },
    detail: (profileId, nodeId) => commands.detail(profileId, nodeId),
    action: (profileId, nodeId, action) => commands.action(profileId, nodeId, action),
    delete: (input) => commands.delete(input),
    committedSettings: (input) => commands.committedSettings(input),
    create: (input) => creates.create(input),
    scopeChangeBlockedBy: (profileId) => engine.scopeChangeBlockedBy(profileId),
    catalogOs: (profileId) => commands.catalogOs(profileId),
    catalogPlans: (input) => commands.catalogPlans(input),
    createOptions: (profileId) => commands.createOptions(profileId),
    setPaused: (paused) => engine.setPaused(paused),
    isPaused: () => engine.isPaused,
    setSuspended: (suspended) => engine.setSuspended(suspended),
    poke: () => engine.pokeAll(),
    onChanged: (listener) => engine.onChanged(listener)
  }
}

function cutToFirstByName(states: ProfileNodes[], firstByName: number | undefined): ProfileNodes[] {
  if (firstByName === undefined) return states
  return states.map((st) =>
    st.nodes.length <= firstByName
      ? st
      : { ...st, nodes: firstNodesByName(st.nodes, firstByName), totalNodes: st.nodes.length }
  )
}
