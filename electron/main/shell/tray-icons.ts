// Which tray image file to load for a health state on a platform. The files are drawn by scripts/make-icons.mjs
// into resources/icons/tray/ and shipped outside the asar as extraResources (see electron-builder.yml).
import { join } from 'node:path'
import type { TrayIconState } from '../../../shared/domain/tray'

/**
 * macOS: black-and-alpha template images; the name must END in "Template" for Electron to treat them as such,
 * and nativeImage picks up the @2x sibling by itself. Windows: an .ico holding 16–32 px. Linux: a coloured
 * 22 px PNG (plus @2x), a light glyph with a dark outline so it shows on dark and light panels alike (the
 * Windows .ico is drawn the same way).
 */
export function trayIconFile(state: TrayIconState, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return `tray-${state}Template.png`
  if (platform === 'win32') return `tray-${state}.ico`
  return `tray-${state}.png`
}

/** Packaged: <resources>/tray (extraResources). Unpackaged: the repo's resources/icons/tray. */
export function trayIconDir(opts: { isPackaged: boolean; resourcesPath: string; appPath: string }): string {
  return opts.isPackaged ? join(opts.resourcesPath, 'tray') : join(opts.appPath, 'resources', 'icons', 'tray')
}

export function trayIconPath(state: TrayIconState, platform: NodeJS.Platform, dir: string): string {
  return join(dir, trayIconFile(state, platform))
}

/**
 * The BrowserWindow icon. Linux needs it (X11/Wayland show the generic icon otherwise); packaged builds ship it
 * as <resources>/icon.png (electron-builder.yml extraResources). macOS and Windows take the bundle/exe icon.
 */
export function windowIconPath(opts: {
  platform: NodeJS.Platform
  isPackaged: boolean
  resourcesPath: string
  appPath: string
}): string | undefined {
  if (opts.platform !== 'linux') return undefined
  return opts.isPackaged
    ? join(opts.resourcesPath, 'icon.png')
    : join(opts.appPath, 'resources', 'icons', '256x256.png')
}
