// Step 1: where and what. Opened for one profile, the location is a real choice between this project's profiles
// in Delhi and Chennai (credentials are per profile). Opened from "All profiles", every profile is a choice,
// grouped by project (the demo sandbox marked as such). A profile that cannot create (credentials missing,
// rejected or expired, keychain locked, offline) is shown with its reason and cannot be chosen. Once an OS is
// chosen each place says what it offers for it. Then the OS, read from the chosen profile.
import { MapPin } from 'lucide-react'
import type { OsFamily, OsVersion, Plan } from '../../../../shared/domain/catalog'
import { LOCATIONS } from '../../../../shared/domain/location'
import type { ProfileView } from '../../../../shared/domain/profile'
import { Avatar } from '../../components/Avatar'
import { DemoBadge } from '../../components/ui/Badge'
import type { FetchState } from '../../lib/use-fetch'
import { FetchStatus } from './FetchStatus'
import { OsStep } from './OsStep'
import { groupByProject } from './profile-choice'
import type { PlansByProfile } from './use-wizard-data'
import { perHour } from './wizard-money'

interface Props {
  /** Opened from "All profiles": every profile is offered, and none may be chosen yet. */
  everywhere: boolean
  profile: FetchState<ProfileView | null>
  onRetryProfile(): void
  /** The places offered: this project's profiles, or every profile when `everywhere`. */
  locations: ProfileView[]
  /** Why a profile cannot create now, or null. */
  blockOf(p: ProfileView): string | null
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
    return (
      <FetchStatus
        state={profile}
        what={props.everywhere ? 'your profiles' : 'the profile'}
        onRetry={props.onRetryProfile}
      />
    )
  const p = profile.data
  if (!p && !props.everywhere) {
    return (
      <div className="banner banner-error" role="alert">
        This profile no longer exists. Close the wizard and pick another profile.
      </div>
    )
  }
  return (
    <div className="cw-setup">
      {props.everywhere ? <ProfileChoice {...props} chosen={p} /> : p && <LocationChoice {...props} chosen={p} />}
      <h4 className="cw-subhead">Operating system</h4>
      {p ? (
        <OsStep families={props.families} onRetry={props.onRetryFamilies} selected={props.os} onSelect={props.onOs} />
      ) : (
        <p className="muted cw-os-wait" data-testid="cw-os-wait">
          Choose where the node goes, then its operating system.
        </p>
      )}
    </div>
  )
}

type ChoiceProps = Props & { chosen: ProfileView | null }

/** This project's profiles, one card per location (a missing one says how to add it). */
function LocationChoice(props: ChoiceProps & { chosen: ProfileView }) {
  const p = props.chosen
  return (
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
              id={`cw-loc-${loc}`}
              testId="cw-location-card"
              location={loc}
              profile={here}
              checked={here?.id === p.id}
              blocked={here ? props.blockOf(here) : null}
              plans={here ? props.plansByProfile[here.id] : undefined}
              nodes={here ? (props.nodeCounts[here.id] ?? null) : null}
              osChosen={props.os !== null}
              onPick={props.onLocation}
            />
          )
        })}
      </div>
    </fieldset>
  )
}

/** Every profile, grouped by project: the user's projects first, the demo sandbox last. */
function ProfileChoice(props: ChoiceProps) {
  const groups = groupByProject(props.locations)
  const usable = props.locations.filter((x) => props.blockOf(x) === null).length
  if (props.locations.length === 0) {
    return (
      <div className="banner banner-warn" role="status">
        There is no profile to create in. Add one in Profiles first.
      </div>
    )
  }
  return (
    <fieldset className="cw-locations cw-where" data-testid="cw-where">
      <legend className="cw-subhead">
        Where the node goes{' '}
        <span className="muted cw-small">
          ·{' '}
          {usable === 0
            ? 'no profile can create right now'
            : usable === props.locations.length
              ? `${usable} ${usable === 1 ? 'profile' : 'profiles'}`
              : `${usable} of ${props.locations.length} profiles can create`}
        </span>
      </legend>
      {groups.map((g, gi) => {
        const headId = `cw-project-${gi}`
        return (
          // A group, not a section: a named section is a region landmark, one per project on the page's list.
          <div key={g.key} role="group" className="cw-project" aria-labelledby={headId} data-testid="cw-project">
            <div className="cw-project-head" id={headId}>
              <strong className="cw-project-name">{g.title}</strong>
              <span className="muted cw-small">project {g.projectId}</span>
              {g.isDemo && <DemoBadge />}
            </div>
            <div className="cw-location-grid">
              {g.profiles.map((x, i) => (
                <LocationCard
                  key={x.id}
                  id={`cw-prof-${gi}-${i}`}
                  testId="cw-profile-card"
                  location={x.location}
                  label={`${g.title}${g.isDemo ? ' (demo sandbox)' : ''}, ${x.location}`}
                  profile={x}
                  showAvatar
                  checked={x.id === props.chosen?.id}
                  blocked={props.blockOf(x)}
                  plans={props.plansByProfile[x.id]}
                  nodes={props.nodeCounts[x.id] ?? null}
                  osChosen={props.os !== null}
                  onPick={props.onLocation}
                />
              ))}
            </div>
          </div>
        )
      })}
    </fieldset>
  )
}

interface CardProps {
  id: string
  testId: string
  location: string
  /** The radio's accessible name; the location alone when there is one project. */
  label?: string
  profile: ProfileView | null
  showAvatar?: boolean
  checked: boolean
  /** Why this profile cannot create now, or null. */
  blocked: string | null
  /** undefined: not asked (no OS yet); null: could not be read. */
  plans: Plan[] | null | undefined
  nodes: number | null
  osChosen: boolean
  onPick(profileId: string): void
}

function LocationCard(props: CardProps) {
  const { id, location, profile, checked, blocked, plans, nodes, osChosen, onPick } = props
  const descId = `${id}-desc`
  // A profile that cannot create is shown with its reason, not chosen (the one already chosen stays checked).
  const usable = profile !== null && blocked === null
  const cls = `cw-location card${checked ? ' cw-location-on' : ''}${usable ? '' : ' cw-location-off'}`
  return (
    <label
      htmlFor={id}
      className={cls}
      data-testid={props.testId}
      data-profile-id={profile?.id}
      title={blocked ?? undefined}
    >
      <span className="cw-location-top">
        <input
          id={id}
          type="radio"
          name="cw-location"
          checked={checked}
          disabled={!usable && !checked}
          aria-label={props.label}
          aria-labelledby={props.label ? undefined : `${id}-name`}
          aria-describedby={descId}
          onChange={() => profile && usable && onPick(profile.id)}
        />
        <MapPin size={16} aria-hidden="true" />
        <strong id={`${id}-name`} data-testid={checked ? 'cw-location' : undefined}>
          {location}
        </strong>
        {props.showAvatar && profile && <Avatar profile={profile} size={18} />}
      </span>
      <span id={descId} className="cw-location-desc small">
        {!profile ? (
          <span className="muted">No profile for {location} in this project. Add one in Profiles to create here.</span>
        ) : (
          <>
            <span className="muted cw-location-profile">
              {props.showAvatar ? '' : 'Profile '}
              {profile.name}
              {nodes !== null ? ` · ${nodes} ${nodes === 1 ? 'node' : 'nodes'}` : ''}
            </span>
            {blocked ? (
              <span className="cw-location-why" data-testid="cw-location-why">
                {blocked}
              </span>
            ) : (
              // Among every profile the hint to choose an OS first is noise: the comparison comes once there is one.
              (osChosen || !props.showAvatar) && <span>{offerText(plans, osChosen)}</span>
            )}
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
