// The create wizard's draft, held in main's memory so it survives the window closing (the app lives on in the
// tray, and the preview's reload) without ever reaching the disk: a start script may hold secrets. One slot: the
// wizard offers "Resume your draft" whichever profile it opens for. Never logged.
import type { WizardDraftData, WizardDraftSaved } from '../../../shared/ipc/contract'

export interface WizardDrafts {
  get(): WizardDraftSaved | null
  /** null forgets the draft. */
  save(draft: WizardDraftData | null): { saved: boolean }
}

/** A draft nobody came back to in a day is dropped: an old plan and price should not be offered as if current. */
export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000

export function createWizardDrafts(now: () => number = Date.now): WizardDrafts {
  let slot: { draft: WizardDraftData; savedAt: number } | null = null
  return {
    get() {
      if (slot && now() - slot.savedAt > DRAFT_TTL_MS) slot = null
      return slot ? { draft: slot.draft, savedAt: new Date(slot.savedAt).toISOString() } : null
    },
    save(draft) {
      // The registry parsed it with zod already; keep our own copy so nothing outside can change it later.
      slot = draft ? { draft: structuredClone(draft), savedAt: now() } : null
      return { saved: draft !== null }
    }
  }
}
