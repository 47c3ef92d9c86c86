// First run: no profiles of the user's own and no choice made yet. Three ways in: the demo, a profile, an import.
import { useState } from 'react'
import { ErrorText } from '../../components/ErrorText'
import { useAction } from '../../lib/use-action'
import { useNodesStore } from '../../stores/nodes.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { useSettingsStore } from '../../stores/settings.store'
import { useUiStore } from '../../stores/ui.store'
import { ProfileForm } from '../profiles/ProfileForm'
import { ImportFlow } from './ImportFlow'
import './first-run.css'

type Step = 'choose' | 'add' | 'import'

export function FirstRun({ demoAvailable }: { demoAvailable: boolean }) {
  const [step, setStep] = useState<Step>('choose')
  const { error, run } = useAction()
  const finish = useUiStore((s) => s.finishFirstRun)
  const setView = useUiStore((s) => s.setView)

  const done = async () => {
    await Promise.all([useProfilesStore.getState().load(), useNodesStore.getState().load()])
    setView('nodes')
    finish()
  }

  const exploreDemo = () =>
    run(async () => {
      const settings = useSettingsStore.getState()
      if (settings.settings?.hideDemo) await settings.update({ hideDemo: false })
      await done()
    })

  return (
    <div className="first-run" data-testid="first-run">
      <h1>Welcome to Nodetray</h1>
      <p className="muted">See and control your E2E Networks nodes from the tray. How would you like to start?</p>
      {step === 'choose' && (
        <div className="choice-grid">
          {demoAvailable && (
            <button type="button" className="card choice" onClick={() => void exploreDemo()}>
              <strong>Explore the demo</strong>
              <span className="muted">A simulated account with a few nodes. Nothing real is touched.</span>
            </button>
          )}
          <button type="button" className="card choice" onClick={() => setStep('add')}>
            <strong>Add a profile</strong>
            <span className="muted">Use your MyAccount API key and auth token.</span>
          </button>
          <button type="button" className="card choice" onClick={() => setStep('import')}>
            <strong>Import</strong>
            <span className="muted">From a MyAccount token file or e2ectl profiles.</span>
          </button>
        </div>
      )}
      {error && <ErrorText error={error} onRetry={() => void exploreDemo()} />}
      {step === 'add' && (
        <section className="card" aria-labelledby="fr-add">
          <h2 id="fr-add">Add a profile</h2>
          <ProfileForm onSaved={() => void done()} onCancel={() => setStep('choose')} />
        </section>
      )}
      {step === 'import' && (
        <section className="card" aria-labelledby="fr-import">
          <h2 id="fr-import">Import profiles</h2>
          <ImportFlow onImported={() => void done()} onCancel={() => setStep('choose')} />
        </section>
      )}
    </div>
  )
}
