// Creates whose outcome the list cannot show yet: one sent and not answered, one whose reply was lost and that
// Nodetray is checking (no node row exists until E2E lists it), and one E2E did not make. The wizard says the same
// while it is open; this is where the user is sent when they close it ("Close and check the node list").
import { useState } from 'react'
import { X } from 'lucide-react'
import { notCreatedText, openCreateText, type ProfileNodes } from '../../../../shared/domain/node-state'
import type { ProfileView } from '../../../../shared/domain/profile'
import { Banner } from '../../components/Banner'
import { Button, IconButton } from '../../components/ui/Button'
import { useNow } from '../../lib/use-now'
import { useUiStore } from '../../stores/ui.store'

const CHECKING_WHY =
  'E2E did not confirm the request, so Nodetray waits for E2E’s node list before it allows another try: a second node is never made.'

export function CreateBanners({ states, profiles }: { states: ProfileNodes[]; profiles: Record<string, ProfileView> }) {
  const now = useNow(1000)
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set())
  const banners = states.flatMap((s) =>
    (s.creates ?? [])
      .filter((c) => c.state !== 'created' && !dismissed.has(c.requestId))
      .map((c) => ({ c, profile: profiles[s.profileId]?.name ?? s.profileId }))
  )
  if (banners.length === 0) return null
  return (
    <div className="stack" data-testid="create-banners">
      {banners.map(({ c, profile }) => {
        const open = openCreateText(c, now)
        if (open !== null)
          return (
            <Banner key={c.requestId} kind={c.state === 'checking' ? 'warn' : 'info'} testId="create-banner">
              <strong>{open}</strong> <span className="muted">({profile})</span>
              {c.state === 'checking' && <div className="muted">{CHECKING_WHY}</div>}
            </Banner>
          )
        return (
          <Banner
            key={c.requestId}
            kind="error"
            testId="create-banner"
            announce
            actions={
              <>
                <Button size="sm" onClick={() => useUiStore.getState().navigate({ view: 'create' })}>
                  Create again
                </Button>
                <IconButton
                  icon={X}
                  size="sm"
                  label="Dismiss"
                  onClick={() => setDismissed((d) => new Set(d).add(c.requestId))}
                />
              </>
            }
          >
            <strong>{notCreatedText(c.names)}</strong> <span className="muted">({profile})</span>
            <div className="muted">Its node list shows no such node after the wait, so nothing is billed for it.</div>
          </Banner>
        )
      })}
    </div>
  )
}
