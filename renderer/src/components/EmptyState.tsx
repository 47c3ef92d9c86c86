// The one empty / gone / nothing-yet block: an optional icon, a title, a sentence and optional buttons.
import type { ReactNode } from 'react'
import type { LucideIcon } from 'lucide-react'
import './components.css'

export function EmptyState({
  title,
  children,
  icon: Icon,
  actions,
  testId,
  level = 2
}: {
  title: string
  children?: ReactNode
  icon?: LucideIcon
  actions?: ReactNode
  testId?: string
  /** Under a screen's h1 it is an h2; under a panel's own h2, pass 3 (headings step one level at a time). */
  level?: 2 | 3
}) {
  const Heading = level === 3 ? 'h3' : 'h2'
  return (
    <div className="empty-state" data-testid={testId}>
      {Icon && <Icon className="state-block-icon" size={28} aria-hidden="true" />}
      <Heading className="empty-state-title">{title}</Heading>
      {children && <div className="muted">{children}</div>}
      {actions && <div className="state-block-actions">{actions}</div>}
    </div>
  )
}
