import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderWizard, teardown } from '../../../../tests/support/renderer/wizard-test-utils'

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
