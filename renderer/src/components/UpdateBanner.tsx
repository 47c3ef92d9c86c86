// "Restart to update" in the window, once main has downloaded an update (the tray offers the same).
import { useEffect, useState } from 'react'
import type { UpdateStatus } from '../../../shared/domain/updates'
import { bridge, call } from '../lib/ipc'
import { toast } from '../stores/notifications.store'

export function UpdateBanner() {
  const [status, setStatus] = useState<UpdateStatus | null>(null)
  useEffect(() => {
    let live = true
    const off = bridge().events.on('updates:changed', setStatus)
    call((api) => api.updates.status({})).then(
      (s) => live && setStatus((current) => current ?? s),
      () => undefined // no banner is the right answer when main cannot say
    )
    return () => {
      live = false
      off()
    }
  }, [])
  if (status?.state !== 'downloaded') return null
  const restart = async () => {
    try {
      await call((api) => api.updates.restart({}))
    } catch (e) {
      toast({ kind: 'error', title: 'Could not restart', ...(e instanceof Error ? { body: e.message } : {}) })
    }
  }
  return (
    <div className="banner banner-info" role="status" data-testid="update-banner">
      <span>{status.version ? `Nodetray ${status.version} is ready.` : 'An update is ready.'}</span>
      <span className="spacer" />
      <button type="button" className="btn btn-sm btn-primary" onClick={() => void restart()}>
        Restart to update
      </button>
    </div>
  )
}
