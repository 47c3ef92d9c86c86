// Which screen is open, which profile the list shows, which node the detail panel shows.
import { create } from 'zustand'
import type { Navigation } from '../../../shared/ipc/contract'

export type View = 'nodes' | 'profiles' | 'settings'
export const ALL_PROFILES = 'all'

export interface SelectedNode {
  profileId: string
  nodeId: number
}

interface UiState {
  view: View
  /** A profile id or ALL_PROFILES. */
  listProfile: string
  selected: SelectedNode | null
  /** Set when the user picked a first-run choice; the first-run screen stays away afterwards. */
  firstRunDone: boolean
  /** The tray asked for the create wizard; the node list shows it until it closes. */
  createRequested: boolean
  closeCreateRequest(): void
  setView(view: View): void
  setListProfile(id: string): void
  select(node: SelectedNode | null): void
  navigate(nav: Navigation): void
  finishFirstRun(): void
}

const FIRST_RUN_KEY = 'nodetray.firstRunDone'

function readFirstRunDone(): boolean {
  try {
    return globalThis.localStorage?.getItem(FIRST_RUN_KEY) === '1'
  } catch {
    return false
  }
}

export const useUiStore = create<UiState>()((set) => ({
  view: 'nodes',
  listProfile: ALL_PROFILES,
  selected: null,
  firstRunDone: readFirstRunDone(),
  createRequested: false,
  closeCreateRequest: () => set({ createRequested: false }),
  setView: (view) => set({ view }),
  setListProfile: (listProfile) => set({ listProfile }),
  select: (selected) => set({ selected }),
  navigate(nav) {
    if (nav.view === 'settings') set({ view: 'settings' })
    else if (nav.view === 'list') set({ view: 'nodes', listProfile: nav.profileId ?? ALL_PROFILES, selected: null })
    else if (nav.view === 'create') set({ view: 'nodes', createRequested: true })
    else
      set((s) => ({
        view: 'nodes',
        selected: { profileId: nav.profileId, nodeId: nav.nodeId },
        listProfile: s.listProfile === ALL_PROFILES ? ALL_PROFILES : nav.profileId
      }))
  },
  finishFirstRun() {
    try {
      globalThis.localStorage?.setItem(FIRST_RUN_KEY, '1')
    } catch {
      /* storage unavailable: the choice lasts for this session */
    }
    set({ firstRunDone: true })
  }
}))
