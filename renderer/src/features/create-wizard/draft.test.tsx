// The draft from the user's side: kept in main while they work, offered when the wizard opens again, and never
// thrown away without asking.
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeBridge } from '../../../../tests/support/renderer/wizard-fake-bridge'
import { PLANS, PROFILE } from '../../../../tests/support/renderer/wizard-fixtures'
import {
  nextButton,
  renderWizard,
  setName,
  teardown,
  toOptions,
  toReview
} from '../../../../tests/support/renderer/wizard-test-utils'
import type { WizardDraftData } from '../../../../shared/ipc/contract'
import { describeDraft, isPristine, toSaved } from './wizard-draft'
import { EMPTY_DRAFT } from './wizard.types'

afterEach(teardown)

const heading = () => screen.getByRole('heading', { level: 3 })
const c38 = PLANS.find((p) => p.sku === 'C3.8GB')!

function saved(patch: Partial<WizardDraftData> = {}): WizardDraftData {
  return {
    ...toSaved({ ...EMPTY_DRAFT, os: null }, 'options', PROFILE.id)!,
    os: { os: 'Ubuntu', version: '24.04', subCategory: 'Ubuntu', displayCategory: 'Linux Virtual Node' },
    plan: { slug: c38.slug, sku: c38.sku },
    name: 'web-03',
    startScript: 'echo hi',
    ...patch
  }
}

