// Always-there ways out of the popover: the window, the create wizard, settings, quit.
import { AppWindow, LogOut, Plus, Settings } from 'lucide-react'
import { openCreate, openSettings, openWindow, quitApp } from './popover-actions'

export function GlanceFooter({ onError }: { onError(e: unknown): void }) {
  const run = (fn: () => Promise<unknown>) => () => void fn().catch(onError)
  return (
    <footer className="glance-footer">
      <button type="button" className="glance-foot-btn" onClick={run(openWindow)}>
        <AppWindow size={15} aria-hidden="true" /> Open Nodetray
      </button>
      <button type="button" className="glance-foot-btn" onClick={run(openCreate)}>
        <Plus size={15} aria-hidden="true" /> Create node
      </button>
      <span className="spacer" />
      <button
        type="button"
        className="glance-foot-icon"
        aria-label="Settings"
        title="Settings"
        onClick={run(openSettings)}
      >
        <Settings size={16} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="glance-foot-icon"
        aria-label="Quit Nodetray"
        title="Quit Nodetray"
        onClick={run(quitApp)}
      >
        <LogOut size={16} aria-hidden="true" />
      </button>
    </footer>
  )
}
