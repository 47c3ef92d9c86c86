// Step 1: where and what. The location is a real choice between this project's profiles in Delhi and Chennai
// (credentials are per profile); once an OS is chosen each location says what it offers for it. Then the OS.
import { MapPin } from 'lucide-react'
import type { OsFamily, OsVersion, Plan } from '../../../../shared/domain/catalog'
import { LOCATIONS } from '../../../../shared/domain/location'
import type { ProfileView } from '../../../../shared/domain/profile'
import type { FetchState } from '../../lib/use-fetch'
import { FetchStatus } from './FetchStatus'
import { OsStep } from './OsStep'
import type { PlansByProfile } from './use-wizard-data'
import { perHour } from './wizard-money'

interface Props {
  profile: FetchState<ProfileView | null>
  onRetryProfile(): void
  locations: ProfileView[]
  plansByProfile: PlansByProfile
  nodeCounts: Record<string, number>
  os: OsVersion | null
  onLocation(profileId: string): void
  families: FetchState<OsFamily[]>
  onRetryFamilies(): void
  onOs(os: OsVersion): void
}

export function SetupStep(props: Props) {
  const { profile } = props
  if (profile.status !== 'ready')
    return <FetchStatus state={profile} what="the profile" onRetry={props.onRetryProfile} />
  const p = profile.data
  if (!p) {
    return (
      <div className="banner banner-error" role="alert">
        This profile no longer exists. Close the wizard and pick another profile.
      </div>
    )
  }
  return (
    <div className="cw-setup">
      <fieldset className="cw-locations">
        <legend className="cw-subhead">
          Location <span className="muted cw-small">· project {p.projectId}</span>
        </legend>
        <div className="cw-location-grid">
          {LOCATIONS.map((loc) => {
            const here = props.locations.find((x) => x.location === loc) ?? null
            return (
              <LocationCard
                key={loc}
                location={loc}
                profile={here}
                checked={here?.id === p.id}
                plans={here ? props.plansByProfile[here.id] : undefined}
                nodes={here ? (props.nodeCounts[here.id] ?? null) : null}
                osChosen={props.os !== null}
                onPick={props.onLocation}
              />
            )
          })}
        </div>
      </fieldset>
      <h4 className="cw-subhead">Operating system</h4>
      <OsStep families={props.families} onRetry={props.onRetryFamilies} selected={props.os} onSelect={props.onOs} />
    </div>
  )
}

interface CardProps {
  location: string
  profile: ProfileView | null
  checked: boolean
  /** undefined: not asked (no OS yet); null: could not be read. */
  plans: Plan[] | null | undefined
  nodes: number | null
  osChosen: boolean
  onPick(profileId: string): void
}

function LocationCard({ location, profile, checked, plans, nodes, osChosen, onPick }: CardProps) {
  const id = `cw-loc-${location}`
  const descId = `${id}-desc`
  // A profile without its key and token (or a locked keychain) cannot create: shown, not chosen.
  const usable = profile !== null && (checked || profile.credentials.hasCredentials)
  const cls = `cw-location card${checked ? ' cw-location-on' : ''}${usable ? '' : ' cw-location-off'}`
  return (
    <label htmlFor={id} className={cls} data-testid="cw-location-card">
      <span className="cw-location-top">
        <input
          id={id}
          type="radio"
          name="cw-location"
          checked={checked}
          disabled={!usable}
          aria-labelledby={`${id}-name`}
          aria-describedby={descId}
          onChange={() => profile && usable && onPick(profile.id)}
        />
        <MapPin size={16} aria-hidden="true" />
        <strong id={`${id}-name`} data-testid={checked ? 'cw-location' : undefined}>
          {location}
        </strong>
      </span>
      <span id={descId} className="cw-location-desc small">
        {!profile ? (
          <span className="muted">No profile for {location} in this project. Add one in Profiles to create here.</span>
        ) : !usable ? (
          <span className="muted">
            Profile {profile.name} has no API key and token here. Add them in Profiles to create in {location}.
          </span>
        ) : (
          <>
            <span className="muted">
              Profile {profile.name}
              {nodes !== null ? ` · ${nodes} ${nodes === 1 ? 'node' : 'nodes'}` : ''}
            </span>
            <span>{offerText(plans, osChosen)}</span>
          </>
        )}
      </span>
    </label>
  )
}

function offerText(plans: Plan[] | null | undefined, osChosen: boolean): string {
  if (!osChosen) return 'Choose an OS to compare what each location offers.'
  if (plans === undefined) return 'Reading plans…'
  if (plans === null) return 'Could not read its plans.'
  const open = plans.filter((p) => p.available)
  if (open.length === 0) return 'No plans available for this OS.'
  const cheapest = Math.min(...open.map((p) => p.pricePerHour))
  const gpus = open.filter((p) => p.isGpu).length
  return `${open.length} plans from ${perHour(cheapest)}${gpus > 0 ? `, ${gpus} with GPU` : ', no GPU plans'}`
}
