// The empty state's title sits one level under what contains it: headings that skip a level break the outline.
import { describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/react'
import { EmptyState } from './EmptyState'

describe('EmptyState', () => {
  it('is an h2 under a screen’s h1, and an h3 when a panel with its own h2 asks', () => {
    const { unmount } = render(<EmptyState title="No nodes yet" />)
    expect(screen.getByRole('heading', { level: 2, name: 'No nodes yet' })).toHaveClass('empty-state-title')
    unmount()
    render(<EmptyState title="web-01 is gone" level={3} />)
    expect(screen.getByRole('heading', { level: 3, name: 'web-01 is gone' })).toBeInTheDocument()
  })
})
