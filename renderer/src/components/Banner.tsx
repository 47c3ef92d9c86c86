import type { ReactNode } from 'react'

/** A coloured notice. `announce` makes it a live region; leave it off for text that ticks (ages). */
export function Banner({
  kind,
  children,
  testId,
  announce
}: {
  kind: 'error' | 'warn' | 'info' | 'ok'
  children: ReactNode
  testId?: string
  announce?: boolean
}) {
  return (
    <div
      className={`banner banner-${kind}`}
      role={announce ? (kind === 'error' ? 'alert' : 'status') : undefined}
      data-testid={testId}
    >
      <div className="banner-text">{children}</div>
    </div>
  )
}
