// Creates the one app window. The page it loads is the only page allowed to call IPC (see ipc/sender.ts).
import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { WEB_PREFERENCES } from './security'

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
    webPreferences: { ...WEB_PREFERENCES, preload: join(__dirname, '../preload/index.js') }
  })
  const file = join(__dirname, '../renderer/index.html')
  const trustedUrl = opts.devServerUrl ?? pathToFileURL(file).href
  if (opts.devServerUrl) void window.loadURL(opts.devServerUrl)
  else void window.loadFile(file)
  if (opts.show) window.once('ready-to-show', () => window.show())
  return { window, trustedUrl }
}
