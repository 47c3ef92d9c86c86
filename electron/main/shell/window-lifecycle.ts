// Hide-to-tray and quitting, as plain logic over window/app-shaped objects so it is testable without Electron.
// Closing the window hides it unless the app is quitting, the user chose quit-on-close, or there is no tray to
// come back from (a hidden window with no tray would leave a running app nobody can reach).
export interface CloseEventLike {
  preventDefault(): void
}

export interface LifecycleWindow {
  on(event: 'close', listener: (e: CloseEventLike) => void): unknown
  on(event: 'show' | 'hide', listener: () => void): unknown
  show(): void
  hide(): void
  focus(): void
  restore(): void
  isMinimized(): boolean
  isDestroyed(): boolean
}

export interface LifecycleApp {
  on(event: 'before-quit', listener: () => void): unknown
  on(event: 'activate', listener: () => void): unknown
  dock?: { hide(): void; show(): unknown }
}

export interface WindowLifecycleDeps {
  app: LifecycleApp
  platform: NodeJS.Platform
  hasTray(): boolean
  quitOnClose(): boolean
  startHidden(): boolean
  getWindow(): LifecycleWindow | null
}

export interface WindowLifecycle {
  /** Wires close/show/hide of the window; call once after creating it. */
  attach(window: LifecycleWindow): void
  /** Shows, restores and focuses the window (tray Open, second instance, dock click). */
  reveal(): void
  /** Set by before-quit; the tray's Quit goes through app.quit(), which emits it. */
  markQuitting(): void
  isQuitting(): boolean
  /** Whether to show the window when it is ready: hidden start only makes sense when a tray exists. */
  showOnStart(): boolean
  /**
   * showOnStart(), and on macOS a hidden start also hides the Dock icon: a window that is never shown never
   * emits 'hide', so without this the Dock showed an icon with no window behind it.
   */
  startVisible(): boolean
}

export function createWindowLifecycle(deps: WindowLifecycleDeps): WindowLifecycle {
  let quitting = false
  const isMac = deps.platform === 'darwin'

  deps.app.on('before-quit', () => {
    quitting = true
  })
  // macOS: clicking the dock icon (when it is visible) brings the hidden window back.
  if (isMac) deps.app.on('activate', () => reveal())

  function showOnStart(): boolean {
    return !(deps.startHidden() && deps.hasTray())
  }

  function reveal(): void {
    const window = deps.getWindow()
    if (!window || window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }

  return {
    attach(window) {
      window.on('close', (e) => {
        if (quitting || deps.quitOnClose() || !deps.hasTray()) return
        e.preventDefault()
        window.hide()
      })
      if (isMac) {
        // A tray app has no business in the dock while its window is hidden; it comes back with the window.
        window.on('hide', () => {
          if (deps.hasTray()) deps.app.dock?.hide()
        })
        window.on('show', () => void deps.app.dock?.show())
      }
    },
    reveal,
    markQuitting() {
      quitting = true
    },
    isQuitting: () => quitting,
    showOnStart,
    startVisible() {
      const show = showOnStart()
      if (isMac && !show) deps.app.dock?.hide()
      return show
    }
  }
}
