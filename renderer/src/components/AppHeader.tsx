// The window's title bar: brand and version, the section tabs (icon + label), and the preview marker.
import { FlaskConical, Server } from 'lucide-react'
import { Tabs, type TabItem } from './Tabs'

interface AppHeaderProps<K extends string> {
  name: string
  version: string | null
  preview: boolean
  tabs: TabItem<K>[] | null
  active: K
  onChange(key: K): void
}

export function AppHeader<K extends string>({ name, version, preview, tabs, active, onChange }: AppHeaderProps<K>) {
  return (
    <header className="app-header">
      <span className="brand">
        <span className="brand-mark" aria-hidden="true">
          <Server size={13} strokeWidth={2.5} />
        </span>
        <strong className="brand-name">{name}</strong>
        <span className="brand-version" data-testid="app-version">
          {version ? `v${version}` : ''}
        </span>
      </span>
      {tabs && <Tabs label="Sections" items={tabs} active={active} onChange={onChange} idPrefix="main" />}
      <span className="app-header-end">
        {preview && (
          <span
            className="badge"
            title="Running in a browser against the built-in simulator host, not as the desktop app"
          >
            <FlaskConical size={12} aria-hidden="true" />
            Preview
          </span>
        )}
      </span>
    </header>
  )
}
