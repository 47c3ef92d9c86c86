// After an ambiguous failure the wizard shows main's check ("Checking whether E2E created it… 45 s left") instead of
// Retry, then follows the outcome: the node when E2E made it, Retry when it did not.
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PendingCreate } from '../../../../shared/domain/node-state'
import { createFakeBridge, type FakeBridge } from '../../../../tests/support/renderer/wizard-fake-bridge'
import { node, profileNodes } from '../../../../tests/support/renderer/wizard-fixtures'
import { renderWizard, teardown, toReview } from '../../../../tests/support/renderer/wizard-test-utils'

afterEach(() => {
  vi.useRealTimers()
  teardown()
})

const NOW = Date.parse('2026-02-03T08:00:00.000Z')

function checkState(fake: FakeBridge, state: PendingCreate['state'], checkAfterMs = NOW + 45_000): void {
  const requestId = fake.creates[0]?.requestId ?? ''
  act(() =>
    fake.emit('nodes:changed', {
      ...profileNodes([node(7, 'web-01', { status: 'RUNNING' })]),
      creates: [{ requestId, names: ['node-01'], state, checkAfter: new Date(checkAfterMs).toISOString() }]
    })
  )
}

async function failAmbiguously(fake: FakeBridge): Promise<void> {
  fake.createAnswers = [
    { error: { code: 'RATE_LIMITED', message: 'E2E is limiting requests (429).', createOutcome: 'unknown' } },
    {
      outcome: 'recovered',
      nodes: [node(101, 'node-01')],
      message: 'E2E did not confirm the request, but node-01 was created'
    }
  ]
  renderWizard(fake)
  await toReview()
  const snapshotsBefore = fake.api.callsTo('nodes:snapshot').length
  fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
  await screen.findByTestId('cw-create-failure')
  // The check listens from an effect that asks for a snapshot once subscribed: events before that would be missed.
  await waitFor(() => expect(fake.api.callsTo('nodes:snapshot').length).toBeGreaterThan(snapshotsBefore))
}

describe('create: outcome unknown', () => {
  it('shows "Checking whether E2E created it…" with the time left and no Retry; then opens the node E2E made', async () => {
    const fake = createFakeBridge()
    await failAmbiguously(fake)
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] })
    checkState(fake, 'checking')
    const checking = screen.getByTestId('cw-create-checking')
    expect(checking).toHaveTextContent('Checking whether E2E created node-01… 45 s left')
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument()
    act(() => {
      vi.advanceTimersByTime(15_000)
    })
    expect(checking).toHaveTextContent('30 s left')
    vi.useRealTimers()

    checkState(fake, 'created')
    expect(await screen.findByTestId('cw-recovered')).toHaveTextContent('The node was created.')
    // The same request asked again: main answers with the node, no second create.
    expect(fake.creates.map((c) => c.requestId)).toEqual([fake.creates[0]?.requestId, fake.creates[0]?.requestId])
  })

  it('offers Retry only once main has seen that E2E did not create it', async () => {
    const fake = createFakeBridge()
    await failAmbiguously(fake)
    checkState(fake, 'checking')
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument()
    checkState(fake, 'not_created')
    expect(screen.getByTestId('cw-create-failure')).toHaveTextContent('The node was not created.')
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await screen.findByTestId('cw-recovered')
    expect(fake.creates).toHaveLength(2)
    expect(fake.creates[1]?.requestId).toBe(fake.creates[0]?.requestId)
  })
})
