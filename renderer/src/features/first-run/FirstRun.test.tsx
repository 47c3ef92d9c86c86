import { describe, expect, it } from 'vitest'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { loadAll } from '../../stores/events'
import { useUiStore } from '../../stores/ui.store'
import { focusOnArrival } from '../../lib/focus-on-arrival'
import { FirstRun } from './FirstRun'

resetStoresAfterEach()

describe('first run', () => {
  it('offers the real ways in first, and the demo marked as a sandbox', async () => {
    installFake()
    await act(() => loadAll())
    render(<FirstRun demoAvailable />)
    const choices = screen.getAllByRole('button', { name: /Add your E2E project|Import a token file|Explore the demo/ })
    expect(choices).toHaveLength(3)
    expect(choices[0]).toHaveTextContent(/^Add your E2E project/)
    expect(choices[1]).toHaveTextContent(/^Import a token file/)
    expect(choices[2]).toHaveTextContent(/^Explore the demo/)
    const demo = screen.getByRole('button', { name: /Explore the demo/ })
    expect(demo).toHaveTextContent('Demo sandbox')
    expect(demo).toHaveTextContent('Nothing you do there is real')
  })

  it('the demo is switched on only when picked', async () => {
    const fake = installFake()
    await act(() => loadAll())
    render(<FirstRun demoAvailable />)
    expect(fake.callsTo('settings:update')).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: /Explore the demo/ }))
    await waitFor(() => expect(fake.callsTo('settings:update')).toEqual([{ showDemo: true }]))
    await waitFor(() => expect(useUiStore.getState().firstRunDone).toBe(true))
  })

  it('without a demo backend only the real ways in are offered', async () => {
    installFake()
    await act(() => loadAll())
    render(<FirstRun demoAvailable={false} />)
    expect(screen.queryByRole('button', { name: /Explore the demo/ })).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: /Import a token file/ }))
    expect(screen.getByRole('heading', { name: 'Import a token file' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Back' }))
    expect(screen.getByRole('button', { name: /Add your E2E project/ })).toBeInTheDocument()
  })

  it('Enter on a choice moves focus to its panel’s heading; Back gives it to that choice again', async () => {
    installFake()
    await act(() => loadAll())
    render(<FirstRun demoAvailable={false} />)
    const choice = screen.getByRole('button', { name: /Import a token file/ })
    choice.focus()
    fireEvent.click(choice)
    expect(screen.getByRole('heading', { name: 'Import a token file' })).toHaveFocus()
    fireEvent.click(screen.getByRole('button', { name: 'Back' }))
    expect(screen.getByRole('button', { name: /Import a token file/ })).toHaveFocus()
    fireEvent.click(screen.getByRole('button', { name: /Add your E2E project/ }))
    expect(screen.getByRole('heading', { name: 'Add your E2E project' })).toHaveFocus()
  })

  it('takes focus on its heading when it replaces a screen that had it, and only then', async () => {
    installFake()
    await act(() => loadAll())
    const first = render(<FirstRun demoAvailable={false} />)
    expect(document.body).toHaveFocus()
    first.unmount()
    focusOnArrival('first-run')
    render(<FirstRun demoAvailable={false} />)
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Nodetray' })).toHaveFocus()
  })
})
