import { fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { nextButton, renderWizard, teardown, toPlanStep } from '../../../../tests/support/renderer/wizard-test-utils'

afterEach(teardown)

const skus = () =>
  screen
    .getAllByTestId('cw-plan-row')
    .map((r) => within(r).getAllByRole('radio')[0]?.closest('label')?.querySelector('.mono')?.textContent)

describe('plan step', () => {
  it('lists sold-out plans but does not let them be chosen', async () => {
    renderWizard()
    await toPlanStep()
    const soldOut = screen.getByRole('radio', { name: /C3\.64GB/ })
    expect(soldOut).toBeDisabled()
    expect(soldOut.closest('tr')).toHaveTextContent('Sold out')
    fireEvent.click(soldOut.closest('tr') as HTMLElement)
    expect(soldOut).not.toBeChecked()
    expect(nextButton()).toBeDisabled()

    fireEvent.click(screen.getByRole('radio', { name: 'C3.8GB' }))
    expect(nextButton()).toBeEnabled()
  })

  it('sorts by hourly price, cheapest first, and flips on the column button', async () => {
    renderWizard()
    await toPlanStep()
    expect(skus()).toEqual(['E1.8GB', 'C3.8GB', 'C3.16GB', 'C3.64GB', 'GDC3.A100'])
    fireEvent.click(screen.getByRole('button', { name: /Price/ }))
    expect(skus()).toEqual(['GDC3.A100', 'C3.64GB', 'C3.16GB', 'C3.8GB', 'E1.8GB'])
  })

  // Outside tester (screen reader): the button read "Price ▲ , cheapest first", the glyph read out by name.
  it('names the sort button plainly; the column header says the order', async () => {
    renderWizard()
    await toPlanStep()
    const sort = screen.getByRole('button', { name: 'Price' })
    const column = screen.getByRole('columnheader', { name: 'Price' })
    expect(column).toHaveAttribute('aria-sort', 'ascending')
    expect(screen.getByRole('table')).toHaveAccessibleName('Plans, sorted by price, cheapest first')
    fireEvent.click(sort)
    expect(screen.getByRole('button', { name: 'Price' })).toBe(sort)
    expect(column).toHaveAttribute('aria-sort', 'descending')
    expect(screen.getByRole('table')).toHaveAccessibleName('Plans, sorted by price, dearest first')
  })

  it('filters by series, minimum vCPU and RAM, and GPU', async () => {
    renderWizard()
    await toPlanStep()
    fireEvent.change(screen.getByLabelText('Series'), { target: { value: 'C3' } })
    expect(skus()).toEqual(['C3.8GB', 'C3.16GB', 'C3.64GB'])
    fireEvent.change(screen.getByLabelText('Min vCPU'), { target: { value: '8' } })
    fireEvent.change(screen.getByLabelText('Min RAM (GB)'), { target: { value: '32' } })
    expect(skus()).toEqual(['C3.64GB'])
    fireEvent.change(screen.getByLabelText('Series'), { target: { value: '' } })
    fireEvent.click(screen.getByLabelText('GPU plans only'))
    expect(skus()).toEqual(['GDC3.A100'])
    fireEvent.change(screen.getByLabelText('Min RAM (GB)'), { target: { value: '512' } })
    expect(screen.getByText('No plan matches these filters.')).toBeInTheDocument()
  })

  it('shows prices in rupees and the committed terms', async () => {
    renderWizard()
    await toPlanStep()
    const row = screen.getByRole('radio', { name: 'C3.8GB' }).closest('tr') as HTMLElement
    expect(row).toHaveTextContent('₹2.70/hour')
    expect(row).toHaveTextContent('₹1,971/month')
    expect(row).toHaveTextContent('90 days ₹5,600')
    expect(row).toHaveTextContent('365 days ₹19,206')
    expect(row.textContent).not.toMatch(/Rs\.|\.00|Monthly/)
  })

  it('shows the error where the plans failed to load, and Retry loads them', async () => {
    const { fake } = renderWizard()
    fake.plans = { error: { code: 'NETWORK', message: 'Could not reach E2E.' } }
    await screen.findByTestId('cw-location')
    fireEvent.click(await screen.findByRole('radio', { name: 'Ubuntu 24.04' }))
    fireEvent.click(nextButton())
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load plans. Could not reach E2E.')
    fake.plans = []
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findByText(/No plans are offered for this OS version/)).toBeInTheDocument()
  })
})
