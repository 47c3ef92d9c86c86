import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfileNodes } from '../../../../tests/support/builders'
import { PollingBar } from './PollingBar'

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString()

describe('PollingBar', () => {
  it('shows the cadence while the data is healthy', () => {
    const state = makeProfileNodes({
      polling: { paused: false, intervalMs: 60_000, nextPollAt: inMs(60_000), requestsLastHour: 3 }
    })
    render(<PollingBar states={[state]} />)
    expect(screen.getByTestId('polling-status')).toHaveTextContent('Polling every 1 min')
  })

  it('shows when the next try is while every profile is backing off', () => {
    const state = makeProfileNodes({
      error: { code: 'RATE_LIMITED', message: 'Rate limited', reason: 'rate_limited', retryAfterMs: 120_000 },
      polling: { paused: false, intervalMs: 5_000, nextPollAt: inMs(119_000), requestsLastHour: 9 }
    })
    render(<PollingBar states={[state]} />)
    expect(screen.getByTestId('polling-status')).toHaveTextContent('Next try in 2 min')
  })

  // Outside tester: "Updated 1 min ago · Polling every 5 s" (the oldest list beside the fastest profile) read as stuck.
  it('profiles polling at different paces show the range', () => {
    const polling = (intervalMs: number) => ({
      paused: false,
      intervalMs,
      nextPollAt: inMs(intervalMs),
      requestsLastHour: 3
    })
    render(
      <PollingBar
        states={[
          makeProfileNodes({ profileId: 'a', polling: polling(5_000) }),
          makeProfileNodes({ profileId: 'b', polling: polling(60_000) })
        ]}
      />
    )
    expect(screen.getByTestId('polling-status')).toHaveTextContent('Polling every 5 s to 1 min')
  })
})
