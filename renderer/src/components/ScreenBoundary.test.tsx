import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ScreenBoundary } from './ScreenBoundary'

let broken = true
function Flaky() {
  if (broken) throw new Error('chunk failed to load')
  return <p>Profiles screen</p>
}

afterEach(() => vi.restoreAllMocks())

describe('ScreenBoundary', () => {
  it('shows a plain message instead of a blank window, and Try again renders the screen once it works', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined) // React logs the caught error
    broken = true
    render(
      <main>
        <h1>Nodetray</h1>
        <ScreenBoundary>
          <Flaky />
        </ScreenBoundary>
      </main>
    )
    expect(screen.getByRole('heading', { name: 'Nodetray' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('could not be shown')
    expect(screen.getByRole('alert')).not.toHaveTextContent('chunk failed')
    broken = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.getByText('Profiles screen')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
