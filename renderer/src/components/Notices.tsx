// Startup problems main found (e.g. an unreadable profile file kept aside), shown until dismissed, and the
// profiles whose credentials cannot be used right now (locked or unreachable keychain, missing, rejected).
import { CredentialBanners } from '../features/profiles/CredentialBanners'
import { call } from '../lib/ipc'
import { useAppStore } from '../stores/app.store'
import { toast } from '../stores/notifications.store'

export function Notices() {
  const info = useAppStore((s) => s.info)
  const load = useAppStore((s) => s.load)
  if (!info || info.notices.length === 0) return <CredentialBanners />
  const dismiss = async (id: string) => {
    try {
      await call((api) => api.app.dismissNotice({ id }))
      await load()
    } catch (e) {
      toast({
        kind: 'error',
        title: 'Could not dismiss the notice',
        ...(e instanceof Error ? { body: e.message } : {})
      })
    }
  }
  return (
    <div className="stack notices">
      <CredentialBanners />
      {info.notices.map((n) => (
        <div key={n.id} className="banner banner-warn" role="alert" data-testid="app-notice">
          <span>{n.message}</span>
          <span className="spacer" />
          <button type="button" className="btn btn-sm" onClick={() => void dismiss(n.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  )
}