describe('the draft', () => {
  it('is kept in main as the user types, and only once there is work in it', async () => {
    const { fake } = renderWizard()
    await screen.findByTestId('cw-location')
    await new Promise((r) => setTimeout(r, 500))
    expect(fake.api.callsTo('wizard:draft-save')).toEqual([])

    await toOptions()
    setName('web-07')
    await waitFor(() => expect(fake.api.state.wizardDraft?.draft.name).toBe('web-07'))
    expect(fake.api.state.wizardDraft?.draft).toMatchObject({ step: 'options', plan: { sku: 'C3.8GB' } })
    expect(screen.getByTestId('cw-draft-status')).toHaveTextContent('Draft kept')
  })

  it('is offered when the wizard opens, and Resume brings back the step, the choices and today’s plan', async () => {
    const fake = createFakeBridge()
    fake.api.state.wizardDraft = { draft: saved(), savedAt: new Date().toISOString() }
    renderWizard(fake)
    await waitFor(() => expect(heading()).toHaveTextContent('Resume your draft?'))
    expect(screen.getByTestId('cw-resume-what')).toHaveTextContent('web-03 · C3.8GB · Ubuntu 24.04')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Resume draft' })).toHaveFocus())
    // Nothing is saved over the offer before the user answers it.
    expect(fake.api.callsTo('wizard:draft-save')).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: 'Resume draft' }))
    await waitFor(() => expect(heading()).toHaveTextContent('Options'))
    expect(screen.getByLabelText('Name')).toHaveValue('web-03')
    expect(screen.getByLabelText('Start script (optional)')).toHaveValue('echo hi')
    await waitFor(() => expect(screen.getByTestId('cw-foot-cost')).toHaveTextContent('₹2.70/hour'))
  })

  it('says so when the draft’s plan is gone, and keeps the rest', async () => {
    const fake = createFakeBridge()
    fake.api.state.wizardDraft = {
      draft: saved({ plan: { slug: 'C3-gone', sku: 'C3.GONE' } }),
      savedAt: new Date().toISOString()
    }
    renderWizard(fake)
    fireEvent.click(await screen.findByRole('button', { name: 'Resume draft' }))
    expect(await screen.findByTestId('cw-plan-gone')).toHaveTextContent('C3.GONE, the plan in your draft')
    expect(heading()).toHaveTextContent('Plan')
    expect(nextButton()).toBeDisabled()
  })

  it('says so where the review would be when today’s prices cannot be read, and Retry reads them', async () => {
    const fake = createFakeBridge()
    fake.api.state.wizardDraft = { draft: saved({ step: 'review' }), savedAt: new Date().toISOString() }
    fake.plans = { error: { code: 'NETWORK', message: 'Could not reach E2E.' } }
    renderWizard(fake)
    fireEvent.click(await screen.findByRole('button', { name: 'Resume draft' }))
    expect(await screen.findByRole('alert')).toHaveTextContent("Could not load today's prices for your plan.")
    fake.plans = PLANS
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findByTestId('cw-cost-hourly')).toHaveTextContent('₹2.70/hour')
  })

  it('Start fresh forgets it', async () => {
    const fake = createFakeBridge()
    fake.api.state.wizardDraft = { draft: saved(), savedAt: new Date().toISOString() }
    renderWizard(fake)
    fireEvent.click(await screen.findByRole('button', { name: 'Start fresh' }))
    await waitFor(() => expect(fake.api.state.wizardDraft).toBeNull())
    expect(heading()).toHaveTextContent('Location and operating system')
    expect(screen.getByRole('radio', { name: 'Ubuntu 24.04' })).not.toBeChecked()
  })

  it('Cancel with work asks: Keep editing stays, Keep as draft closes with it kept, Discard forgets it', async () => {
    const { fake, onClose } = renderWizard()
    await toOptions()
    setName('web-09')
    screen.getByRole('button', { name: 'Cancel' }).focus()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    const question = await screen.findByRole('alertdialog', { name: 'Discard this draft?' })
    expect(question).toHaveTextContent('web-09 · C3.8GB · Ubuntu 24.04')
    expect(question).toHaveAccessibleDescription(
      /web-09 · C3\.8GB · Ubuntu 24\.04 is not created yet\. Keep it as a draft/
    )
    // The safe choice has the focus: Enter right away keeps the work.
    expect(screen.getByRole('button', { name: 'Keep editing' })).toHaveFocus()
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(onClose).not.toHaveBeenCalled()
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus()

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Keep as draft' }))
    expect(onClose).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(fake.api.state.wizardDraft?.draft.name).toBe('web-09'))
  })

  it('Discard forgets the draft and closes', async () => {
    const { fake, onClose } = renderWizard()
    await toOptions()
    setName('web-10')
    await waitFor(() => expect(fake.api.state.wizardDraft?.draft.name).toBe('web-10'))
    fireEvent.keyDown(heading(), { key: 'Escape' })
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }))
    expect(onClose).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(fake.api.state.wizardDraft).toBeNull())
  })

  it('closes without asking when nothing was chosen', async () => {
    const { onClose } = renderWizard()
    await screen.findByTestId('cw-location')
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })

  it('is forgotten once the node is created', async () => {
    const { fake } = renderWizard()
    await toReview()
    await waitFor(() => expect(fake.api.state.wizardDraft).not.toBeNull())
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    await screen.findByText('Starting up')
    await waitFor(() => expect(fake.api.state.wizardDraft).toBeNull())
  })

  it('a start script too large to keep says so instead of pretending', async () => {
    const { fake } = renderWizard()
    await toOptions()
    setName('web-11')
    await waitFor(() => expect(fake.api.state.wizardDraft?.draft.name).toBe('web-11'))
    fireEvent.change(screen.getByLabelText('Start script (optional)'), { target: { value: 'x'.repeat(40_000) } })
    expect(await screen.findByText('Too large to keep as a draft')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(await screen.findByRole('button', { name: 'Keep as draft' })).toBeDisabled()
  })
})

describe('draft rules', () => {
  it('a suggested name is not work; a typed one is', () => {
    expect(isPristine(EMPTY_DRAFT)).toBe(true)
    expect(isPristine({ ...EMPTY_DRAFT, name: 'node-01' })).toBe(true)
    expect(isPristine({ ...EMPTY_DRAFT, name: 'web' })).toBe(false)
    expect(isPristine({ ...EMPTY_DRAFT, ipv6: true })).toBe(false)
  })

  it('names a draft by what the user chose', () => {
    expect(describeDraft(saved())).toBe('web-03 · C3.8GB · Ubuntu 24.04')
    expect(describeDraft({ name: '', plan: null, os: null })).toBe('No choices yet')
  })
})
