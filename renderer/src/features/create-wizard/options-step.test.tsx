import { fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  nextButton,
  renderWizard,
  setCount,
  setName,
  teardown,
  toOptions
} from '../../../../tests/support/renderer/wizard-test-utils'

afterEach(teardown)

const nameMessage = () => document.getElementById('cw-name-msg')?.textContent

describe('options step: name', () => {
  it('starts from a free name and validates as the user types', async () => {
    renderWizard()
    await toOptions()
    expect(screen.getByLabelText('Name')).toHaveValue('node-01')

    setName('web 01')
    expect(nameMessage()).toBe('Name: 1–50 letters, digits, - or _ (no spaces)')
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true')
    expect(nextButton()).toBeDisabled()

    setName('web-01')
    expect(nameMessage()).toBe('web-01 already exists in this project and location')
    expect(nextButton()).toBeDisabled()

    setName('')
    expect(nameMessage()).toBe('Name is required')

    setName('web-02')
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'false')
    expect(nextButton()).toBeEnabled()
  })

  it('says how several nodes are named, and checks those names too', async () => {
    renderWizard()
    await toOptions()
    setName('web')
    setCount(3)
    expect(screen.getByTestId('cw-names-note')).toHaveTextContent('web-1 … web-3')
    setName('web-0')
    setCount(2)
    // web-0-1, web-0-2 are free even though web-01 exists.
    expect(nextButton()).toBeEnabled()
    setName('x'.repeat(50))
    expect(nameMessage()).toMatch(/keep it to 48 characters/)
  })
})

describe('options step: why Next waits', () => {
  // Outside tester (screen reader): "Fix the field marked in red first" named no field and relied on colour.
  it('names the field and what is wrong with it, in words', async () => {
    renderWizard()
    await toOptions()
    setName('bad name!')
    expect(nextButton()).toBeDisabled()
    expect(nextButton()).toHaveAccessibleDescription('Fix the name first: 1–50 letters, digits, - or _ (no spaces)')
    setName('web-01')
    expect(nextButton()).toHaveAccessibleDescription(
      'Fix the name first: web-01 already exists in this project and location'
    )
  })

  it('names every field that needs fixing, in the order the form shows them', async () => {
    renderWizard()
    await toOptions('E1.8GB')
    setName('')
    fireEvent.change(screen.getByLabelText('Disk size (GB)'), { target: { value: '60' } })
    expect(nextButton()).toHaveAccessibleDescription(
      'Fix the name and the disk size first. Name is required. Disk size must be between 75 and 2400 GB.'
    )
  })
})

describe('options step: disk for E1 plans', () => {
  it('asks for a disk size only for plans that need one and applies the step rules', async () => {
    renderWizard()
    await toOptions('E1.8GB')
    const disk = screen.getByLabelText('Disk size (GB)')
    const msg = () => document.getElementById('cw-disk-msg')?.textContent
    const cases: [string, string | null][] = [
      ['60', 'Disk size must be between 75 and 2400 GB'],
      ['80', 'Below 150 GB, disk size goes in steps of 25 GB'],
      ['125', null],
      ['175', 'From 150 GB, disk size goes in steps of 50 GB'],
      ['2450', 'Disk size must be between 75 and 2400 GB'],
      ['', 'Enter a disk size in GB'],
      ['200', null]
    ]
    for (const [value, error] of cases) {
      fireEvent.change(disk, { target: { value } })
      if (error) {
        expect(msg()).toBe(error)
        expect(nextButton()).toBeDisabled()
      } else {
        expect(disk).toHaveAttribute('aria-invalid', 'false')
        expect(nextButton()).toBeEnabled()
      }
    }
  })

  it('has no disk field for a plan with a fixed disk', async () => {
    renderWizard()
    await toOptions('C3.8GB')
    expect(screen.queryByLabelText('Disk size (GB)')).not.toBeInTheDocument()
  })
})

describe('options step: network and access', () => {
  it('offers only free reserved IPs, and none when more than one node is created', async () => {
    renderWizard()
    await toOptions()
    const rip = screen.getByLabelText('Reserved IP')
    expect(screen.getByRole('option', { name: '203.0.113.10' })).toBeInTheDocument()
    expect(screen.queryByRole('option', { name: '203.0.113.11' })).not.toBeInTheDocument()
    fireEvent.change(rip, { target: { value: '203.0.113.10' } })
    expect(rip).toHaveValue('203.0.113.10')

    setCount(2)
    expect(rip).toBeDisabled()
    expect(rip).toHaveValue('')
    expect(screen.getByText(/A reserved IP can be used for one node only/)).toBeInTheDocument()
    setCount(1)
    expect(rip).toBeEnabled()
  })

  it('preselects the default security group and disables VPCs that are not Active', async () => {
    renderWizard()
    await toOptions()
    expect(screen.getByLabelText('Security group')).toHaveValue('10')
    expect(screen.getByRole('option', { name: /vpc-app/ })).toBeEnabled()
    expect(screen.getByRole('option', { name: /vpc-new/ })).toBeDisabled()
    expect(screen.getByRole('option', { name: /vpc-new/ })).toHaveTextContent('Creating')
  })

  it('warns that no SSH key means password login only', async () => {
    renderWizard()
    await toOptions()
    expect(screen.getByTestId('cw-no-keys')).toHaveTextContent('password login only')
    fireEvent.click(screen.getByRole('checkbox', { name: /laptop/ }))
    expect(screen.queryByTestId('cw-no-keys')).not.toBeInTheDocument()
  })

  it('notes that the start script runs as root at first boot', async () => {
    renderWizard()
    await toOptions()
    expect(screen.getByLabelText('Start script (optional)')).toHaveAccessibleDescription(
      /as root, when the node first boots/
    )
  })
})
