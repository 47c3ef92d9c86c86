// The location choice: this project's profiles in Delhi and Chennai, what each offers, and a create that goes to
// the chosen one (its profileId), with project-bound choices reset on a switch.
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { makeProfile } from '../../../../tests/support/builders'
import { createFakeBridge } from '../../../../tests/support/renderer/wizard-fake-bridge'
import { PLANS, PROFILE } from '../../../../tests/support/renderer/wizard-fixtures'
import { nextButton, renderWizard, setName, teardown } from '../../../../tests/support/renderer/wizard-test-utils'
import { REASONS } from '../node-detail/node-action-model'
import { toSaved } from './wizard-draft'
import { EMPTY_DRAFT } from './wizard.types'

afterEach(teardown)

const DELHI = makeProfile({ id: 'p2', name: 'Delhi prod', location: 'Delhi', projectId: PROFILE.projectId })
const OTHER_PROJECT = makeProfile({ id: 'p3', name: 'Elsewhere', location: 'Delhi', projectId: '99999' })
const card = (name: string) => screen.getAllByTestId('cw-location-card').find((c) => c.textContent?.includes(name))!

function withDelhi() {
  const fake = createFakeBridge()
  fake.api.state.profiles = [PROFILE, DELHI, OTHER_PROJECT]
  // Delhi offers one more plan for the same OS (a GPU plan only there).
  fake.api.catalog.plans = ((input: { profileId: string }) =>
    Promise.resolve({
      ok: true as const,
      value: input.profileId === 'p2' ? PLANS : PLANS.filter((p) => !p.isGpu)
    })) as never
  return fake
}

describe('location', () => {
  it('offers this project’s other location, says what each offers for the OS, and disables a missing one', async () => {
    renderWizard()
    await screen.findByTestId('cw-location')
    expect(screen.getByRole('radio', { name: 'Chennai' })).toBeChecked()
    expect(screen.getByRole('radio', { name: 'Delhi' })).toBeDisabled()
    expect(card('Delhi')).toHaveTextContent('No profile for Delhi in this project')
  })

  it('a location whose profile has no key and token is shown but cannot be chosen, and says why', async () => {
    const fake = createFakeBridge()
    const locked = makeProfile({
      ...DELHI,
      credentials: { ...DELHI.credentials, hasCredentials: false, tokenState: 'missing' }
    })
    fake.api.state.profiles = [PROFILE, locked]
    renderWizard(fake)
    await screen.findByTestId('cw-location')
    expect(screen.getByRole('radio', { name: 'Delhi' })).toBeDisabled()
    expect(card('Delhi')).toHaveTextContent(REASONS.missing)
  })

  it('compares the plans of both locations, and a switch creates in the chosen profile', async () => {
    const fake = withDelhi()
    const { onCreated } = renderWizard(fake)
    await screen.findByTestId('cw-location')
    // Only the same project counts: another project's Delhi profile is not a location of this one.
    expect(screen.getAllByTestId('cw-location-card')).toHaveLength(2)
    expect(card('Delhi')).toHaveTextContent('Delhi prod')
    fireEvent.click(await screen.findByRole('radio', { name: 'Ubuntu 24.04' }))
    await waitFor(() => expect(card('Delhi')).toHaveTextContent(/plans from ₹[\d.]+\/hour, 1 with GPU/))
    expect(card('Chennai')).toHaveTextContent('no GPU plans')

    // A plan chosen in Chennai does not follow to Delhi: plans belong to a location.
    fireEvent.click(nextButton())
    fireEvent.click(await screen.findByRole('radio', { name: 'C3.8GB' }))
    fireEvent.click(screen.getByRole('button', { name: /^Location and OS/ }))
    fireEvent.click(await screen.findByRole('radio', { name: 'Delhi' }))
    expect(await screen.findByRole('radio', { name: 'Ubuntu 24.04' })).toBeChecked()
    fireEvent.click(nextButton())
    await screen.findByRole('radio', { name: /GDC3/ })
    expect(screen.getByRole('radio', { name: 'C3.8GB' })).not.toBeChecked()
    expect(nextButton()).toBeDisabled()

    fireEvent.click(screen.getByRole('radio', { name: 'C3.8GB' }))
    fireEvent.click(nextButton())
    setName('delhi-01')
    await waitFor(() => expect(nextButton()).toBeEnabled())
    fireEvent.click(nextButton())
    expect(await screen.findByTestId('cw-summary')).toHaveTextContent('Delhi · project 51734')
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    await waitFor(() => expect(fake.creates).toHaveLength(1))
    expect(fake.creates[0]).toMatchObject({ profileId: 'p2', name: 'delhi-01' })
    fireEvent.click(await screen.findByRole('button', { name: 'Done' }))
    expect(onCreated).toHaveBeenCalledWith([101], 'p2')
  })

  it('resuming a draft made in the other location goes back to it', async () => {
    const fake = withDelhi()
    const c38 = PLANS.find((p) => p.sku === 'C3.8GB')!
    fake.api.state.wizardDraft = {
      savedAt: new Date().toISOString(),
      draft: {
        ...toSaved(EMPTY_DRAFT, 'review', 'p2')!,
        os: { os: 'Ubuntu', version: '24.04', subCategory: 'Ubuntu', displayCategory: 'Linux Virtual Node' },
        plan: { slug: c38.slug, sku: c38.sku },
        name: 'resumed-01'
      }
    }
    renderWizard(fake)
    const offer = await screen.findByTestId('cw-resume')
    await waitFor(() => expect(within(offer).getByText(/Delhi prod/)).toBeInTheDocument())
    fireEvent.click(screen.getByRole('button', { name: 'Resume draft' }))
    expect(await screen.findByTestId('cw-summary')).toHaveTextContent('Delhi · project 51734')
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    await waitFor(() => expect(fake.creates).toHaveLength(1))
    expect(fake.creates[0]).toMatchObject({ profileId: 'p2', name: 'resumed-01', plan: c38.slug })
    await screen.findByText('Starting up')
  })
})
