import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeBridge } from '../../../../tests/support/renderer/wizard-fake-bridge'
import { node, profileNodes } from '../../../../tests/support/renderer/wizard-fixtures'
import { renderWizard, teardown, toReview } from '../../../../tests/support/renderer/wizard-test-utils'

afterEach(teardown)

describe('follow', () => {
  it('shows each new node live until it runs, then its public IP with a copy button', async () => {
    const fake = createFakeBridge()
    fake.createAnswers = [
      { outcome: 'created', nodes: [node(101, 'node-01-1'), node(102, 'node-01-2')], message: 'Created 2 nodes' }
    ]
    const { onCreated } = renderWizard(fake)
    await toReview({ count: 2 })
    fireEvent.click(screen.getByRole('button', { name: 'Create 2 nodes' }))
    await screen.findByText('Starting up')
    const row = (id: number) => document.querySelector(`[data-node-id="${id}"]`) as HTMLElement
    expect(row(101)).toHaveTextContent('Creating')
    expect(screen.queryByTestId('cw-ip')).not.toBeInTheDocument()

    // Another profile's update must not touch these rows.
    act(() =>
      fake.emit(
        'nodes:changed',
        profileNodes([node(101, 'x', { status: 'RUNNING', publicIp: '198.51.100.1' })], 'other')
      )
    )
    expect(row(101)).toHaveTextContent('Creating')

    act(() =>
      fake.emit(
        'nodes:changed',
        profileNodes([
          node(101, 'node-01-1', { status: 'RUNNING', rawStatus: 'Running', publicIp: '203.0.113.50' }),
          node(102, 'node-01-2')
        ])
      )
    )
    expect(row(101)).toHaveTextContent('Running')
    expect(within(row(101)).getByTestId('cw-ip')).toHaveTextContent('203.0.113.50')
    expect(row(102)).toHaveTextContent('Creating')
    expect(screen.getByTestId('cw-follow-summary')).toHaveTextContent('1 of 2 running')

    fireEvent.click(within(row(101)).getByRole('button', { name: 'Copy IP 203.0.113.50' }))
    // The copy goes through main, so the label changes a moment later.
    await waitFor(() =>
      expect(within(row(101)).getByRole('button', { name: 'Copy IP 203.0.113.50' })).toHaveTextContent('Copied')
    )
    expect(fake.copied).toEqual(['203.0.113.50'])
    // The tick lasts a moment, then the button reads Copy again.
    await waitFor(
      () =>
        expect(within(row(101)).getByRole('button', { name: 'Copy IP 203.0.113.50' })).not.toHaveTextContent('Copied'),
      { timeout: 3000 }
    )

    act(() =>
      fake.emit(
        'nodes:changed',
        profileNodes([
          node(101, 'node-01-1', { status: 'RUNNING', publicIp: '203.0.113.50' }),
          node(102, 'node-01-2', { status: 'RUNNING', publicIp: '203.0.113.51' })
        ])
      )
    )
    expect(screen.getByTestId('cw-follow-summary')).toHaveTextContent('All nodes are running.')
    fireEvent.click(screen.getByRole('button', { name: 'Done' }))
    expect(onCreated).toHaveBeenCalledWith([101, 102], 'p1')
  })

  // Outside tester (keyboard, screen reader): the heading still said "Starting up" under "The node is running.", and
  // Check now vanished with the focus on it, leaving the focus nowhere.
  it('says Running in the heading once the node runs, and moves the focus from Check now to Done', async () => {
    const fake = createFakeBridge()
    renderWizard(fake)
    await toReview()
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    const heading = await screen.findByRole('heading', { level: 3, name: 'Starting up' })
    // The step's heading takes the focus as the step arrives (an effect after the create's reply): only then does
    // the user move it, as a click before that would be undone.
    await waitFor(() => expect(heading).toHaveFocus())
    const check = screen.getByRole('button', { name: 'Check now' })
    check.focus()
    // Pressing it keeps the focus there while it asks.
    fireEvent.click(check)
    expect(check).toHaveTextContent('Checking…')
    expect(check).toHaveFocus()
    await waitFor(() => expect(fake.refreshes).toBe(1))
    await waitFor(() => expect(check).toHaveTextContent('Check now'))

    act(() =>
      fake.emit('nodes:changed', profileNodes([node(101, 'node-01', { status: 'RUNNING', publicIp: '203.0.113.70' })]))
    )
    expect(screen.getByTestId('cw-follow-summary')).toHaveTextContent('The node is running.')
    expect(heading).toHaveTextContent('Running')
    expect(screen.queryByRole('button', { name: 'Check now' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus()
  })

  it('says so in the heading when a node fails to start', async () => {
    const fake = createFakeBridge()
    renderWizard(fake)
    await toReview()
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    const heading = await screen.findByRole('heading', { level: 3, name: 'Starting up' })
    act(() => fake.emit('nodes:changed', profileNodes([node(101, 'node-01', { status: 'FAILED' })])))
    expect(heading).toHaveTextContent('Failed to start')
  })

  it('catches up from the snapshot when the node is already running', async () => {
    const fake = createFakeBridge()
    renderWizard(fake)
    await toReview()
    fake.snapshot = [profileNodes([node(101, 'node-01', { status: 'RUNNING', publicIp: '203.0.113.60' })])]
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    expect(await screen.findByTestId('cw-ip')).toHaveTextContent('203.0.113.60')
    expect(screen.getByTestId('cw-follow-summary')).toHaveTextContent('The node is running.')
  })

  it('says when a node failed', async () => {
    const fake = createFakeBridge()
    renderWizard(fake)
    await toReview()
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    await screen.findByText('Starting up')
    act(() =>
      fake.emit('nodes:changed', profileNodes([node(101, 'node-01', { status: 'FAILED', rawStatus: 'Failed' })]))
    )
    expect(screen.getByTestId('cw-follow-summary')).toHaveTextContent('node-01 failed to start')
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }))
    await waitFor(() => expect(fake.refreshes).toBe(1))
  })
})
