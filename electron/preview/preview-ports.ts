// Platform ports for the browser preview: native dialogs become `dialog:requested` events answered by the
// page over `dialog:respond`; window, clipboard and external links are recorded so tests can see them.
import { randomUUID } from 'node:crypto'
import type { ClipboardPort, Dialogs, NotificationSink, WindowPort } from '../main/ports'
import type { DialogRequest, Navigation } from '../../shared/ipc/contract'
import type { EventBus } from '../main/ipc/events'

interface PendingDialog {
  resolve(v: { response: number; path?: string | undefined }): void
}

export function createPreviewPorts(getEvents: () => EventBus | null) {
  const pending = new Map<string, PendingDialog>()
  const clipboardLog: string[] = []
  const externalLog: string[] = []
  const navigations: Navigation[] = []

  const ask = (req: Omit<DialogRequest, 'dialogId'>) =>
    new Promise<{ response: number; path?: string | undefined }>((resolve) => {
      const dialogId = randomUUID()
      pending.set(dialogId, { resolve })
      getEvents()?.emit('dialog:requested', { ...req, dialogId })
    })

  const dialogs: Dialogs = {
    async confirm(req) {
      const r = await ask({ kind: 'confirm', ...req })
      return r.response
    },
    async openFile(req) {
      const r = await ask({
        kind: 'open-file',
        title: req.title,
        message: req.title,
        buttons: ['Cancel', 'Open'],
        cancelId: 0,
        ...(req.defaultPath ? { defaultPath: req.defaultPath } : {})
      })
      return r.response === 1 && r.path ? r.path : null
    },
    async saveFile(req) {
      const r = await ask({
        kind: 'save-file',
        title: req.title,
        message: req.title,
        buttons: ['Cancel', 'Save'],
        cancelId: 0,
        ...(req.defaultPath ? { defaultPath: req.defaultPath } : {})
      })
      return r.response === 1 && r.path ? r.path : null
    }
  }

  const clipboard: ClipboardPort = { writeText: (t) => void clipboardLog.push(t) }
  const notifier: NotificationSink = { show: () => undefined } // create-main forwards to `notifications:shown`
  const window: WindowPort = {
    show(nav) {
      if (nav) navigations.push(nav)
      if (nav) getEvents()?.emit('app:navigated', nav)
    },
    quit() {
      /* the preview host keeps running; closing the tab is the browser's job */
    }
  }

  return {
    dialogs,
    clipboard,
    notifier,
    window,
    clipboardLog,
    externalLog,
    navigations,
    respondToDialog(input: { dialogId: string; response: number; path?: string | undefined }) {
      const p = pending.get(input.dialogId)
      if (!p) return
      pending.delete(input.dialogId)
      p.resolve({ response: input.response, path: input.path })
    },
    cancelAllDialogs() {
      for (const [id, p] of pending) {
        pending.delete(id)
        p.resolve({ response: -1 })
      }
    }
  }
}
