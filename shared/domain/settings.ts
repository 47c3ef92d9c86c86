export interface Settings {
  /** Poll interval when every node of a profile is steady. */
  steadyIntervalSec: number
  notifications: boolean
  launchAtLogin: boolean
  startHidden: boolean
  quitOnClose: boolean
  /**
   * Show the built-in demo sandbox (simulated profiles and nodes) in the window and the tray. Opt-in: off until the
   * user picks the demo, and turned off again when the first profile of the user's own is saved.
   */
  showDemo: boolean
  /** Always `!showDemo`; kept for older readers (the window's saved first screen). Patching it sets showDemo. */
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
  showDemo: false,
  hideDemo: true,
  glanceShortcut: false
}

/** Electron accelerator for the glance; Cmd on macOS, Ctrl elsewhere. */
export const GLANCE_SHORTCUT = 'CommandOrControl+Shift+Space'
