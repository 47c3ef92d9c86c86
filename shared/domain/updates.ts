// App updates as the window and the tray see them. Main's update policy (electron/main/updates) owns the state.
export type UpdateState = 'idle' | 'checking' | 'available' | 'downloaded' | 'error'

export interface UpdateStatus {
  state: UpdateState
  /** false when this install is updated some other way: a distribution package (deb), a development build. */
  enabled: boolean
  /** The version being downloaded ('available') or ready to install ('downloaded'). */
  version: string | null
  /** Words for the user: why updates are off, or what went wrong and when the next try is. */
  message: string | null
}

export const UPDATES_UNAVAILABLE: UpdateStatus = {
  state: 'idle',
  enabled: false,
  version: null,
  message: 'Updates are not available here.'
}
