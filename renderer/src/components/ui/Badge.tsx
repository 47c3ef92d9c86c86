// Small labelled marks: the demo sandbox marker and neutral tags. Never colour alone: always a word.
import { FlaskConical } from 'lucide-react'

export function DemoBadge({ compact = false }: { compact?: boolean }) {
  return (
    <span className="badge badge-demo" title="Demo sandbox: simulated nodes, changes are not real">
      <FlaskConical size={12} aria-hidden="true" />
      {compact ? 'Demo' : 'Demo sandbox'}
    </span>
  )
}

export function Badge({
  children,
  tone = 'neutral'
}: {
  children: string
  tone?: 'neutral' | 'warn' | 'danger' | 'ok'
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>
}
