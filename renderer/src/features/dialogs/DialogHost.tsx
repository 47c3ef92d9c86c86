// Preview only: native dialogs (confirm, open file, save file) arrive as `dialog:requested` and are shown as an
// accessible modal; the answer goes back with dialog:respond. Requests queue and show one at a time.
import { useEffect, useState } from 'react'
import type { DialogRequest } from '../../../../shared/ipc/contract'
import { Dialog } from '../../components/Dialog'
import { asAppError, bridge, call } from '../../lib/ipc'
import { plainError, plainWords } from '../../lib/plain-error'
import { toast } from '../../stores/notifications.store'

export function DialogHost() {
  const [queue, setQueue] = useState<DialogRequest[]>([])
  const current = queue[0]

  useEffect(() => bridge().events.on('dialog:requested', (req) => setQueue((q) => [...q, req])), [])

  if (!current) return null
  // Keyed on the request so each one starts with its own default path.
  return <NativeDialog key={current.dialogId} current={current} onAnswered={() => setQueue((q) => q.slice(1))} />
}

function NativeDialog({ current, onAnswered }: { current: DialogRequest; onAnswered(): void }) {
  const [path, setPath] = useState(current.defaultPath ?? '')
  const isFile = current.kind !== 'confirm'

  const respond = async (response: number) => {
    onAnswered()
    try {
      await call((api) =>
        api.dialog.respond({
          dialogId: current.dialogId,
          response,
          ...(isFile && response !== current.cancelId && path ? { path } : {})
        })
      )
    } catch (e) {
      const p = plainError(asAppError(e))
      toast({
        kind: 'error',
        title: 'The dialog answer did not reach Nodetray',
        body: plainWords(p),
        ...(p.technical ? { detail: p.technical } : {})
      })
    }
  }

  // Cancel first, the default (last) button last, as native dialogs order them on Linux.
  return (
    <Dialog
      title={current.title}
      onClose={() => void respond(current.cancelId)}
      role={current.kind === 'confirm' ? 'alertdialog' : 'dialog'}
      testId="native-dialog"
      footer={
        <>
          <span className="spacer" />
          {current.buttons.map((label, i) => (
            <button
              key={`${label}-${i}`}
              type="button"
              className={`btn ${i === current.cancelId ? '' : i === current.buttons.length - 1 ? 'btn-primary' : ''}`}
              disabled={isFile && i !== current.cancelId && path.trim() === ''}
              onClick={() => void respond(i)}
            >
              {label}
            </button>
          ))}
        </>
      }
    >
      {current.message && current.message !== current.title && <p>{current.message}</p>}
      {current.detail && <p className="muted">{current.detail}</p>}
      {isFile && (
        <div className="field">
          <label htmlFor="native-dialog-path">
            {current.kind === 'open-file' ? 'Path of the file to open (on the host)' : 'Path to save to (on the host)'}
          </label>
          <input
            id="native-dialog-path"
            className="mono"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            data-autofocus
            spellCheck={false}
          />
        </div>
      )}
    </Dialog>
  )
}
