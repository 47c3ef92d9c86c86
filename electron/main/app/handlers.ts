// Channel → service. Handlers only translate; rules live in the services. Inputs are already parsed by the registry.
import type { HandlerMap } from '../ipc/registry'
import type { MainServices } from './create-main'
import { UPDATES_UNAVAILABLE } from '../../../shared/domain/updates'
import { DomainError } from '../errors'
import { allowedExternalHref } from './external-links'
import { createWizardDrafts } from '../wizard/draft.service'

export function createHandlers(s: MainServices): HandlerMap {
  // The wizard's draft lives in memory only (electron/main/wizard/draft.service.ts).
  const drafts = createWizardDrafts(() => s.env.clock?.now() ?? Date.now())
  return {
    'app:info': async () => ({
      name: 'Nodetray',
      version: s.env.version,
      platform: s.env.platform,
      demoMode: s.env.demo !== null && s.settings.get().showDemo,
      demoAvailable: s.env.demo !== null,
      startsOnDemo: s.env.demo !== null && s.env.startsOnDemo === true,
      preview: s.env.preview,
      notices: s.profiles.notices.map(({ id, level, message }) => ({ id, level, message }))
    }),
    'app:dismiss-notice': async ({ id }) => {
      const had = s.profiles.notices.some((n) => n.id === id)
      s.profiles.dismissNotice(id)
      return { dismissed: had }
    },
    'app:open-external': async ({ url }) => {
      // Open the normalised href that passed the check, never the raw string the page sent.
      const href = allowedExternalHref(url)
      if (!href)
        throw new DomainError('VALIDATION', 'Only https links to E2E Networks pages can be opened.', { field: 'url' })
      await s.env.openExternal(href)
      return { opened: true }
    },
    'clipboard:write': async ({ text }) => {
      s.env.clipboard.writeText(text)
      return { copied: true }
    },
    'settings:get': async () => s.settings.get(),
    'settings:update': async (patch) => s.settings.update(patch),
    'profiles:list': async () => s.profiles.list(),
    'profiles:create': async (input) => s.profiles.create(input),
    'profiles:update': async (input) => s.profiles.update(input),
    'profiles:delete': async ({ profileId }) => {
      await s.profiles.delete(profileId)
      return { deleted: true }
    },
    'profiles:check-credentials': async (input) => s.profiles.checkCredentials(input),
    'profiles:pick-import': async ({ kind }) => s.profiles.pickImport(kind),
    'profiles:import': async (input) => s.profiles.importProfiles(input),
    'profiles:check-import': async (input) => s.profiles.checkImport(input),
    'profiles:export': async () => s.profiles.exportProfiles(),
    'profiles:retry-keychain': async ({ profileId }) => s.profiles.retryKeychain(profileId),
    'nodes:snapshot': async ({ firstByName }) => s.nodes.snapshot({ firstByName }),
    'nodes:refresh': async ({ profileId }) => ({ refreshed: await s.nodes.refresh(profileId) }),
    'nodes:detail': async ({ profileId, nodeId }) => s.nodes.detail(profileId, nodeId),
    'nodes:action': async ({ profileId, nodeId, action }) => {
      await s.nodes.action(profileId, nodeId, action)
      return { accepted: true }
    },
    'nodes:delete': async (input) => {
      await s.nodes.delete(input)
      return { deleted: true }
    },
    'nodes:committed-settings': async (input) => {
      await s.nodes.committedSettings(input)
      return { updated: true }
    },
    'nodes:create': async (input) => s.nodes.create(input),
    'catalog:os': async ({ profileId }) => s.nodes.catalogOs(profileId),
    'catalog:plans': async (input) => s.nodes.catalogPlans(input),
    'catalog:create-options': async ({ profileId }) => s.nodes.createOptions(profileId),
    'poller:set-paused': async ({ paused }) => {
      s.nodes.setPaused(paused)
      return { paused: s.nodes.isPaused() }
    },
    'tray:model': async () => s.tray.model(),
    'tray:activate': async ({ itemId }) => {
      await s.tray.activate(itemId)
      return { done: true }
    },
    'dialog:respond': async (input) => {
      if (!s.env.respondToDialog) throw new DomainError('NOT_AVAILABLE', 'Dialogs are native in the desktop app.')
      s.env.respondToDialog(input)
      return { done: true }
    },
    'updates:status': async () => s.env.updates?.status() ?? UPDATES_UNAVAILABLE,
    'updates:restart': async () => ({ restarting: s.env.updates?.restart() ?? false }),
    'wizard:draft-get': async () => drafts.get(),
    'wizard:draft-save': async ({ draft }) => drafts.save(draft)
  }
}
