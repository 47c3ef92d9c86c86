import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { CommittedInfo } from '../../../../shared/domain/node'
import { makeDetail } from '../../../../tests/support/builders'
import { fail } from '../../../../tests/support/renderer/fake-api'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { useToastStore } from '../../stores/notifications.store'
import { CommittedRenewal } from './CommittedRenewal'

resetStoresAfterEach()

const term = (over: Partial<CommittedInfo> = {}): CommittedInfo => ({
  skuId: 900,
  skuName: '365 Days Committed , Rs. 38412.0',
  price: 38412,
  days: 365,
  termEndRaw: '21-January-2027 14:05',
  termEnd: '2027-01-21T08:35:00Z',
  message: 'Committed until 2027-01-21; then auto renew',
  ...over
})

const detailWith = (committed: CommittedInfo) =>
  makeDetail({ id: 42, name: 'db-primary', plan: 'C3.16GB', isCommitted: true, vmType: 'committed_vm', committed })

const plans = {
  'catalog:os': () => [
    {
      os: 'Ubuntu',
      displayCategories: ['Linux Virtual Node'],
      versions: [{ os: 'Ubuntu', version: '24.04', subCategory: 'Ubuntu', displayCategory: 'Linux Virtual Node' }]
    }
  ],
  'catalog:plans': () => [
    {
      sku: 'C3.16GB',
      slug: 'C3-8vCPU-16RAM',
      image: 'Ubuntu-24.04',
      series: 'C3',
      location: 'Delhi' as const,
      vcpus: 8,
      ramGb: 16,
      diskGb: 200,
      pricePerHour: 5,
      pricePerMonth: 3650,
      currency: 'INR',
      available: true,
      isGpu: false,
      gpu: null,
      requiresDisk: false,
      committed: [
        { id: 900, days: 365, price: 38412, name: 'x', upto: null },
        { id: 901, days: 90, price: 9900, name: 'y', upto: null }
      ]
    }
  ]
}

