// Where the user is. Finished steps are buttons until the create call starts; after that the path is fixed.
import { Check } from 'lucide-react'
import { STEPS, STEP_TITLES, type StepId } from './wizard.types'

const SHOWN: StepId[] = ['setup', 'plan', 'options', 'review', 'create']
const LABEL: Partial<Record<StepId, string>> = { setup: 'Location and OS', review: 'Review', create: 'Create' }

export function Stepper({ current, locked, onGo }: { current: StepId; locked: boolean; onGo(step: StepId): void }) {
  const at = STEPS.indexOf(current === 'follow' ? 'create' : current)
  return (
    <nav aria-label="Wizard steps" className="cw-stepper-nav">
      <ol className="cw-stepper">
        {SHOWN.map((step, i) => {
          const label = LABEL[step] ?? STEP_TITLES[step]
          const state = i < at || current === 'follow' ? 'done' : i === at ? 'current' : 'todo'
          return (
            <li
              key={step}
              className={`cw-step cw-step-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="cw-step-num" aria-hidden="true">
                {state === 'done' ? <Check size={12} strokeWidth={3} /> : i + 1}
              </span>
              {state === 'done' && !locked ? (
                <button type="button" className="cw-step-link" onClick={() => onGo(step)}>
                  {label}
                  <span className="sr-only"> (done, go back)</span>
                </button>
              ) : (
                <span className="cw-step-label">{label}</span>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
