// After an ambiguous failure the wizard shows main's check ("Checking whether E2E created it… 45 s left") instead of
// Retry, then follows the outcome: the node when E2E made it, Retry when it did not. Nothing is created while that
// check is open, and when it finds the node made after the draft changed, one more node needs its own yes.
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PendingCreate } from '../../../../shared/domain/node-state'
import { createFakeBridge, type FakeBridge } from '../../../../tests/support/renderer/wizard-fake-bridge'
import { node, profileNodes } from '../../../../tests/support/renderer/wizard-fixtures'
import {
  nextButton,
  renderWizard,
  setName,
  teardown,
  toReview
} from '../../../../tests/support/renderer/wizard-test-utils'

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

async function failAmbiguously(fake: FakeBridge): Promise<ReturnType<typeof renderWizard>> {
  fake.createAnswers = [
    { error: { code: 'RATE_LIMITED', message: 'E2E is limiting requests (429).', createOutcome: 'unknown' } },
    {
      outcome: 'recovered',
      nodes: [node(101, 'node-01')],
      message: 'E2E did not confirm the request, but node-01 was created'
    }
  ]
  const rendered = renderWizard(fake)
  await toReview()
  const snapshotsBefore = fake.api.callsTo('nodes:snapshot').length
  fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
  await screen.findByTestId('cw-create-failure')
  // The check listens from an effect that asks for a snapshot once subscribed: events before that would be missed.
  await waitFor(() => expect(fake.api.callsTo('nodes:snapshot').length).toBeGreaterThan(snapshotsBefore))
  return rendered
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

  // Outside tester: "Back to review" while checking offered an enabled Create node; pressing it came back to the
  // checking screen with a second, frozen countdown ("It will know in about 51 s") under the ticking one.
  it('keeps Create node disabled, saying why, while main checks this create; enabled once it knows', async () => {
    const fake = createFakeBridge()
    await failAmbiguously(fake)
    checkState(fake, 'checking')
    await screen.findByTestId('cw-create-checking')
    fireEvent.click(screen.getByRole('button', { name: 'Back to review' }))
    await screen.findByTestId('cw-cost')
    const button = screen.getByRole('button', { name: 'Create node' })
    const reason = 'Nodetray is checking whether E2E created node-01; it can be tried again once that is known.'
    expect(button).toBeDisabled()
    expect(button).toHaveAttribute('title', reason)
    expect(button).toHaveAccessibleDescription(reason)
    fireEvent.click(button)
    expect(fake.creates).toHaveLength(1)
    // Said on the step too, with main's countdown, and the way back to the check (the stepper has none).
    expect(screen.getByTestId('cw-review-checking')).toHaveTextContent('Checking whether E2E created node-01…')
    fireEvent.click(screen.getByRole('button', { name: 'Show the check' }))
    expect(await screen.findByTestId('cw-create-checking')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Back to review' }))
    await screen.findByTestId('cw-cost')

    checkState(fake, 'not_created')
    expect(screen.getByRole('button', { name: 'Create node' })).toBeEnabled()
    expect(screen.queryByTestId('cw-review-checking')).not.toBeInTheDocument()
  })

  // Review finding: a create that leaves main's list (a retry E2E refused outright, or a settled entry aged out) kept
  // its last state here, "sending", and held Create disabled until the wizard was closed.
  it('a create that main no longer lists is not open: Create node is enabled again', async () => {
    const fake = createFakeBridge()
    await failAmbiguously(fake)
    checkState(fake, 'sending')
    fireEvent.click(await screen.findByRole('button', { name: 'Back to review' }))
    await screen.findByTestId('cw-cost')
    expect(screen.getByRole('button', { name: 'Create node' })).toBeDisabled()
    act(() => fake.emit('nodes:changed', { ...profileNodes([node(7, 'web-01', { status: 'RUNNING' })]), creates: [] }))
    expect(screen.getByRole('button', { name: 'Create node' })).toBeEnabled()
  })

  it('keeps Create node waiting after the choices change: main still checks the first create', async () => {
    const fake = createFakeBridge()
    await failAmbiguously(fake)
    checkState(fake, 'checking')
    await screen.findByTestId('cw-create-checking')
    fireEvent.click(screen.getByRole('button', { name: 'Back to review' }))
    await screen.findByTestId('cw-cost')
    fireEvent.click(screen.getByRole('button', { name: 'Edit name and access' }))
    setName('node-02')
    fireEvent.click(nextButton())
    await screen.findByTestId('cw-cost')
    const button = screen.getByRole('button', { name: 'Create node' })
    expect(button).toBeDisabled()
    expect(button).toHaveAccessibleDescription(
      'Nodetray is checking whether E2E created node-01; it can be tried again once that is known.'
    )
    // The notice stays; the create step now belongs to the new choices, so it offers no way there.
    expect(screen.getByTestId('cw-review-checking')).toHaveTextContent('Checking whether E2E created node-01…')
    expect(screen.queryByRole('button', { name: 'Show the check' })).not.toBeInTheDocument()

    checkState(fake, 'not_created')
    expect(screen.getByRole('button', { name: 'Create node' })).toBeEnabled()
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    await screen.findByTestId('cw-recovered')
    expect(fake.creates[1]?.name).toBe('node-02')
    expect(fake.creates[1]?.requestId).not.toBe(fake.creates[0]?.requestId)
  })

  it('a Retry refused while main checks shows one countdown, the ticking one, and the first failure', async () => {
    const fake = createFakeBridge()
    fake.createAnswers = [
      { error: { code: 'SERVER', message: 'E2E answered 502.', createOutcome: 'unknown' } },
      {
        error: {
          code: 'PRECONDITION',
          message:
            'Nodetray is still checking whether E2E created node-01. It will know in about 51 s; Retry is possible then.',
          createOutcome: 'unknown',
          retryAfterMs: 51_000
        }
      }
    ]
    renderWizard(fake)
    await toReview()
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    await screen.findByTestId('cw-create-failure')
    // Before main's check has reached the window, Retry is still offered: main refuses it.
    const snapshotsBefore = fake.api.callsTo('nodes:snapshot').length
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(fake.api.callsTo('nodes:snapshot').length).toBeGreaterThan(snapshotsBefore))
    expect(fake.creates).toHaveLength(2)
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] })
    checkState(fake, 'checking', NOW + 29_000)
    const checking = await screen.findByTestId('cw-create-checking')
    expect(checking).toHaveTextContent('Checking whether E2E created node-01… 29 s left')
    expect(checking).toHaveTextContent('E2E had a server error.')
    expect(checking).not.toHaveTextContent(/It will know|\b51 s\b/)
    expect(checking.textContent?.match(/\d+ s\b/g)).toEqual(['29 s'])
    act(() => {
      vi.advanceTimersByTime(4_000)
    })
    expect(checking.textContent?.match(/\d+ s\b/g)).toEqual(['25 s'])
  })
})

