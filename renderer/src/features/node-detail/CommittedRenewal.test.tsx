import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { makeDetail } from '../../../../tests/support/builders'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { CommittedRenewal } from './CommittedRenewal'

resetStoresAfterEach()

const detail = makeDetail({
  id: 42,
  name: 'db-primary',
  plan: 'C3.16GB',
  isCommitted: true,
  vmType: 'committed_vm',
  committed: {
    skuId: 900,
    skuName: '365 Days Committed',
    price: 38412,
    days: 365,
    termEndRaw: '21-January-2027 14:05',
    termEnd: '2027-01-21T08:35:00Z',
    message: null
  }
})

describe('committed renewal', () => {
  it('auto-terminate warns about backups and needs an acknowledgement before saving', async () => {
    const fake = installFake()
    render(<CommittedRenewal profileId="p1" detail={detail} />)
    fireEvent.click(screen.getByLabelText('Terminate the node'))
    expect(screen.getByText(/AND all of its backups/)).toBeInTheDocument()
    const save = screen.getByRole('button', { name: 'Save term-end choice' })
    expect(save).toBeDisabled()
    fireEvent.click(screen.getByLabelText(/I understand that db-primary and its backups/))
    fireEvent.click(save)
    await waitFor(() =>
      expect(fake.callsTo('nodes:committed-settings')).toEqual([
        { profileId: 'p1', nodeId: 42, mode: 'auto_terminate' }
      ])
    )
  })

  it('auto-renew sends the chosen committed plan, from the catalog when the OS matches', async () => {
    const fake = installFake({
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
          location: 'Delhi',
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
    })
    render(<CommittedRenewal profileId="p1" detail={detail} />)
    fireEvent.click(screen.getByLabelText('Renew automatically'))
    await screen.findByRole('option', { name: /90 days/ })
    fireEvent.change(screen.getByLabelText('Renew with'), { target: { value: '901' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save term-end choice' }))
    await waitFor(() =>
      expect(fake.callsTo('nodes:committed-settings')).toEqual([
        { profileId: 'p1', nodeId: 42, mode: 'auto_renew', committedPlanId: 901 }
      ])
    )
    expect(await screen.findByRole('status')).toHaveTextContent('Saved: Renew automatically.')
  })
})
