// Channel and event names without zod, so the sandboxed preload stays small. contract.ts checks at compile
// time that these lists match its schemas and payload types exactly.
export const INVOKE_CHANNELS = [
  'app:info',
  'app:open-external',
  'app:dismiss-notice',
  'clipboard:write',
  'settings:get',
  'settings:update',
  'profiles:list',
  'profiles:create',
  'profiles:update',
  'profiles:delete',
  'profiles:check-credentials',
  'profiles:pick-import',
  'profiles:import',
  'profiles:export',
  'profiles:retry-keychain',
  'profiles:check-import',
  'nodes:snapshot',
  'nodes:refresh',
  'nodes:detail',
  'nodes:action',
  'nodes:delete',
  'nodes:committed-settings',
  'nodes:create',
  'catalog:os',
  'catalog:plans',
  'catalog:create-options',
  'poller:set-paused',
  'tray:model',
  'tray:activate',
  'dialog:respond',
  'updates:status',
  'updates:restart',
  'wizard:draft-get',
  'wizard:draft-save'
] as const

export const EVENT_NAMES = [
  'nodes:changed',
  'profiles:changed',
  'settings:changed',
  'tray:changed',
  'app:navigated',
  'notifications:shown',
  'dialog:requested',
  'updates:changed'
] as const
