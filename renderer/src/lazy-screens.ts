// Screens the first paint of the node list does not need, in their own chunks. Together with zod (which the
// forms use) they were a third of the startup script. `preloadScreens` fetches them once the list is on screen,
// so a click on a tab or a node finds its chunk already loaded.
import { lazy } from 'react'

const loaders = {
  firstRun: () => import('./features/first-run/FirstRun'),
  profiles: () => import('./features/profiles/ProfilesScreen'),
  settings: () => import('./features/settings/SettingsScreen'),
  tray: () => import('./features/tray-preview/TrayPreview'),
  dialogs: () => import('./features/dialogs/DialogHost'),
  detail: () => import('./features/node-detail/NodeDetailPanel')
}

export const FirstRun = lazy(async () => ({ default: (await loaders.firstRun()).FirstRun }))
export const ProfilesScreen = lazy(async () => ({ default: (await loaders.profiles()).ProfilesScreen }))
export const SettingsScreen = lazy(async () => ({ default: (await loaders.settings()).SettingsScreen }))
export const TrayPreview = lazy(async () => ({ default: (await loaders.tray()).TrayPreview }))
export const DialogHost = lazy(async () => ({ default: (await loaders.dialogs()).DialogHost }))
export const NodeDetailPanel = lazy(async () => ({ default: (await loaders.detail()).NodeDetailPanel }))

let preloading: Promise<unknown> | null = null

/** Starts loading every lazy screen (once); failures surface later, when the screen is actually shown. */
export function preloadScreens(): Promise<unknown> {
  preloading ??= Promise.allSettled(Object.values(loaders).map((load) => load()))
  return preloading
}
