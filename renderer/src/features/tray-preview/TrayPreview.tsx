// Preview only: the tray menu as HTML, from tray:model and live tray:changed. Clicks go to tray:activate, so
// browser tests exercise the same model and actions the real tray uses.
import { useEffect, useState } from 'react'
import type { TrayItem, TrayMenuModel } from '../../../../shared/domain/tray'
import { ErrorText } from '../../components/ErrorText'
import { Spinner } from '../../components/Spinner'
import { bridge, call, type AppError } from '../../lib/ipc'
import { asAppError } from '../../stores/app.store'

const ICON_LABEL: Record<TrayMenuModel['icon'], string> = {
  ok: 'All steady',
  changing: 'Something is changing',
  error: 'A problem needs attention',
  offline: 'Offline'
}

function Item({ item, onActivate, depth }: { item: TrayItem; onActivate(id: string): void; depth: number }) {
  const [open, setOpen] = useState(false)
  if (item.type === 'separator') return <li className="tray-sep" aria-hidden="true" />
  if (item.type === 'header') return <li className="tray-header">{item.label}</li>
  if (item.type === 'submenu') {
    return (
      <li className="tray-item">
        <button
          type="button"
          className="tray-button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          disabled={!item.enabled}
          data-item-id={item.id}
        >
          <span>{item.label}</span>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        </button>
        {item.sublabel && <span className="tray-sublabel">{item.sublabel}</span>}
        {open && item.children && (
          <ul className="tray-menu tray-sub" aria-label={item.label}>
            {item.children.map((c) => (
              <Item key={c.id} item={c} onActivate={onActivate} depth={depth + 1} />
            ))}
          </ul>
        )}
      </li>
    )
  }
  return (
    <li className="tray-item">
      <button
        type="button"
        className="tray-button"
        disabled={!item.enabled}
        onClick={() => onActivate(item.id)}
        data-item-id={item.id}
        aria-describedby={item.sublabel ? `sub-${item.id}` : undefined}
      >
        {item.label}
      </button>
      {item.sublabel && (
        <span id={`sub-${item.id}`} className="tray-sublabel">
          {item.sublabel}
        </span>
      )}
    </li>
  )
}

export function TrayPreview() {
  const [model, setModel] = useState<TrayMenuModel | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  const load = () =>
    call((api) => api.tray.model({})).then(
      (m) => (setModel(m), setError(null)),
      (e: unknown) => setError(asAppError(e))
    )
  useEffect(() => {
    void load()
    return bridge().events.on('tray:changed', setModel)
  }, [])

  const activate = async (itemId: string) => {
    try {
      await call((api) => api.tray.activate({ itemId }))
      setError(null)
    } catch (e) {
      setError(asAppError(e))
    }
  }

  return (
    <div className="screen stack">
      <h1>Tray preview</h1>
      <p className="muted">The browser preview cannot show a system tray; this is the same menu, drawn as HTML.</p>
      {error && <ErrorText error={error} onRetry={() => void load()} />}
      {!model ? (
        !error && <Spinner label="Loading the tray menu…" />
      ) : (
        <div className="tray-preview card" data-testid="tray-preview">
          <div className="row tray-top">
            <span className={`tray-icon tray-icon-${model.icon}`} aria-hidden="true" />
            <span>
              <strong>Icon:</strong> {ICON_LABEL[model.icon]}
            </span>
            {model.title && (
              <span>
                <strong>Title:</strong> {model.title}
              </span>
            )}
          </div>
          <p className="muted small" data-testid="tray-tooltip">
            {model.tooltip}
          </p>
          <ul className="tray-menu" aria-label="Tray menu">
            {model.items.map((i) => (
              <Item key={i.id} item={i} onActivate={(id) => void activate(id)} depth={0} />
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
