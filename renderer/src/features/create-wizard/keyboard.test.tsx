import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { nextButton, renderWizard, teardown, toReview } from '../../../../tests/support/renderer/wizard-test-utils'

afterEach(teardown)

const heading = () => screen.getByRole('heading', { level: 3 })

describe('keyboard', () => {
  it('moves focus to each step heading and advances with Enter only when the step is valid', async () => {
    const { onClose } = renderWizard()
    await screen.findByTestId('cw-location')
    expect(heading()).toHaveTextContent('Location and operating system')
    expect(heading()).toHaveFocus()

    // Nothing chosen yet: Enter stays.
    fireEvent.keyDown(heading(), { key: 'Enter' })
    expect(heading()).toHaveTextContent('Location and operating system')

    const ubuntu = await screen.findByRole('radio', { name: 'Ubuntu 22.04' })
    fireEvent.click(ubuntu)
    fireEvent.keyDown(ubuntu, { key: 'Enter' })
    await waitFor(() => expect(heading()).toHaveTextContent('Plan'))
    expect(heading()).toHaveFocus()

    const plan = await screen.findByRole('radio', { name: 'C3.16GB' })
    fireEvent.click(plan)
    fireEvent.keyDown(plan, { key: 'Enter' })
    await waitFor(() => expect(heading()).toHaveTextContent('Options'))

    const name = await screen.findByLabelText('Name')
    fireEvent.change(name, { target: { value: 'web-01' } })
    fireEvent.keyDown(name, { key: 'Enter' })
    expect(heading()).toHaveTextContent('Options')
    fireEvent.change(name, { target: { value: 'api-01' } })
    await screen.findByRole('checkbox', { name: /laptop/ })
    fireEvent.keyDown(name, { key: 'Enter' })
    await waitFor(() => expect(heading()).toHaveTextContent('Review and create'))

    // Enter in the review does not buy a node; only the Create button does.
    fireEvent.keyDown(heading(), { key: 'Enter' })
    expect(heading()).toHaveTextContent('Review and create')

    // Esc with choices made asks first; Esc again keeps editing.
    fireEvent.keyDown(heading(), { key: 'Escape' })
    expect(await screen.findByRole('alertdialog', { name: 'Discard this draft?' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Keep editing' })).toHaveFocus()
    fireEvent.keyDown(screen.getByRole('button', { name: 'Keep editing' }), { key: 'Escape' })
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(onClose).not.toHaveBeenCalled()
  }, 20_000) // Four steps of a whole wizard in jsdom: seconds on a loaded 2-core machine.

  // Outside tester (keyboard): Review → Edit machine → Next went on to the options, one more step to walk again.
  it('after an edit started from the review, goes straight back to it once the steps between still hold', async () => {
    renderWizard()
    await toReview()
    fireEvent.click(screen.getByRole('button', { name: 'Edit machine' }))
    await waitFor(() => expect(heading()).toHaveTextContent('Plan'))
    const back = screen.getByRole('button', { name: 'Back to review' })
    expect(back).toBeEnabled()
    expect(back).toHaveClass('btn-primary')
    expect(nextButton()).not.toHaveClass('btn-primary')
    const bigger = screen.getByRole('radio', { name: 'C3.16GB' })
    fireEvent.click(bigger)
    // Enter does what the primary button does.
    fireEvent.keyDown(bigger, { key: 'Enter' })
    await waitFor(() => expect(heading()).toHaveTextContent('Review and create'))
    expect(heading()).toHaveFocus()
    expect(screen.getByTestId('cw-summary')).toHaveTextContent('C3.16GB')

    // A new OS drops the plan: the way back says what it waits for, and Next walks on to choose one.
    fireEvent.click(screen.getByRole('button', { name: 'Edit where and what' }))
    await waitFor(() => expect(heading()).toHaveTextContent('Location and operating system'))
    fireEvent.click(await screen.findByRole('radio', { name: 'Rocky 9.4' }))
    expect(screen.getByRole('button', { name: 'Back to review' })).toHaveAccessibleDescription('Choose a plan first')
    fireEvent.click(nextButton())
    await screen.findAllByTestId('cw-plan-row')
    fireEvent.click(screen.getByRole('radio', { name: 'C3.8GB' }))
    fireEvent.click(screen.getByRole('button', { name: 'Back to review' }))
    await waitFor(() => expect(heading()).toHaveTextContent('Review and create'))
    expect(screen.getByTestId('cw-summary')).toHaveTextContent('Rocky 9.4')
    // Back at the review, the wizard walks forward as usual again.
    fireEvent.click(screen.getByRole('button', { name: 'Edit name and access' }))
    await waitFor(() => expect(heading()).toHaveTextContent('Options'))
    expect(screen.queryByRole('button', { name: 'Back to review' })).not.toBeInTheDocument()
  }, 20_000)

  it('goes back to a finished step from the step list', async () => {
    renderWizard()
    await screen.findByTestId('cw-location')
    fireEvent.click(await screen.findByRole('radio', { name: 'Rocky 9.4' }))
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    await screen.findAllByTestId('cw-plan-row')
    fireEvent.click(screen.getByRole('button', { name: /^Location and OS/ }))
    await waitFor(() => expect(heading()).toHaveTextContent('Location and operating system'))
    expect(screen.getByRole('radio', { name: 'Rocky 9.4' })).toBeChecked()
  })
})
