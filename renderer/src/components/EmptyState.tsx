// The one empty / gone / nothing-yet block: an optional icon, a title, a sentence and optional buttons.
import type { ReactNode } from 'react'
import type { LucideIcon } from 'lucide-react'
import './components.css'

export function EmptyState({
  title,
  children,
  icon: Icon,
  actions,
  testId
}: {
  title: string
  children?: ReactNode
  icon?: LucideIcon
  actions?: ReactNode
  testId?: string
}) {
  return (
    <div className="empty-state" data-testid={testId}>
      {Icon && <Icon className="state-block-icon" size={28} aria-hidden="true" />}
      <h3>{title}</h3>
      {children && <div className="muted">{children}</div>}
      {actions && <div className="state-block-actions">{actions}</div>}
    </div>
  )
}
