// App settings. Toggles save at once; the poll interval is checked as you type and saved with its button.
import { useRef, useState } from 'react'
import type { Settings } from '../../../../shared/domain/settings'
import { SettingsPatch } from '../../../../shared/ipc/schemas'
import { ErrorText } from '../../components/ErrorText'
import { Spinner } from '../../components/Spinner'
import type { AppError } from '../../lib/ipc'
import { useAction } from '../../lib/use-action'
import { useAppStore } from '../../stores/app.store'
import { useSettingsStore } from '../../stores/settings.store'
import { DemoBadge } from '../../components/ui/Badge'
import { Button } from '../../components/ui/Button'
import './settings.css'

type Toggle = Exclude<keyof Settings, 'steadyIntervalSec' | 'hideDemo'>
const TOGGLES: { key: Toggle; label: string; help: string }[] = [
  {
    key: 'notifications',
    label: 'Notifications',
    help: 'Tell me when a node finishes starting, stopping or being created.'
  },
  { key: 'launchAtLogin', label: 'Launch at login', help: 'Start Nodetray when you sign in.' },
  { key: 'startHidden', label: 'Start hidden', help: 'Start in the tray without opening this window.' },
  { key: 'quitOnClose', label: 'Quit when the window closes', help: 'Otherwise Nodetray keeps running in the tray.' },
  {
    key: 'glanceShortcut',
    label: 'Shortcut for the tray glance',
    help: 'Ctrl+Shift+Space (⌘⇧Space on a Mac) opens and closes the tray popover from any app.'
  }
]

const DEMO_TOGGLE: { key: Toggle; label: string; help: string } = {
  key: 'showDemo',
  label: 'Show the demo sandbox',
  help: 'Simulated profiles and nodes in the window and the tray, to try Nodetray without an account. Nothing done there is real. It hides itself when you add your first profile of your own.'
}

export function SettingsScreen() {
  const { settings, error, load, update } = useSettingsStore()
  const demoAvailable = useAppStore((s) => s.info?.demoAvailable ?? s.info?.demoMode ?? false)
  const { error: saveError, run } = useAction()
  const [saved, setSaved] = useState(false)

  if (!settings)
    return error ? <ErrorText error={error} onRetry={() => void load()} /> : <Spinner label="Loading settings…" />

  /** Saves a patch; a rejected poll interval comes back to the caller to show beside its field. */
  const save = async (patch: Partial<Settings>): Promise<AppError | null> => {
    setSaved(false)
    let fieldError: AppError | null = null
    const onField = (err: AppError) => {
      if (err.field !== 'steadyIntervalSec') return false
      fieldError = err
      return true
    }
    if (await run(() => update(patch), { onError: onField })) {
      setSaved(true)
      // The header and the first-run screen read "demo shown" from app:info.
      if (patch.showDemo !== undefined) void useAppStore.getState().load()
    }
    return fieldError
  }

  return (
    <div className="screen stack settings-screen">
      <h1>Settings</h1>
      <IntervalForm saved={settings.steadyIntervalSec} save={save} />
      <fieldset className="card stack">
        <legend>Behaviour</legend>
        {TOGGLES.map((t) => (
          <ToggleRow key={t.key} toggle={t} checked={settings[t.key]} save={save} />
        ))}
      </fieldset>
      {demoAvailable && (
        <fieldset className="card stack" data-testid="settings-demo">
          <legend className="settings-demo-legend">
            Demo sandbox <DemoBadge compact />
          </legend>
          <ToggleRow toggle={DEMO_TOGGLE} checked={settings.showDemo} save={save} />
        </fieldset>
      )}
      {saveError && <ErrorText error={saveError} />}
      <p role="status" className="muted small">
        {saved ? 'Saved.' : ''}
      </p>
    </div>
  )
}

function ToggleRow({
  toggle,
  checked,
  save
}: {
  toggle: { key: Toggle; label: string; help: string }
  checked: boolean
  save(patch: Partial<Settings>): Promise<AppError | null>
}) {
  return (
    <label className="check toggle-row">
      <input type="checkbox" checked={checked} onChange={(e) => void save({ [toggle.key]: e.target.checked })} />
      <span className="stack" style={{ gap: 0 }}>
        <span>{toggle.label}</span>
        <span className="help muted small">{toggle.help}</span>
      </span>
    </label>
  )
}

interface IntervalFormProps {
  saved: number
  save(patch: Partial<Settings>): Promise<AppError | null>
}

function IntervalForm({ saved, save }: IntervalFormProps) {
  const [intervalText, setIntervalText] = useState(String(saved))
  const [intervalError, setIntervalError] = useState<string | null>(null)
  const field = useRef<HTMLInputElement>(null)
  // A new saved interval (this form's, or fresh settings) restarts the field from it. The form stays mounted (it
  // used to be keyed on the value): a remount dropped the focus of whoever just pressed Save to <body>.
  const [shownSaved, setShownSaved] = useState(saved)
  if (saved !== shownSaved) {
    setShownSaved(saved)
    setIntervalText(String(saved))
    setIntervalError(null)
  }

  const checkInterval = (raw: string): number | null => {
    const n = Number(raw)
    const r = SettingsPatch.shape.steadyIntervalSec.safeParse(raw.trim() === '' ? Number.NaN : n)
    if (!r.success) {
      setIntervalError(
        Number.isInteger(n) ? (r.error.issues[0]?.message ?? 'Not a valid interval') : 'Enter whole seconds, e.g. 60'
      )
      return null
    }
    setIntervalError(null)
    return n
  }

  // A disabled button says why: in its tooltip, and in the description a screen reader reads with it. A wrong value
  // is described by the message under the field itself, so the words are not there twice.
  const unchanged = intervalError === null && Number(intervalText) === saved

  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault()
        const n = checkInterval(intervalText)
        const form = e.currentTarget
        if (n !== null && n !== saved)
          void save({ steadyIntervalSec: n }).then((err) => {
            if (err) setIntervalError(err.message)
            // Save turns disabled once saved (nothing left to save) and would drop its focus: the field takes it.
            const active = document.activeElement
            if (active === null || active === document.body || (active !== field.current && form.contains(active)))
              field.current?.focus()
          })
      }}
    >
      <div className="field">
        <label htmlFor="steady-interval">Poll interval when nothing is changing (seconds)</label>
        <div className="row">
          <input
            ref={field}
            id="steady-interval"
            inputMode="numeric"
            value={intervalText}
            aria-invalid={intervalError !== null}
            aria-describedby={intervalError ? 'steady-interval-help steady-interval-error' : 'steady-interval-help'}
            onChange={(e) => (setIntervalText(e.target.value), checkInterval(e.target.value))}
            style={{ width: 120 }}
          />
          <Button
            type="submit"
            size="sm"
            disabledReason={unchanged ? `Nothing to save: ${saved} seconds is the interval in use.` : null}
            disabled={intervalError !== null}
            title={intervalError !== null ? `Fix the interval first: ${intervalError}` : undefined}
            aria-describedby={intervalError !== null ? 'steady-interval-error' : undefined}
          >
            Save interval
          </Button>
        </div>
        <span id="steady-interval-help" className="help">
          15 to 3600. Nodes that are starting or stopping are polled faster automatically.
        </span>
        {intervalError && (
          <span id="steady-interval-error" className="error">
            {intervalError}
          </span>
        )}
      </div>
    </form>
  )
}
