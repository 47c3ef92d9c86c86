// Shown when the wizard opens and main holds an unfinished draft: resume it or start fresh.
import { useEffect, useRef } from 'react'
import { FilePlus2, History } from 'lucide-react'
import type { WizardDraftSaved } from '../../../../shared/ipc/contract'
import { formatAge } from '../../lib/format'
import { Button } from '../../components/ui/Button'
import { describeDraft, type DraftStep } from './wizard-draft'

const STEP_NAMES: Record<DraftStep, string> = {
  setup: 'Location and OS',
  plan: 'Plan',
  options: 'Options',
  review: 'Review'
}

interface Props {
  saved: WizardDraftSaved
  /** The draft's profile, or null when it no longer exists. */
  profileLabel: string | null
  onResume(): void
  onFresh(): void
}

export function ResumeOffer({ saved, profileLabel, onResume, onFresh }: Props) {
  const resume = useRef<HTMLButtonElement>(null)
  useEffect(() => resume.current?.focus(), [])
  const gone = profileLabel === null
  return (
    <div role="group" className="cw-resume card" aria-label="Unfinished draft" data-testid="cw-resume">
      <History size={28} aria-hidden="true" className="cw-resume-icon" />
      <div className="stack">
        <p className="cw-resume-what mono" data-testid="cw-resume-what">
          {describeDraft(saved.draft)}
        </p>
        <p className="muted small">
          {gone
            ? 'Its profile no longer exists.'
            : `${profileLabel} · stopped at ${STEP_NAMES[saved.draft.step]} · saved ${formatAge(saved.savedAt)}`}
        </p>
        <div className="row">
          <Button
            ref={resume}
            icon={History}
            variant="primary"
            onClick={onResume}
            disabledReason={gone ? 'The profile this draft was for no longer exists' : null}
          >
            Resume draft
          </Button>
          <Button icon={FilePlus2} onClick={onFresh}>
            Start fresh
          </Button>
        </div>
        <p className="muted small">Start fresh discards the draft.</p>
      </div>
    </div>
  )
}
