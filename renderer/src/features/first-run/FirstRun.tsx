// First run: nothing set up yet. Three ways in: add an E2E project, import a token file, or explore the demo
// sandbox. The demo is opt-in: main shows it only once it is picked here (or in Settings), and it hides itself
// again once the user has a profile of their own.
import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react'
import { ArrowLeft, FileDown, FlaskConical, KeyRound, type LucideIcon } from 'lucide-react'
import { ErrorText } from '../../components/ErrorText'
import { Button } from '../../components/ui/Button'
import { DemoBadge } from '../../components/ui/Badge'
import { useAction } from '../../lib/use-action'
import { useAppStore } from '../../stores/app.store'
import { useNodesStore } from '../../stores/nodes.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { useSettingsStore } from '../../stores/settings.store'
import { useUiStore } from '../../stores/ui.store'
import { ProfileForm } from '../profiles/ProfileForm'
import { focusOnArrival, takeArrivalFocus } from '../../lib/focus-on-arrival'
import { ImportFlow } from './ImportFlow'
import './first-run.css'

type Step = 'choose' | 'add' | 'import'

interface ChoiceProps {
  icon: LucideIcon
  title: string
  body: string
  badge?: ReactNode
  primary?: boolean
  busy?: boolean
  testId: string
  onClick(): void
  ref?: Ref<HTMLButtonElement>
}

function Choice({ icon: Icon, title, body, badge, primary, busy, testId, onClick, ref }: ChoiceProps) {
  return (
    <button
      ref={ref}
      type="button"
      className={`card fr-choice${primary ? ' fr-choice-primary' : ''}`}
      onClick={onClick}
      aria-busy={busy || undefined}
      data-testid={testId}
    >
      <span className="fr-choice-icon" aria-hidden="true">
        <Icon size={20} strokeWidth={2} />
      </span>
      <span className="fr-choice-text">
        <span className="fr-choice-title">
          <strong>{busy ? `${title}…` : title}</strong>
          {badge}
        </span>
        <span className="muted">{body}</span>
      </span>
    </button>
  )
}

export function FirstRun({ demoAvailable }: { demoAvailable: boolean }) {
  const [step, setStep] = useState<Step>('choose')
  const { busy, error, run } = useAction()
  const finish = useUiStore((s) => s.finishFirstRun)
  const setView = useUiStore((s) => s.setView)
  const heading = useRef<HTMLHeadingElement>(null)
  const panelHeading = useRef<HTMLHeadingElement>(null)
  const choices = useRef<Partial<Record<Step, HTMLButtonElement | null>>>({})
  const shownStep = useRef<Step>(step)

  // Arrived because the screen that had focus went away (the only profile deleted): focus would be on <body>.
  useEffect(() => {
    if (takeArrivalFocus('first-run')) heading.current?.focus()
  }, [])

  // Each step replaces the control that opened it: the panel's heading takes focus, and back on the choices the
  // choice that opened the panel does.
  useEffect(() => {
    const from = shownStep.current
    shownStep.current = step
    if (from === step) return
    if (step === 'choose') choices.current[from]?.focus()
    else panelHeading.current?.focus()
  }, [step])

  const done = async () => {
    await Promise.all([
      useProfilesStore.getState().load(),
      useNodesStore.getState().load(),
      useAppStore.getState().load()
    ])
    // This screen and the control that finished it go: the node list that replaces it takes focus.
    focusOnArrival('nodes')
    setView('nodes')
    finish()
  }

  const exploreDemo = () =>
    run(async () => {
      const settings = useSettingsStore.getState()
      if (!settings.settings?.showDemo) await settings.update({ showDemo: true })
      await done()
    })

  return (
    <div className="first-run" data-testid="first-run">
      <header className="fr-head">
        <h1 ref={heading} tabIndex={-1}>
          Welcome to Nodetray
        </h1>
        <p className="muted">
          See and control your E2E Networks nodes from the tray.{' '}
          {step === 'choose' ? 'How would you like to start?' : ''}
        </p>
      </header>
      {step === 'choose' && (
        <>
          <div className="fr-choices" role="group" aria-label="Ways to start">
            <Choice
              icon={KeyRound}
              title="Add your E2E project"
              body="Use the API key and auth token from MyAccount → API & IAM. Nodetray checks them with E2E before saving."
              primary
              testId="fr-add"
              ref={(el) => {
                choices.current.add = el
              }}
              onClick={() => setStep('add')}
            />
            <Choice
              icon={FileDown}
              title="Import a token file"
              body="MyAccount’s “Download Tokens” file or e2ectl’s profiles. Each token is checked before anything is saved."
              testId="fr-import"
              ref={(el) => {
                choices.current.import = el
              }}
              onClick={() => setStep('import')}
            />
          </div>
          {demoAvailable && (
            <Choice
              icon={FlaskConical}
              title="Explore the demo"
              body="Just looking? Try every feature on simulated nodes, no account needed. Nothing you do there is real, and it hides itself once you add your own project."
              badge={<DemoBadge />}
              busy={busy}
              testId="fr-demo"
              onClick={() => void exploreDemo()}
            />
          )}
          {error && <ErrorText error={error} onRetry={() => void exploreDemo()} />}
          <p className="muted small fr-foot">
            Your API key and auth token go only to E2E Networks and are kept in the system keychain, never on disk.
          </p>
        </>
      )}
      {step === 'add' && (
        <section className="card fr-panel" aria-labelledby="fr-add-title">
          <div className="fr-panel-head">
            <Button variant="ghost" size="sm" icon={ArrowLeft} onClick={() => setStep('choose')}>
              Back
            </Button>
            <h2 id="fr-add-title" ref={panelHeading} tabIndex={-1}>
              Add your E2E project
            </h2>
          </div>
          <ProfileForm onSaved={() => void done()} onCancel={() => setStep('choose')} />
        </section>
      )}
      {step === 'import' && (
        <section className="card fr-panel" aria-labelledby="fr-import-title">
          <div className="fr-panel-head">
            <Button variant="ghost" size="sm" icon={ArrowLeft} onClick={() => setStep('choose')}>
              Back
            </Button>
            <h2 id="fr-import-title" ref={panelHeading} tabIndex={-1}>
              Import a token file
            </h2>
          </div>
          <ImportFlow onImported={() => void done()} onCancel={() => setStep('choose')} />
        </section>
      )}
    </div>
  )
}
