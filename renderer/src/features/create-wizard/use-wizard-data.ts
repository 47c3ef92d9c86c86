// What the wizard reads from main for the profile it creates in: the profiles (for the location choice), the OS
// list, create options, the names taken in each profile, and the plans for the chosen OS in every location of the
// project (so the location choice can say what differs). Opened from "All profiles" (`everywhere`), every profile
// is a choice and compared, and nothing profile-bound is read until one is chosen (`profileId` null).
import type { OsVersion, Plan } from '../../../../shared/domain/catalog'
import type { ProfileView } from '../../../../shared/domain/profile'
import { call } from '../../lib/ipc'
import { useFetch } from '../../lib/use-fetch'

/** The same project (same account and API) in the other location. */
export const sameProject = (a: ProfileView, b: ProfileView): boolean =>
  a.projectId === b.projectId && a.apiBaseUrl === b.apiBaseUrl && a.isDemo === b.isDemo

export type PlansByProfile = Record<string, Plan[] | null>

const osKey = (os: OsVersion | null): string =>
  os ? `${os.os}:${os.version}:${os.subCategory}:${os.displayCategory}` : ''

const plansFor = (profileId: string, os: OsVersion) =>
  call((api) =>
    api.catalog.plans({
      profileId,
      os: os.os,
      version: os.version,
      subCategory: os.subCategory,
      displayCategory: os.displayCategory
    })
  )

export interface WizardScope {
  /** Opened from "All profiles": every profile is a place the node may go. */
  everywhere: boolean
  /** Whether a profile can be asked for its plans (it can create); others are not compared. */
  canAsk(p: ProfileView): boolean
}

const ONE_PROJECT: WizardScope = { everywhere: false, canAsk: () => true }

export function useWizardData(profileId: string | null, os: OsVersion | null, scope: WizardScope = ONE_PROJECT) {
  const profiles = useFetch('profiles', () => call((api) => api.profiles.list({})))
  const list = profiles.status === 'ready' ? profiles.data : (profiles.latest ?? [])
  const profile = list.find((p) => p.id === profileId) ?? null
  const locations = scope.everywhere ? list : profile ? list.filter((p) => sameProject(p, profile)) : []

  const id = profileId
  const families = useFetch(id && `os:${id}`, () => call((api) => api.catalog.os({ profileId: id ?? '' })))
  const options = useFetch(id && `options:${id}`, () =>
    call((api) => api.catalog.createOptions({ profileId: id ?? '' }))
  )
  const names = useFetch('names', () =>
    call((api) => api.nodes.snapshot({})).then((all) => {
      const byProfile: Record<string, ReadonlySet<string>> = {}
      for (const p of all) byProfile[p.profileId] = new Set(p.nodes.map((n) => n.name))
      return byProfile
    })
  )
  const plans = useFetch(os && id ? `plans:${id}:${osKey(os)}` : null, () =>
    os && id ? plansFor(id, os) : Promise.resolve<Plan[]>([])
  )
  // The other locations' plans for the same OS; a failure there only hides the comparison.
  const others = locations.filter((p) => p.id !== id && scope.canAsk(p))
  const otherPlans = useFetch(
    os && others.length > 0 ? `other-plans:${others.map((p) => p.id).join(',')}:${osKey(os)}` : null,
    async () => {
      const out: PlansByProfile = {}
      await Promise.all(
        others.map(async (p) => {
          out[p.id] = os ? await plansFor(p.id, os).catch(() => null) : null
        })
      )
      return out
    }
  )
  const plansByProfile: PlansByProfile = {
    ...(otherPlans.status === 'ready' ? otherPlans.data : {}),
    ...(plans.status === 'ready' && id ? { [id]: plans.data } : {})
  }
  const profileFetch =
    profiles.status === 'ready'
      ? ({ status: 'ready', data: profile } as const)
      : profiles.status === 'error'
        ? ({ status: 'error', error: profiles.error } as const)
        : ({ status: 'loading' } as const)

  return { profiles, list, profile, profileFetch, locations, families, options, names, plans, plansByProfile }
}
