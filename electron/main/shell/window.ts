// Creates the one app window. The page it loads is the only page allowed to call IPC (see ipc/sender.ts).
// webPreferences are written out literally (not spread from a constant) so static scanners such as
// Electronegativity can see every one of them.
import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_INDEX_URL } from './app-protocol'

export interface CreatedWindow {
  window: BrowserWindow
  /** The exact URL we load; sender validation compares against it. */
  trustedUrl: string
}

export function createMainWindow(opts: { devServerUrl?: string; show: boolean; iconPath?: string }): CreatedWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 740,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Nodetray',
    ...(opts.iconPath ? { icon: opts.iconPath } : {}),
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
      // Middle-click (auxclick) could open links in new windows; the open handler denies them too.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false
    }
  })
  // Production pages come from app://nodetray/ (shell/app-protocol.ts), never file://.
  const trustedUrl = opts.devServerUrl ?? APP_INDEX_URL
  void window.loadURL(trustedUrl)
  if (opts.show) window.once('ready-to-show', () => window.show())
  return { window, trustedUrl }
}
