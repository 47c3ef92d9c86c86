// A row of icon + label buttons (role=toolbar) in place of a stack of buttons. Arrow keys are not trapped:
// each button stays in the tab order, which is what screen-reader users of a desktop app expect here.
import type { ReactNode } from 'react'

export function ActionBar({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div role="toolbar" aria-label={label} className={['action-bar', className ?? ''].filter(Boolean).join(' ')}>
      {children}
    </div>
  )
}
