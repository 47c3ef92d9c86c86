// Step 1: where the node will live. A profile is one project in one location, so this is shown, not chosen.
import type { ProfileView } from '../../../../shared/domain/profile'
import { FetchStatus } from './FetchStatus'
import type { FetchState } from '../../lib/use-fetch'

export function LocationStep({ profile, onRetry }: { profile: FetchState<ProfileView | null>; onRetry(): void }) {
  if (profile.status !== 'ready') return <FetchStatus state={profile} what="the profile" onRetry={onRetry} />
  const p = profile.data
  if (!p) {
    return (
      <div className="banner banner-error" role="alert">
        This profile no longer exists. Close the wizard and pick another profile.
      </div>
    )
  }
  return (
    <div className="stack">
      <dl className="cw-facts card">
        <dt>Location</dt>
        <dd data-testid="cw-location">{p.location}</dd>
        <dt>Project</dt>
        <dd className="mono">{p.projectId}</dd>
        <dt>Profile</dt>
        <dd>{p.name}</dd>
      </dl>
      <p className="muted">
        Each profile is one project in one location. To create a node somewhere else, close this and switch to (or add)
        the profile for that project and location.
      </p>
    </div>
  )
}