/** main's word on the first create (creates[0]), with main's node list: node-01 there once E2E made it. */
function settleFirst(fake: FakeBridge, state: PendingCreate['state'], nodes = [node(7, 'web-01')]): void {
  const requestId = fake.creates[0]?.requestId ?? ''
  act(() =>
    fake.emit('nodes:changed', {
      ...profileNodes(nodes),
      creates: [{ requestId, names: ['node-01'], state, checkAfter: new Date(NOW).toISOString() }]
    })
  )
}

/** From the create step of an ambiguous failure: back to the review, rename the draft to node-02, review again. */
async function renameToNode02(): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: 'Back to review' }))
  await screen.findByTestId('cw-cost')
  fireEvent.click(screen.getByRole('button', { name: 'Edit name and access' }))
  setName('node-02')
  fireEvent.click(nextButton())
  await screen.findByTestId('cw-cost')
}

function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('create: an earlier create of this wizard made its node after all', () => {
  // Review finding: node-01 failed ambiguously, the draft was renamed to node-02, main then found node-01. The notice
  // went away, Create node came back, nothing said node-01 existed, and one click made node-02: two billed nodes.
  it('says so on the review, and Create node for the changed draft asks first, saying it bills a second node', async () => {
    const fake = createFakeBridge()
    await failAmbiguously(fake)
    fake.createAnswers = [{ outcome: 'created', nodes: [node(102, 'node-02')], message: 'Created node-02' }]
    settleFirst(fake, 'checking')
    await renameToNode02()
    expect(screen.getByRole('button', { name: 'Create node' })).toBeDisabled()

    settleFirst(fake, 'created', [node(7, 'web-01'), node(101, 'node-01')])
    const notice = screen.getByTestId('cw-made-before')
    expect(notice).toHaveTextContent('node-01 was created after all.')
    expect(notice).toHaveTextContent('Creating node-02 as well makes a second node, billed too.')
    expect(screen.queryByTestId('cw-review-checking')).not.toBeInTheDocument()

    // Main forgetting the settled create later changes nothing: what the wizard saw stays said.
    act(() => fake.emit('nodes:changed', { ...profileNodes([node(7, 'web-01'), node(101, 'node-01')]), creates: [] }))
    expect(screen.getByTestId('cw-made-before')).toHaveTextContent('node-01 was created after all.')

    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    const ask = screen.getByRole('alertdialog', { name: 'Create a second node?' })
    expect(ask).toHaveTextContent(
      'node-01 was created after all, and E2E bills it. Creating node-02 now makes a second node, billed as well: ₹2.70/hour, about ₹1,971/month.'
    )
    expect(ask).toHaveAccessibleDescription(/^node-01 was created after all, and E2E bills it\./)
    expect(screen.getByRole('button', { name: "Don't create" })).toHaveFocus()
    expect(fake.creates).toHaveLength(1)
    fireEvent.click(screen.getByRole('button', { name: "Don't create" }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(fake.creates).toHaveLength(1)

    // Esc answers no, too.
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    fireEvent.keyDown(screen.getByRole('button', { name: "Don't create" }), { key: 'Escape' })
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(fake.creates).toHaveLength(1)

    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    fireEvent.click(screen.getByRole('button', { name: 'Create node-02 as well' }))
    await screen.findByTestId('cw-follow-summary')
    expect(fake.creates).toHaveLength(2)
    expect(fake.creates[1]?.name).toBe('node-02')
    expect(fake.creates[1]?.requestId).not.toBe(fake.creates[0]?.requestId)
  })

  it('opens the node that was made, and the changed draft goes with the wizard', async () => {
    const fake = createFakeBridge()
    const { onCreated } = await failAmbiguously(fake)
    settleFirst(fake, 'checking')
    await renameToNode02()
    await waitFor(() => expect(fake.api.state.wizardDraft?.draft.name).toBe('node-02'))
    settleFirst(fake, 'created', [node(7, 'web-01'), node(101, 'node-01')])
    fireEvent.click(screen.getByRole('button', { name: 'Open node-01' }))
    expect(onCreated).toHaveBeenCalledWith([101], 'p1')
    expect(fake.creates).toHaveLength(1)
    // node-02 was only ever a rename of node-01: it is not kept to be offered again.
    await waitFor(() => expect(fake.api.state.wizardDraft).toBeNull())
  })

  it('a change after the confirmation asks again', async () => {
    const fake = createFakeBridge()
    await failAmbiguously(fake)
    fake.createAnswers = [
      { error: { code: 'NO_CREDIT', message: 'Not enough credit.', createOutcome: 'not_created' } },
      { outcome: 'created', nodes: [node(103, 'node-03')], message: 'Created node-03' }
    ]
    settleFirst(fake, 'checking')
    await renameToNode02()
    settleFirst(fake, 'created', [node(7, 'web-01'), node(101, 'node-01')])
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    fireEvent.click(screen.getByRole('button', { name: 'Create node-02 as well' }))
    await screen.findByText(/does not have enough credit/)
    expect(fake.creates).toHaveLength(2)
    fireEvent.click(screen.getByRole('button', { name: 'Back to review' }))
    await screen.findByTestId('cw-cost')
    fireEvent.click(screen.getByRole('button', { name: 'Edit name and access' }))
    setName('node-03')
    fireEvent.click(nextButton())
    await screen.findByTestId('cw-cost')
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    expect(screen.getByRole('alertdialog', { name: 'Create a second node?' })).toHaveTextContent(
      'Creating node-03 now makes a second node'
    )
    expect(fake.creates).toHaveLength(2)
  })
})

describe('create: nothing goes out while a create of this wizard is checked', () => {
  // Create node-01 fails before main's check reaches the window, a renamed node-02 goes out and is refused; then the
  // check of node-01 arrives. Retrying node-02 now could leave two nodes billed: it waits, and says why.
  it('Retry of a later create waits while main checks the first one, saying why, and sends nothing', async () => {
    const fake = createFakeBridge()
    await failAmbiguously(fake)
    fake.createAnswers = [
      { error: { code: 'SERVER', message: 'E2E answered 503.', createOutcome: 'not_created' } },
      { outcome: 'created', nodes: [node(102, 'node-02')], message: 'Created node-02' }
    ]
    await renameToNode02()
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    expect(await screen.findByTestId('cw-create-failure')).toHaveTextContent('The node was not created.')
    expect(fake.creates.map((c) => c.name)).toEqual(['node-01', 'node-02'])

    settleFirst(fake, 'checking')
    const retry = screen.getByRole('button', { name: 'Retry' })
    const reason = 'Nodetray is checking whether E2E created node-01; it can be tried again once that is known.'
    expect(retry).toBeDisabled()
    expect(retry).toHaveAccessibleDescription(reason)
    fireEvent.click(retry)
    expect(fake.creates).toHaveLength(2)

    settleFirst(fake, 'not_created')
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await screen.findByTestId('cw-follow-summary')
    expect(fake.creates.map((c) => c.name)).toEqual(['node-01', 'node-02', 'node-02'])
  })

  // The step's own check says "created" before the wizard's other copy of it hears: the node opens, it does not wait
  // for that copy (the step and the block read one source).
  it('opens the node as soon as the step knows it was created, even when the other copy of the check lags', async () => {
    const fake = createFakeBridge()
    const refusal = deferred<{ error: { code: 'PRECONDITION'; message: string; createOutcome: 'unknown' } }>()
    fake.createAnswers = [
      { error: { code: 'SERVER', message: 'E2E answered 502.', createOutcome: 'unknown' } },
      refusal.promise,
      { outcome: 'recovered', nodes: [node(101, 'node-01')], message: 'node-01 was created' }
    ]
    renderWizard(fake)
    await toReview()
    const snapshots = fake.api.callsTo('nodes:snapshot').length
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    await screen.findByTestId('cw-create-failure')
    await waitFor(() => expect(fake.api.callsTo('nodes:snapshot').length).toBeGreaterThan(snapshots))
    // Retry before the check reaches the window; while it is out, main says it checks.
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    settleFirst(fake, 'checking')
    // When the refusal comes back the step asks main again, and main's list by then has node-01.
    const requestId = fake.creates[0]?.requestId ?? ''
    fake.snapshot = [
      {
        ...profileNodes([node(7, 'web-01'), node(101, 'node-01')]),
        creates: [{ requestId, names: ['node-01'], state: 'created', checkAfter: new Date(NOW).toISOString() }]
      }
    ]
    await act(async () => {
      refusal.resolve({
        error: {
          code: 'PRECONDITION',
          message: 'Nodetray is still checking whether E2E created node-01.',
          createOutcome: 'unknown'
        }
      })
      await refusal.promise
    })
    expect(await screen.findByTestId('cw-recovered')).toHaveTextContent('The node was created.')
    expect(fake.creates.map((c) => c.requestId)).toEqual([requestId, requestId, requestId])
  })
})
