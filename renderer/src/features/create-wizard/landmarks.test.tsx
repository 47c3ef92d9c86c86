// Outside tester (screen reader): inside the wizard's dialog the landmark list filled with the wizard's own banner and
// contentinfo and a region per card group, none of them a place to go on the page. The dialog holds no landmarks
// but its step list.
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeBridge } from '../../../../tests/support/renderer/wizard-fake-bridge'
import { PLANS, PROFILE } from '../../../../tests/support/renderer/wizard-fixtures'
import { nextButton, renderWizard, teardown, toOptions } from '../../../../tests/support/renderer/wizard-test-utils'
import { toSaved } from './wizard-draft'
import { EMPTY_DRAFT } from './wizard.types'

afterEach(teardown)

const LANDMARKS = ['banner', 'contentinfo', 'region', 'complementary', 'main', 'form', 'search'] as const

/** The landmarks in the dialog, by role and name. */
function landmarks(): string[] {
  const dialog = screen.getByRole('dialog', { name: 'Create node' })
  return LANDMARKS.flatMap((role) =>
    within(dialog)
      .queryAllByRole(role)
      .map((el) => `${role} "${el.getAttribute('aria-label') ?? el.className}"`)
  )
}

describe('landmarks in the wizard', () => {
  it('has none on any step: its header, footer and groups are not places on the page', async () => {
    renderWizard()
    await screen.findByTestId('cw-location')
    expect(landmarks()).toEqual([])
    expect(within(screen.getByRole('dialog')).getAllByRole('navigation')).toHaveLength(1)
    await toOptions()
    expect(landmarks()).toEqual([])
    expect(screen.getByRole('group', { name: 'Name and count' })).toContainElement(screen.getByLabelText('Name'))
    fireEvent.click(screen.getByRole('checkbox', { name: /laptop/ }))
    await waitFor(() => expect(nextButton()).toBeEnabled())
    fireEvent.click(nextButton())
    await screen.findByTestId('cw-cost')
    expect(landmarks()).toEqual([])
    // Each summary keeps its name as a group, with its Edit inside.
    const machine = screen.getByRole('group', { name: 'Machine' })
    expect(within(machine).getByRole('button', { name: 'Edit machine' })).toBeInTheDocument()
    expect(screen.getByRole('group', { name: 'Cost' })).toBe(screen.getByTestId('cw-cost'))
  })

  it('has none on the resume offer either', async () => {
    const fake = createFakeBridge()
    const c38 = PLANS.find((p) => p.sku === 'C3.8GB')!
    const draft = {
      ...toSaved({ ...EMPTY_DRAFT, name: 'web-03' }, 'options', PROFILE.id)!,
      plan: { slug: c38.slug, sku: c38.sku }
    }
    fake.api.state.wizardDraft = { draft, savedAt: new Date().toISOString() }
    renderWizard(fake)
    await screen.findByTestId('cw-resume')
    expect(landmarks()).toEqual([])
  })
})