describe('committed renewal', () => {
  it('formats the plan from numbers and selects the current choice', () => {
    installFake()
    render(<CommittedRenewal profileId="p1" detail={detailWith(term({ mode: 'auto_renew' }))} />)
    expect(screen.getByTestId('committed-plan')).toHaveTextContent('₹38,412 for 365 days')
    expect(screen.getByTestId('renewal')).not.toHaveTextContent('Rs.')
    expect(screen.getByRole('radio', { name: 'Renew automatically' })).toBeChecked()
    expect(screen.getByRole('radio', { name: 'Renew automatically' })).toHaveAccessibleDescription(/current choice/)
    expect(screen.getByTestId('renewal-summary')).toHaveTextContent('Renews automatically: ₹38,412 for 365 days.')
    const save = screen.getByRole('button', { name: 'Save choice' })
    expect(save).toBeDisabled()
    expect(save).toHaveAccessibleDescription('This is already the choice')
  })

  it('auto-terminate warns about backups, needs an acknowledgement, and the summary says so at once', async () => {
    const fake = installFake()
    render(<CommittedRenewal profileId="p1" detail={detailWith(term({ mode: 'auto_renew' }))} />)
    fireEvent.click(screen.getByRole('radio', { name: 'Delete the node' }))
    expect(screen.getByText(/and all of its backups/)).toBeInTheDocument()
    const save = screen.getByRole('button', { name: 'Save choice' })
    expect(save).toBeDisabled()
    fireEvent.click(screen.getByLabelText(/I understand that db-primary and its backups/))
    fireEvent.click(save)
    await waitFor(() =>
      expect(fake.callsTo('nodes:committed-settings')).toEqual([
        { profileId: 'p1', nodeId: 42, mode: 'auto_terminate' }
      ])
    )
    await waitFor(() =>
      expect(screen.getByTestId('renewal-summary')).toHaveTextContent('E2E deletes the node and all of its backups.')
    )
    expect(screen.getByTestId('renewal-summary')).not.toHaveTextContent(/renew/i)
    expect(screen.getByRole('radio', { name: 'Delete the node' })).toHaveAccessibleDescription(/current choice/)
  })

  it('a protected or locked node cannot be set to be deleted at the end of its term: the reason instead of the checkbox', () => {
    const fake = installFake()
    const protectedNode = { ...detailWith(term({ mode: 'auto_renew' })), isProtected: true }
    const { unmount } = render(<CommittedRenewal profileId="p1" detail={protectedNode} />)
    fireEvent.click(screen.getByRole('radio', { name: 'Delete the node' }))
    const said = screen.getAllByText(/protection is on\. Turn it off before choosing to delete the node/)
    expect(said.some((el) => el.closest('.banner'))).toBe(true)
    expect(screen.queryByLabelText(/I understand/)).toBeNull()
    const save = screen.getByRole('button', { name: 'Save choice' })
    expect(save).toBeDisabled()
    expect(save).toHaveAccessibleDescription(/protection is on/)
    fireEvent.click(save)
    unmount()
    render(<CommittedRenewal profileId="p1" detail={{ ...detailWith(term({ mode: 'auto_renew' })), isLocked: true }} />)
    fireEvent.click(screen.getByRole('radio', { name: 'Delete the node' }))
    expect(screen.getByRole('button', { name: 'Save choice' })).toHaveAccessibleDescription(/locked\. Unlock it/)
    // Renewing or going hourly stays open to it.
    fireEvent.click(screen.getByRole('radio', { name: 'Switch to hourly billing' }))
    expect(screen.getByRole('button', { name: 'Save choice' })).toBeEnabled()
    expect(fake.callsTo('nodes:committed-settings')).toEqual([])
  })

  it('auto-renew sends the chosen committed plan, from the catalog when the OS matches', async () => {
    const fake = installFake(plans)
    render(<CommittedRenewal profileId="p1" detail={detailWith(term({ mode: 'hourly_billing' }))} />)
    fireEvent.click(screen.getByRole('radio', { name: 'Renew automatically' }))
    await screen.findByRole('option', { name: '90 days — ₹9,900' })
    fireEvent.change(screen.getByLabelText('Renew with'), { target: { value: '901' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save choice' }))
    await waitFor(() =>
      expect(fake.callsTo('nodes:committed-settings')).toEqual([
        { profileId: 'p1', nodeId: 42, mode: 'auto_renew', committedPlanId: 901 }
      ])
    )
    await waitFor(() =>
      expect(screen.getByTestId('renewal-summary')).toHaveTextContent('Renews automatically: ₹9,900 for 90 days.')
    )
  })

  it('an unknown choice selects nothing and says so; a failed save keeps the old summary and says why', async () => {
    installFake({
      'nodes:committed-settings': () => {
        throw fail('SERVER', 'E2E’s API had a problem (503) on POST update_committed_node_status/.', { status: 503 })
      }
    })
    render(<CommittedRenewal profileId="p1" detail={detailWith(term({ mode: null }))} />)
    for (const r of screen.getAllByRole('radio')) expect(r).not.toBeChecked()
    expect(screen.getByTestId('renewal-summary')).toHaveTextContent('Not known yet')
    fireEvent.click(screen.getByRole('radio', { name: 'Switch to hourly billing' }))
    fireEvent.click(screen.getByRole('button', { name: 'Save choice' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('E2E’s service had a problem.')
    expect(screen.getByTestId('renewal-summary')).toHaveTextContent('Not known yet')
    expect(useToastStore.getState().toasts).toMatchObject([
      { kind: 'error', title: 'Couldn’t save the term-end choice for db-primary' }
    ])
  })

  it('Save keeps the keyboard on the saved choice (the button is disabled after) and says "Saved"', async () => {
    installFake()
    render(<CommittedRenewal profileId="p1" detail={detailWith(term({ mode: 'auto_renew' }))} />)
    const status = screen.getByTestId('renewal-status')
    expect(status).toHaveAttribute('role', 'status')
    expect(status).toBeEmptyDOMElement()
    const hourly = screen.getByRole('radio', { name: 'Switch to hourly billing' })
    fireEvent.click(hourly)
    const save = screen.getByRole('button', { name: 'Save choice' })
    save.focus()
    fireEvent.click(save)
    await waitFor(() => expect(status).toHaveTextContent('Saved: Switch to hourly billing.'))
    expect(screen.getByRole('button', { name: 'Save choice' })).toBeDisabled()
    expect(document.activeElement).toBe(hourly)
  })
})
