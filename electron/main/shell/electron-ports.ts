// Native implementations of the platform ports: Electron dialogs, notifications, clipboard and links.
import { clipboard, dialog, Notification, shell, type BrowserWindow } from 'electron'
import type { ClipboardPort, ConfirmRequest, Dialogs, NotificationSink } from '../ports'
import type { AppIdentity } from './app-identity'
import { isAllowedExternalUrl } from '../app/external-links'

/** One warning box, over the window when it is showing (a box parented to a hidden window would be hidden too). */
async function warningBox(
  parent: () => BrowserWindow | null,
  req: ConfirmRequest,
  checkboxLabel?: string
): Promise<Electron.MessageBoxReturnValue> {
  const options = {
    type: 'warning' as const,
    title: req.title,
    message: req.message,
    ...(req.detail ? { detail: req.detail } : {}),
    buttons: req.buttons,
    cancelId: req.cancelId,
    defaultId: req.defaultId,
    ...(checkboxLabel !== undefined ? { checkboxLabel, checkboxChecked: false } : {}),
    noLink: true
  }
  const win = parent()
  return win && win.isVisible() ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options)
}

export function createElectronDialogs(parent: () => BrowserWindow | null): Dialogs {
  return {
    async confirm(req) {
      return (await warningBox(parent, req)).response
    },
    // The tray's quick delete: keep-the-IP is the message box's own checkbox.
    async confirmWithCheckbox(req) {
      const result = await warningBox(parent, req, req.checkboxLabel)
      return { response: result.response, checked: result.checkboxChecked }
    },
    async openFile(req) {
      const result = await dialog.showOpenDialog({
        title: req.title,
        properties: ['openFile', 'showHiddenFiles'],
        ...(req.defaultPath ? { defaultPath: req.defaultPath } : {}),
        ...(req.filters ? { filters: req.filters } : {})
      })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async saveFile(req) {
      const result = await dialog.showSaveDialog({
        title: req.title,
        ...(req.defaultPath ? { defaultPath: req.defaultPath } : {}),
        ...(req.filters ? { filters: req.filters } : {})
      })
      return result.canceled ? null : (result.filePath ?? null)
    }
  }
}

export function createElectronNotifier(
  onClick: (profileId: string | null, nodeId: number | null) => void,
  identity: AppIdentity
): NotificationSink {
  return {
    show(n) {
      if (!Notification.isSupported()) return
      // Windows drops toasts from an app without its AppUserModelID; set it before the first one exists.
      identity.ensure()
      const note = new Notification({ title: n.title, body: n.body, silent: false })
      note.on('click', () => onClick(n.profileId, n.nodeId))
      note.show()
    }
  }
}

export const electronClipboard: ClipboardPort = { writeText: (text) => clipboard.writeText(text) }

export async function openExternalSafely(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) throw new Error('refused: not an allow-listed https URL')
  await shell.openExternal(url)
}
