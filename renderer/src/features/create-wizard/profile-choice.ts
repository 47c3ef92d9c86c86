// Where the node goes when the wizard was opened from "All profiles": every profile, grouped by project (same
// account, API and demo-ness; see sameProject), the user's projects first and the demo sandbox last, each project's
// profiles in location order. Pure, for the tests.
import { LOCATIONS } from '../../../../shared/domain/location'
import type { ProfileView } from '../../../../shared/domain/profile'
import { sameProject } from './use-wizard-data'

export interface ProjectGroup {
  key: string
  /** The project as its profiles name it, e.g. "Acme prod" for "Acme prod (Delhi)" and "Acme prod Chennai". */
  title: string
  projectId: string
  isDemo: boolean
  profiles: ProfileView[]
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A profile's name without its location: "Web (Delhi)", "Web - Delhi" and "Web Delhi" are project "Web"; a location
 * that starts the name ("Chennai prod") is part of what the user called it. The demo's "Demo · " prefix goes too:
 * the group is marked as the demo sandbox.
 */
function withoutLocation(p: ProfileView): string {
  const loc = escape(p.location)
  const name = p.isDemo ? p.name.replace(/^Demo\s*·\s*/, '') : p.name
  return name
    .replace(new RegExp(`\\s*\\(\\s*${loc}\\s*\\)`, 'gi'), '')
    .replace(new RegExp(`(^|[\\s·,:–-]+)${loc}$`, 'i'), '')
    .trim()
}

export function projectTitle(profiles: ProfileView[]): string {
  const names = [...new Set(profiles.map(withoutLocation).filter((n) => n !== ''))]
  if (names.length === 0) return `Project ${profiles[0]?.projectId ?? ''}`.trim()
  return names.join(' / ')
}

export function groupByProject(profiles: ProfileView[]): ProjectGroup[] {
  const groups: ProfileView[][] = []
  for (const p of profiles) {
    const g = groups.find((x) => x[0] && sameProject(x[0], p))
    if (g) g.push(p)
    else groups.push([p])
  }
  const byLocation = (a: ProfileView, b: ProfileView) =>
    LOCATIONS.indexOf(a.location) - LOCATIONS.indexOf(b.location) || a.name.localeCompare(b.name)
  return groups
    .map((g) => {
      const first = g[0]!
      return {
        key: `${first.isDemo ? 'demo' : 'own'}:${first.apiBaseUrl}:${first.projectId}`,
        title: projectTitle(g),
        projectId: first.projectId,
        isDemo: first.isDemo,
        profiles: [...g].sort(byLocation)
      }
    })
    .sort((a, b) => Number(a.isDemo) - Number(b.isDemo))
}

/** The profile to start on: the only one that can create, or null when there is none or a real choice. */
export function soleUsable(profiles: ProfileView[], blockOf: (p: ProfileView) => string | null): string | null {
  const usable = profiles.filter((p) => blockOf(p) === null)
  return usable.length === 1 ? usable[0]!.id : null
}
