// The glance's section header marks the demo sandbox in words and never sends it to update credentials.
import { describe, expect, it } from 'vitest'
import { render, screen, within } from '@testing-library/react'
import { makeProfile, makeProfileNodes } from '../../../tests/support/builders'
import type { CostTotal } from '../../../shared/domain/running-cost'
import type { SectionRow } from './glance-model'
import { SectionHeader } from './SectionHeader'

const expired = {
  kind: 'token_expired' as const,
  label: 'Token expired',
  detail: 'The auth token has expired. Update the credentials under Profiles.'
}
const section = (isDemo: boolean): SectionRow => ({
  kind: 'section',
  key: 's',
  profile: makeProfile({ id: isDemo ? 'demo-1' : 'p1', name: isDemo ? 'Demo · shop' : 'web-01 prod', isDemo }),
  data: makeProfileNodes(),
  badges: [expired],
  total: 3,
  shown: 3,
  collapsed: false
})
const show = (row: SectionRow, cost?: CostTotal) =>
  render(<SectionHeader row={row} index={0} cost={cost} now={Date.now()} current onToggle={() => undefined} />)

describe('SectionHeader', () => {
  it('a demo section says "Demo" and its trouble never points at credentials', () => {
    show(section(true))
    const header = screen.getByTestId('glance-section')
    expect(within(header).getByText('Demo')).toHaveAttribute('title', expect.stringContaining('not real'))
    expect(header.querySelector('.badge-demo')).not.toBeNull()
    const badge = within(header).getByTestId('glance-badge')
    expect(badge).toHaveTextContent('Sandbox error')
    expect(badge.getAttribute('title')).toContain('Restart Nodetray')
    expect(header.innerHTML).not.toMatch(/credentials/i)
    // Said once for screen readers (with what it means), not twice.
    expect(screen.getByRole('button', { expanded: true })).toHaveAccessibleName(
      expect.stringMatching(/Demo sandbox: simulated nodes, changes are not real\.?, Sandbox error: /)
    )
  })

  it('the name has the first line to itself: the badges sit on the second line, after the count', () => {
    show(section(true))
    const name = screen.getByTestId('glance-section').querySelector('.glance-section-name') as HTMLElement
    expect(name.parentElement?.children).toHaveLength(2)
    const line = name.nextElementSibling as HTMLElement
    expect(line.firstElementChild).toHaveClass('glance-section-meta')
    expect(within(line).getByTestId('glance-badge')).toHaveTextContent('Sandbox error')
    expect(within(line).getByText('Demo')).toBeInTheDocument()
  })

  it('a real profile has no demo mark and keeps its credential badge', () => {
    show(section(false))
    const header = screen.getByTestId('glance-section')
    expect(header.querySelector('.badge-demo')).toBeNull()
    expect(within(header).getByTestId('glance-badge')).toHaveTextContent('Token expired')
  })

  it('the header button names the profile, its node count and its trouble with the explanation, not only a tooltip', () => {
    show(section(false))
    const button = screen.getByRole('button', { expanded: true })
    expect(button).toHaveAccessibleName(
      expect.stringMatching(
        /^web-01 prod · Delhi.*3 nodes.*Token expired: The auth token has expired\. Update the credentials/
      )
    )
    // The count is on its own line, so a badge beside the header never cuts it off.
    const meta = within(button).getByText('3 nodes').closest('.glance-section-meta')
    expect(meta).not.toBeNull()
    // The line can be cut at the popover's width: its tooltip has it whole.
    expect(meta).toHaveAttribute('title', expect.stringMatching(/^3 nodes · /))
  })

  it('the cost comes before the age, and the age gives way first: beside two badges at 380 px the monthly figure shows', () => {
    show(section(true), { perHour: 12.48, perMonth: 9110, unknown: 0 })
    const meta = screen.getByTestId('glance-section').querySelector('.glance-section-meta') as HTMLElement
    expect([...meta.children].map((c) => c.className)).toEqual([
      'glance-count',
      'glance-section-cost',
      'glance-section-age'
    ])
    expect(meta).toHaveTextContent(/^3 nodes · ₹12\.48\/h · ₹9\.1k\/mo · /)
    expect(meta).toHaveAttribute('title', expect.stringMatching(/^3 nodes · ≈ ₹12\.48\/h · ₹9\.1k\/mo \(estimate\) · /))
  })
})
