// Renders the wizard over a fake bridge and walks it to a step the way a user would.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { expect, vi } from 'vitest'
import { installBridge } from './reset'
import { CreateWizard } from '../../../renderer/src/features/create-wizard/CreateWizard'
import { createFakeBridge, type FakeBridge } from './wizard-fake-bridge'

export function renderWizard(fake: FakeBridge = createFakeBridge()) {
  installBridge(fake.api)
  const onClose = vi.fn()
  const onCreated = vi.fn()
  render(<CreateWizard profileId="p1" onClose={onClose} onCreated={onCreated} />)
  return { fake, onClose, onCreated }
}

export const nextButton = () => screen.getByRole('button', { name: 'Next' })

export async function toPlanStep(): Promise<void> {
  // Location and OS share the first step.
  await screen.findByTestId('cw-location')
  fireEvent.click(await screen.findByRole('radio', { name: 'Ubuntu 24.04' }))
  fireEvent.click(nextButton())
  await screen.findAllByTestId('cw-plan-row')
}

export async function toOptions(sku = 'C3.8GB'): Promise<void> {
  await toPlanStep()
  fireEvent.click(screen.getByRole('radio', { name: sku }))
  fireEvent.click(nextButton())
  await screen.findByRole('checkbox', { name: /laptop/ })
}

export function setName(name: string): void {
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: name } })
}

export function setCount(count: number): void {
  fireEvent.change(screen.getByLabelText('Number of nodes'), { target: { value: String(count) } })
}

export async function toReview(opts: { sku?: string; count?: number; committedDays?: number } = {}): Promise<void> {
  await toOptions(opts.sku)
  fireEvent.click(screen.getByRole('checkbox', { name: /laptop/ }))
  if (opts.count) setCount(opts.count)
  if (opts.committedDays)
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(`Committed for ${opts.committedDays} days`) }))
  await waitFor(() => expect(nextButton()).toBeEnabled())
  fireEvent.click(nextButton())
  await screen.findByTestId('cw-cost')
}

export function teardown(): void {
  installBridge(null)
}
