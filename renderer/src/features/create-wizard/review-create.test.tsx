import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CreateNodeResult } from '../../../../shared/ipc/contract'
import { createFakeBridge } from '../../../../tests/support/renderer/wizard-fake-bridge'
import { node } from '../../../../tests/support/renderer/wizard-fixtures'
import {
  nextButton,
  renderWizard,
  teardown,
  toOptions,
  toReview
} from '../../../../tests/support/renderer/wizard-test-utils'

afterEach(teardown)

const createButton = () => screen.getByRole('button', { name: /^Create (node|\d nodes)$/ })

function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('review', () => {
  it('multiplies the hourly and monthly price by the count', async () => {
    renderWizard()
    await toReview({ sku: 'C3.8GB', count: 3 })
    expect(screen.getByTestId('cw-cost-hourly')).toHaveTextContent('₹8.10/hour')
    expect(screen.getByTestId('cw-cost-monthly')).toHaveTextContent('About ₹5,913/month (₹2.70/hour × 3 nodes)')
    expect(screen.getByText('node-01-1, node-01-2, node-01-3')).toBeInTheDocument()
    expect(createButton()).toHaveTextContent('Create 3 nodes')
  })

  it('shows the committed total for all nodes and the term', async () => {
    renderWizard()
    await toReview({ sku: 'C3.8GB', count: 2, committedDays: 90 })
    expect(screen.getByTestId('cw-cost-committed')).toHaveTextContent('₹11,200 for 90 days')
    expect(screen.getByTestId('cw-cost')).toHaveTextContent('₹5,600 × 2 nodes, billed in full at creation')
    expect(screen.getByText('Committed, 90 days (₹5,600 per node)')).toBeInTheDocument()
  })

  it('lists every choice', async () => {
    renderWizard()
    await toReview()
    const facts = document.querySelector('.cw-summary') as HTMLElement
    for (const text of [
      'Chennai · project 51734',
      'Ubuntu 24.04',
      'C3.8GB',
      'node-01',
      'laptop',
      'Default network',
      'default-group (default)',
      'A new IP',
      'Hourly'
    ]) {
      expect(facts).toHaveTextContent(text)
    }
  })
})

describe('review: start script', () => {
  async function reviewWithScript(script: string): Promise<HTMLElement> {
    renderWizard()
    await toOptions()
    fireEvent.click(screen.getByRole('checkbox', { name: /laptop/ }))
    fireEvent.change(screen.getByLabelText('Start script (optional)'), { target: { value: script } })
    await waitFor(() => expect(nextButton()).toBeEnabled())
    fireEvent.click(nextButton())
    await screen.findByTestId('cw-cost')
    return screen.getByTestId('cw-summary')
  }

  it('says "1 line" for a one-line script', async () => {
    const summary = await reviewWithScript('echo hi')
    expect(summary).toHaveTextContent('1 line, runs as root at first boot')
    expect(summary).not.toHaveTextContent('line(s)')
  })

  it('says "2 lines" for two lines, whichever line ending', async () => {
    const summary = await reviewWithScript('#!/bin/sh\r\necho hi\n')
    expect(summary).toHaveTextContent('2 lines, runs as root at first boot')
    expect(summary).not.toHaveTextContent('line(s)')
  })
})

describe('create', () => {
  it('sends the choices once per click, with the plan slug and the key text', async () => {
    const { fake } = renderWizard()
    await toReview({ sku: 'C3.8GB', committedDays: 365 })
    const button = createButton()
    fireEvent.click(button)
    fireEvent.click(button)
    await screen.findByText('Starting up')
    expect(fake.creates).toHaveLength(1)
    expect(fake.creates[0]).toMatchObject({
      profileId: 'p1',
      name: 'node-01',
      plan: 'C3-4vCPU-8RAM-100DISK-C3.8GB-Ubuntu-24.04-Chennai',
      image: 'Ubuntu-24.04-Distro',
      count: 1,
      sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIlaptopkey me@laptop'],
      securityGroupId: 10,
      backups: false,
      ipv6: false,
      committedSkuId: 4171
    })
    expect(fake.creates[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(fake.creates[0]).not.toHaveProperty('disk')
    expect(fake.creates[0]).not.toHaveProperty('reserveIp')
  })

  it('disables Create and Cancel while the call is in flight', async () => {
    const fake = createFakeBridge()
    const slow = deferred<CreateNodeResult>()
    fake.createAnswers = [slow.promise]
    renderWizard(fake)
    await toReview()
    fireEvent.click(createButton())
    expect(await screen.findByText(/Asking E2E to create node-01/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled()
    expect(screen.queryByRole('button', { name: /^Create/ })).not.toBeInTheDocument()
    await act(async () =>
      slow.resolve({ outcome: 'created', nodes: [node(101, 'node-01')], message: 'Created node-01' })
    )
    await screen.findByText('Starting up')
    expect(fake.creates).toHaveLength(1)
  })

  it('after "not created", Retry sends the same requestId and then succeeds', async () => {
    const fake = createFakeBridge()
    fake.createAnswers = [
      {
        error: { code: 'RATE_LIMITED', message: 'Too many requests', createOutcome: 'not_created', retryAfterMs: 5000 }
      },
      { outcome: 'created', nodes: [node(101, 'node-01')], message: 'Created node-01' }
    ]
    renderWizard(fake)
    await toReview()
    fireEvent.click(createButton())
    const failure = await screen.findByTestId('cw-create-failure')
    expect(failure).toHaveTextContent('The node was not created.')
    expect(failure).toHaveTextContent('E2E is limiting requests right now. Wait 5 s before retrying.')
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await screen.findByText('Starting up')
    expect(fake.creates).toHaveLength(2)
    expect(fake.creates[1]?.requestId).toBe(fake.creates[0]?.requestId)
  })

  it('after an unknown outcome, says to check the node list and Retry reuses the requestId', async () => {
    const fake = createFakeBridge()
    fake.createAnswers = [
      { error: { code: 'TIMEOUT', message: 'E2E did not answer', createOutcome: 'unknown' } },
      { outcome: 'recovered', nodes: [node(101, 'node-01')], message: 'Found node-01 after the timeout.' }
    ]
    const { onClose } = renderWizard(fake)
    await toReview()
    fireEvent.click(createButton())
    const failure = await screen.findByTestId('cw-create-failure')
    expect(failure).toHaveTextContent(
      'We could not tell whether the node was created. Check the node list before retrying.'
    )
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findByTestId('cw-recovered')).toHaveTextContent('The node was created.')
    expect(fake.creates.map((c) => c.requestId)).toEqual([fake.creates[0]?.requestId, fake.creates[0]?.requestId])
    expect(onClose).not.toHaveBeenCalled()
  })

  it('changing a choice after a failure starts a new attempt with a new requestId', async () => {
    const fake = createFakeBridge()
    fake.createAnswers = [
      { error: { code: 'VALIDATION', message: 'E2E refused the name', field: 'name', createOutcome: 'not_created' } },
      { outcome: 'created', nodes: [node(101, 'node-02')], message: 'Created node-02' }
    ]
    renderWizard(fake)
    await toReview()
    fireEvent.click(createButton())
    expect(await screen.findByTestId('cw-create-failure')).toHaveTextContent('E2E refused the name')
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Back to options' }))
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'node-02' } })
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Create node' }))
    await screen.findByText('Starting up')
    expect(fake.creates).toHaveLength(2)
    expect(fake.creates[1]?.requestId).not.toBe(fake.creates[0]?.requestId)
    await waitFor(() => expect(fake.creates[1]?.name).toBe('node-02'))
  })
})
