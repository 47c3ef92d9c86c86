import type { ReactNode } from 'react'

/** A coloured notice. `announce` makes it a live region; leave it off for text that ticks (ages). */
export function Banner({
  kind,
  children,
  testId,
  announce,
  actions
}: {
  kind: 'error' | 'warn' | 'info' | 'ok'
  children: ReactNode
  testId?: string
  announce?: boolean
  /** Buttons at the banner's end. */
  actions?: ReactNode
}) {
  return (
    <div
      className={`banner banner-${kind}`}
      role={announce ? (kind === 'error' ? 'alert' : 'status') : undefined}
      data-testid={testId}
    >
      <div className="banner-text">{children}</div>
      {actions}
    </div>
  )
}
