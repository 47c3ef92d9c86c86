// The one button of the window: an optional icon before a label (a lucide component, or the name of a mask icon for
// the first screen's buttons: one element instead of an SVG tree), a variant, and a disabled reason that
// is shown (tooltip) and announced (aria-describedby) — a disabled control always says why.
import { forwardRef, useId, type ButtonHTMLAttributes, type ReactNode } from 'react'
import type { LucideIcon } from 'lucide-react'
import { maskIcon } from './MaskIcon'
import type { MaskIconName } from './mask-icons'

export type ButtonVariant = 'default' | 'primary' | 'danger' | 'ghost'

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> {
  icon?: LucideIcon | MaskIconName
  variant?: ButtonVariant
  size?: 'md' | 'sm'
  /** When set, the button is disabled and this sentence says why. */
  disabledReason?: string | null
  disabled?: boolean
  children?: ReactNode
}

export function buttonClass(variant: ButtonVariant = 'default', size: 'md' | 'sm' = 'md', extra?: string): string {
  return ['btn', variant !== 'default' ? `btn-${variant}` : '', size === 'sm' ? 'btn-sm' : '', extra ?? '']
    .filter(Boolean)
    .join(' ')
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { icon: Icon, variant = 'default', size = 'md', disabledReason, disabled, className, children, type, ...rest },
  ref
) {
  const reasonId = useId()
  const isDisabled = Boolean(disabled) || Boolean(disabledReason)
  return (
    <>
      <button
        {...rest}
        ref={ref}
        type={type ?? 'button'}
        className={buttonClass(variant, size, className)}
        disabled={isDisabled}
        title={disabledReason ?? rest.title}
        aria-describedby={disabledReason ? reasonId : rest['aria-describedby']}
      >
        {typeof Icon === 'string'
          ? maskIcon(Icon, size)
          : Icon && <Icon size={size === 'sm' ? 14 : 16} aria-hidden="true" strokeWidth={2} />}
        {children}
      </button>
      {disabledReason && (
        <span id={reasonId} className="sr-only">
          {disabledReason}
        </span>
      )}
    </>
  )
})

export interface IconButtonProps extends Omit<ButtonProps, 'children' | 'icon'> {
  icon: LucideIcon | MaskIconName
  /** Accessible name and tooltip. */
  label: string
}

/** An icon-only button: its label is its accessible name and its tooltip. */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, className, variant = 'ghost', ...rest },
  ref
) {
  return (
    <Button
      ref={ref}
      aria-label={label}
      title={rest.disabledReason ?? label}
      variant={variant}
      className={['btn-icon', className ?? ''].filter(Boolean).join(' ')}
      {...rest}
    />
  )
})
