// The tray popover's window: frameless, about 380 × 560, created hidden at start and kept current (its page
// follows main's events), so a tray click only places and shows it. Placement is the pure popoverPosition();
// blur and Esc hide it (Esc arrives as the page's window.close(), turned into a hide here). Thin glue: the
// behaviour is tested through fakes of the window, displays and clock.
import { BrowserWindow, type Rectangle } from 'electron'
import { join } from 'node:path'
import { GLANCE_SHORTCUT, type Settings } from '../../../shared/domain/settings'
import { popoverPosition, type DisplayArea, type Rect } from '../tray/popover-position'
import { APP_HOST, APP_SCHEME } from './app-protocol'

/** The popover's page: its own small entry (renderer/tray.html), same preload, CSP and sender checks as the window. */
export const APP_TRAY_URL = `${APP_SCHEME}://${APP_HOST}/tray.html`
export const POPOVER_SIZE = { width: 380, height: 560 }
/** A tray click that arrives just after the blur it caused must not re-open the popover it just closed. */
export const REOPEN_GUARD_MS = 250

export interface PopoverWindowLike {
  setBounds(bounds: Rect): void
  show(): void
  hide(): void
  focus(): void
  isVisible(): boolean
  isDestroyed(): boolean
  on(event: 'blur', listener: () => void): unknown
  on(event: 'close', listener: (e: { preventDefault(): void }) => void): unknown
  destroy(): void
}

export interface TrayPopoverDeps {
  window: PopoverWindowLike
  platform: NodeJS.Platform
  displays(): DisplayArea[]
  cursor(): { x: number; y: number }
  now(): number
  /** The popover came up: refresh soon (the poller's poke). */
  onShown(): void
}

export interface TrayPopover {
  /** Shows it anchored to the icon's bounds (or the pointer when the platform gives none). */
  show(trayBounds?: Rect): void
  /** A tray click: shows, or hides when it is up. */
  toggle(trayBounds?: Rect): void
  hide(): void
  isVisible(): boolean
  /** The app is quitting: a close is a close, not a hide. */
  allowClose(): void
  /** The page's content height (Electron's preferred size): the window follows it, up to POPOVER_SIZE. */
  fit(contentHeight: number): void
}

/** Shorter than this and the popover would be all header and footer. */
export const MIN_POPOVER_HEIGHT = 160

const NO_BOUNDS: Rect = { x: 0, y: 0, width: 0, height: 0 }

export function createTrayPopover(deps: TrayPopoverDeps): TrayPopover {
  const win = deps.window
  let hiddenAt = Number.NEGATIVE_INFINITY
  let quitting = false
  let height = POPOVER_SIZE.height
  let anchor: Rect = NO_BOUNDS
  const place = () =>
    win.setBounds(
      popoverPosition({
        platform: deps.platform,
        displays: deps.displays(),
        tray: anchor,
        cursor: deps.cursor(),
        size: { width: POPOVER_SIZE.width, height }
      })
    )

  const hide = () => {
    if (win.isDestroyed() || !win.isVisible()) return
    win.hide()
    hiddenAt = deps.now()
  }
  const show = (trayBounds: Rect = NO_BOUNDS) => {
    if (win.isDestroyed()) return
    anchor = trayBounds
    place()
    win.show()
    win.focus()
    deps.onShown()
  }

  win.on('blur', hide)
  win.on('close', (e) => {
    if (quitting) return
    e.preventDefault()
    hide()
  })

  return {
    show,
    toggle(trayBounds) {
      if (win.isDestroyed()) return
      if (win.isVisible()) return hide()
      // On Windows the click on the icon first blurs (and so hides) the popover: that click meant "close".
      if (deps.now() - hiddenAt < REOPEN_GUARD_MS) return
      show(trayBounds)
    },
    hide,
    isVisible: () => !win.isDestroyed() && win.isVisible(),
    allowClose() {
      quitting = true
    },
    fit(contentHeight) {
      const next = Math.round(Math.max(MIN_POPOVER_HEIGHT, Math.min(contentHeight, POPOVER_SIZE.height)))
      if (next === height) return
      height = next
      // Re-placed, not just resized: above a bottom taskbar the top edge moves so the bottom stays by the icon.
      if (!win.isDestroyed() && win.isVisible()) place()
    }
  }
}

/** The real window. webPreferences are written out literally, as in window.ts, for the static security scan. */
export function createPopoverBrowserWindow(opts: { devServerUrl?: string; dark: boolean }): {
  window: BrowserWindow
  trustedUrl: string
} {
  const window = new BrowserWindow({
    ...POPOVER_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    hasShadow: true,
    title: 'Nodetray glance',
    // The page's own background, so a show never flashes white in dark mode.
    backgroundColor: opts.dark ? '#171c22' : '#ffffff',
    // Spelled out as in window.ts, not shared: Electronegativity and scripts/security-scan.mjs read each window's
    // literal options, and a helper would hide them from both.
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Kept current while hidden: its timers and events must run so a show paints the present at once.
      backgroundThrottling: false,
      // The page reports its content height (preferred-size-changed), which the window follows.
      enablePreferredSizeMode: true
    }
  })
  // Over full-screen apps and on every desktop, as menu-bar popovers are.
  window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true })
  const trustedUrl = opts.devServerUrl ? new URL('tray.html', opts.devServerUrl).toString() : APP_TRAY_URL
  void window.loadURL(trustedUrl)
  return { window, trustedUrl }
}

/** Electron's Rectangle is our Rect; named for the call sites. */
export const asRect = (r: Rectangle): Rect => ({ x: r.x, y: r.y, width: r.width, height: r.height })

export interface ShortcutRegistry {
  register(accelerator: string, callback: () => void): boolean
  unregister(accelerator: string): void
}

/**
 * The opt-in global shortcut (Settings → "Shortcut for the tray glance"): registered while the setting is on,
 * dropped when it goes off. Off by default: a global key belongs to the user, not to us. Returns the cleanup.
 */
export function bindGlanceShortcut(deps: {
  shortcuts: ShortcutRegistry
  settings: { get(): Settings; onChanged(listener: (s: Settings) => void): () => void }
  toggle(): void
  warn(message: string): void
}): () => void {
  let registered = false
  const apply = (on: boolean) => {
    if (on === registered) return
    if (on) {
      registered = deps.shortcuts.register(GLANCE_SHORTCUT, deps.toggle)
      if (!registered) deps.warn(`tray: ${GLANCE_SHORTCUT} is taken by another app; the glance shortcut is off`)
    } else {
      deps.shortcuts.unregister(GLANCE_SHORTCUT)
      registered = false
    }
  }
  apply(deps.settings.get().glanceShortcut)
  const off = deps.settings.onChanged((s) => apply(s.glanceShortcut))
  return () => {
    off()
    apply(false)
  }
}
