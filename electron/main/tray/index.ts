export { createTrayController, findItem, type TrayControllerDeps } from './tray-controller'
export { buildTrayMenu, type TrayState, MAX_NODES_PER_PROFILE } from './tray-menu.model'
export type { TrayController } from './tray.types'
