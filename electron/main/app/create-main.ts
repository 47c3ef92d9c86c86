// The composition root shared by the Electron shell and the browser preview host: same services, same
// handlers, same events. Only the platform ports in `env` differ.
import type { z } from 'zod'
import type { DialogResponseInput } from '../../../shared/ipc/schemas'
import { createE2EClient } from '../api/index'
import { EventBus } from '../ipc/events'
import { createRegistry, type Registry } from '../ipc/registry'
import { createNodesService } from '../nodes/index'
import type { NodesService } from '../nodes/nodes.types'
import { sweepLastKnown } from '../profiles/last-known-cache'
import { ALLOW_API_HOSTS_ENV, createProfileStack, parseAllowedHosts } from '../profiles/index'
import type { ProfileNotices, ProfilesService, SettingsService } from '../profiles/profiles.types'
import type { Logger, SecretScrubber } from '../redact'
import { createTrayController } from '../tray/index'
import type { TrayController } from '../tray/tray.types'
import type { CredentialVault } from '../vault/credential-vault'
import type { ClientFactory } from '../api/client.types'
import { createHandlers } from './handlers'
import {
  systemClock,
  type ClipboardPort,
  type Clock,
  type DemoBackend,
  type Dialogs,
  type NotificationSink,
  type UpdatesPort,
  type WindowPort
} from '../ports'

export interface MainEnv {
  version: string
  platform: string
  preview: boolean
  dataDir: string
  homeDir: string
  vault: CredentialVault
  dialogs: Dialogs
  notifier: NotificationSink
  clipboard: ClipboardPort
  window: WindowPort
  openExternal(url: string): Promise<void>
  demo: DemoBackend | null
  /**
   * The window opens on the demo sandbox while nothing else is set up, skipping the first-run screen: `npm start`
   * from a checkout and `npm run preview:web -- --demo on` (the README's quick start). Never in the installed app.
   */
  startsOnDemo?: boolean
  scrubber: SecretScrubber
  log: Logger
  clock?: Clock
  /**
   * API hosts besides E2E's own that profiles may use (a staging API, the simulator). Main-side only; the default
   * is NODETRAY_ALLOW_API_HOSTS, plus loopback in the preview host.
   */
  allowApiHosts?: readonly string[]
  /** Overrides the real API client (benchmarks, tests). */
  createClient?: ClientFactory
  /** Preview host only: answers a `dialog:requested` event. */
  respondToDialog?: (input: z.infer<typeof DialogResponseInput>) => void
  /** Electron only: the app's own updates (electron/main/updates). */
  updates?: UpdatesPort
}

export interface MainServices {
  env: MainEnv
  events: EventBus
  profiles: ProfilesService & ProfileNotices
  settings: SettingsService
  nodes: NodesService
  tray: TrayController
}

export interface Main<S> extends MainServices {
  registry: Registry<S>
  dispose(): Promise<void>
}

export async function createMain<S>(
  env: MainEnv,
  senderPolicy: { isTrustedSender(sender: S): boolean; describeSender(sender: S): string }
): Promise<Main<S>> {
  const clock = env.clock ?? systemClock
  const createClient = env.createClient ?? createE2EClient
  const events = new EventBus()
  // The nodes service is built after the profiles it reads; the profiles service asks it through this.
  let nodesRef: NodesService | null = null
  const { profiles, settings, lastKnown } = await createProfileStack({
    dataDir: env.dataDir,
    homeDir: env.homeDir,
    vault: env.vault,
    dialogs: env.dialogs,
    demo: env.demo,
    createClient,
    clock,
    scrubber: env.scrubber,
    log: env.log,
    // A create in flight pins its profile's project, location and base URL (docs/create-guarantees.md).
    scopeChangeBlockedBy: (profileId) => nodesRef?.scopeChangeBlockedBy(profileId) ?? null,
    // Hosts besides E2E's own: only from main's side (the preview host is a dev tool against the simulator).
    allowApiHosts: env.allowApiHosts ?? [
      ...(env.preview ? ['127.0.0.1', 'localhost'] : []),
      ...parseAllowedHosts(process.env[ALLOW_API_HOSTS_ENV])
    ]
  })
  await sweepCache(env, profiles)
  const notifier: NotificationSink = {
    show(n) {
      env.notifier.show(n)
      events.emit('notifications:shown', n)
    }
  }
  const nodes = createNodesService({ profiles, settings, lastKnown, createClient, clock, notifier, log: env.log })
  nodesRef = nodes
  const tray = createTrayController({
    nodes,
    profiles,
    settings,
    dialogs: env.dialogs,
    clipboard: env.clipboard,
    window: env.window,
    clock,
    log: env.log
  })

  const unsubscribers = [
    nodes.onChanged((state) => {
      // A 401 at run time: the profile list shows this profile's token as rejected until a call succeeds again.
      if (state.error?.code === 'AUTH' && state.error.status === 401) profiles.setTokenRejected(state.profileId, true)
      else if (state.error === null && state.source === 'live') profiles.setTokenRejected(state.profileId, false)
      events.emit('nodes:changed', state)
    }),
    profiles.onChanged((list) => events.emit('profiles:changed', list)),
    settings.onChanged((value) => events.emit('settings:changed', value)),
    tray.onChanged((model) => events.emit('tray:changed', model)),
    env.updates?.onChanged((status) => events.emit('updates:changed', status)) ?? (() => undefined)
  ]

  const services: MainServices = { env, events, profiles, settings, nodes, tray }
  const registry = createRegistry<S>(createHandlers(services), {
    ...senderPolicy,
    scrubber: env.scrubber,
    log: env.log
  })
  await nodes.start()

  return {
    ...services,
    registry,
    async dispose() {
      for (const u of unsubscribers) u()
      tray.dispose()
      await nodes.stop()
      await env.demo?.stop()
    }
  }
}

/**
 * Temp files a crash left in cache/ and the caches of deleted profiles go at start, before anything writes there.
 * Only when the profile file loaded without a notice: ids read from a damaged file would delete real caches.
 */
async function sweepCache(env: MainEnv, profiles: ProfilesService & ProfileNotices): Promise<void> {
  if (profiles.notices.length > 0) return
  try {
    const ids = (await profiles.list()).map((p) => p.id)
    const removed = await sweepLastKnown({ dataDir: env.dataDir }, ids)
    if (removed.length) env.log.info('cache: swept stale files', { count: removed.length })
  } catch (e) {
    env.log.warn('cache: sweep failed', { error: String(e) })
  }
}
