import type { NodeAction } from './node'

/** Tray actions are descriptors, not closures, so the menu model is plain data and testable with toEqual. */
export type TrayAction =
  | { kind: 'window.open' }
  | { kind: 'window.openNode'; profileId: string; nodeId: number }
  | { kind: 'window.openProfile'; profileId: string }
  /** The window's create wizard. */
  | { kind: 'window.create' }
  /** The tray popover (the glance), from the native menu where a click cannot open it (Linux). */
  | { kind: 'glance.open' }
  | { kind: 'settings.open' }
  | { kind: 'app.quit' }
  /** Installs a downloaded update (electron/main/updates); the shell answers it before the tray controller. */
  | { kind: 'app.restartToUpdate' }
  | { kind: 'poll.refreshAll' }
  | { kind: 'poll.togglePause' }
  | {
      kind: 'node.action'
      profileId: string
      nodeId: number
      action: Extract<NodeAction, 'power_on' | 'power_off' | 'reboot'>
    }
  | { kind: 'node.delete'; profileId: string; nodeId: number }
  | { kind: 'clipboard.copy'; text: string }

export type TrayIconState = 'ok' | 'changing' | 'error' | 'offline'

export interface TrayItem {
  /** Stable across renders: `node:<profile>:<id>:delete`. */
  id: string
  label: string
  type: 'normal' | 'separator' | 'submenu' | 'header'
  enabled: boolean
  /** Shown under or beside the label (macOS sublabel, tooltip elsewhere): why an item is disabled. */
  sublabel?: string
  action?: TrayAction
  children?: TrayItem[]
}

export interface TrayMenuModel {
  icon: TrayIconState
  /** macOS menu-bar title: the running count. */
  title: string
  tooltip: string
  items: TrayItem[]
}
