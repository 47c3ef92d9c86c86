// What the wizard reads from main for the profile it creates in: the profiles (for the location choice), the OS
// list, create options, the names taken in each profile, and the plans for the chosen OS in every location of the
// project (so the location choice can say what differs).
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

export function useWizardData(profileId: string, os: OsVersion | null) {
  const profiles = useFetch('profiles', () => call((api) => api.profiles.list({})))
  const list = profiles.status === 'ready' ? profiles.data : (profiles.latest ?? [])
  const profile = list.find((p) => p.id === profileId) ?? null
  const locations = profile ? list.filter((p) => sameProject(p, profile)) : []

  const families = useFetch(`os:${profileId}`, () => call((api) => api.catalog.os({ profileId })))
  const options = useFetch(`options:${profileId}`, () => call((api) => api.catalog.createOptions({ profileId })))
  const names = useFetch('names', () =>
    call((api) => api.nodes.snapshot({})).then((all) => {
      const byProfile: Record<string, ReadonlySet<string>> = {}
      for (const p of all) byProfile[p.profileId] = new Set(p.nodes.map((n) => n.name))
      return byProfile
    })
  )
  const plans = useFetch(os ? `plans:${profileId}:${osKey(os)}` : null, () =>
    os ? plansFor(profileId, os) : Promise.resolve<Plan[]>([])
  )
  // The other location's plans for the same OS; a failure there only hides the comparison.
  const others = locations.filter((p) => p.id !== profileId)
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
    ...(plans.status === 'ready' ? { [profileId]: plans.data } : {})
  }
  const profileFetch =
    profiles.status === 'ready'
      ? ({ status: 'ready', data: profile } as const)
      : profiles.status === 'error'
        ? ({ status: 'error', error: profiles.error } as const)
        : ({ status: 'loading' } as const)

  return { profiles, profile, profileFetch, locations, families, options, names, plans, plansByProfile }
}
