export interface Settings {
  /** Poll interval when every node of a profile is steady. */
  steadyIntervalSec: number
  notifications: boolean
  launchAtLogin: boolean
  startHidden: boolean
  quitOnClose: boolean
  hideDemo: boolean
}

export const DEFAULT_SETTINGS: Settings = {
  steadyIntervalSec: 60,
  notifications: true,
  launchAtLogin: false,
  startHidden: false,
  quitOnClose: false,
  hideDemo: false
}
