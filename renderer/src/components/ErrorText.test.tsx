import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen } from '@testing-library/react'
import { AppError } from '../lib/ipc'
import { ErrorText } from './ErrorText'

describe('ErrorText', () => {
  it('says what happened and what to do; the API path and status only inside Technical details', () => {
    const error = new AppError({
      code: 'SERVER',
      message: 'E2E’s API had a problem (503) on PUT nodes/48004/actions/. Try again shortly.',
      status: 503,
      retryable: true
    })
    const retry = vi.fn()
    render(<ErrorText title="Couldn’t power on web-01" error={error} onRetry={retry} />)
    const alert = screen.getByRole('alert')
    const words = alert.querySelector('.error-text-words > span')
    expect(words).toHaveTextContent('Couldn’t power on web-01. E2E’s service had a problem. Try again in a minute.')
    expect(words?.textContent).not.toMatch(/nodes\/|503|PUT/)
    const details = alert.querySelector('details')
    expect(details?.open).toBe(false)
    expect(details).toHaveTextContent('PUT nodes/48004/actions/')
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(retry).toHaveBeenCalledOnce()
  })

  it('offers Retry only when repeating the call is safe, and has no disclosure when there is nothing more', () => {
    render(
      <ErrorText
        error={new AppError({ code: 'VALIDATION', message: 'The name must be 3 to 50 characters.' })}
        onRetry={() => undefined}
      />
    )
    expect(screen.getByRole('alert')).toHaveTextContent('The name must be 3 to 50 characters.')
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    expect(screen.getByRole('alert').querySelector('details')).toBeNull()
  })
})
