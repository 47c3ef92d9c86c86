// Asked when Cancel or Esc would throw away choices: keep editing (the default, and Esc), keep the draft for
// later, or discard it. Keep editing gives focus back to where the user was (Cancel, or the field Esc was pressed in).
import { Archive, Pencil, Trash2 } from 'lucide-react'
import { Button } from '../../components/ui/Button'
import { WizardConfirm } from './WizardConfirm'

interface Props {
  summary: string
  /** The draft is too large to keep: only editing or discarding. */
  canKeep: boolean
  onKeepEditing(): void
  onKeepDraft(): void
  onDiscard(): void
}

export function DiscardDialog({ summary, canKeep, onKeepEditing, onKeepDraft, onDiscard }: Props) {
  return (
    <WizardConfirm
      title="Discard this draft?"
      testId="cw-discard"
      description={
        <>
          <span className="mono">{summary}</span> is not created yet.{' '}
          {canKeep
            ? 'Keep it as a draft to finish later: Nodetray holds it until you create, discard it or quit (never on disk).'
            : 'It is too large to keep as a draft (the start script is over 32,768 characters).'}
        </>
      }
    >
      <Button icon={Pencil} onClick={onKeepEditing} data-autofocus>
        Keep editing
      </Button>
      <span className="spacer" />
      <Button icon={Trash2} variant="danger" onClick={onDiscard}>
        Discard
      </Button>
      <Button
        icon={Archive}
        variant="primary"
        onClick={onKeepDraft}
        disabledReason={canKeep ? null : 'The start script is too long to keep as a draft'}
      >
        Keep as draft
      </Button>
    </WizardConfirm>
  )
}
