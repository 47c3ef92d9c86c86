export interface Settings {
  /** Poll interval when every node of a profile is steady. */
  steadyIntervalSec: number
  notifications: boolean
  launchAtLogin: boolean
  startHidden: boolean
  quitOnClose: boolean
  hideDemo: boolean
  /** Opt-in: a global shortcut (GLANCE_SHORTCUT) opens and closes the tray popover from anywhere. */
  glanceShortcut: boolean
}

export const DEFAULT_SETTINGS: Settings = {
  steadyIntervalSec: 60,
  notifications: true,
  launchAtLogin: false,
  startHidden: false,
  quitOnClose: false,
  hideDemo: false,
  glanceShortcut: false
}

/** Electron accelerator for the glance; Cmd on macOS, Ctrl elsewhere. */
export const GLANCE_SHORTCUT = 'CommandOrControl+Shift+Space'
