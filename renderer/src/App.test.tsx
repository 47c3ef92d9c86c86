import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { App } from './App'
import { makeProfile, makeProfileNodes, makeNode } from '../../tests/support/builders'
import { installFake, resetStoresAfterEach, stubJsdomViewport } from '../../tests/support/renderer/setup-fake'

resetStoresAfterEach()
stubJsdomViewport()

const demo = makeProfile({ id: 'demo', name: 'Demo', isDemo: true })

describe('app shell and first run', () => {
  it('shows the version and the three first-run choices when the user has no profile', async () => {
    installFake({}, { profiles: [demo], snapshot: [makeProfileNodes({ profileId: 'demo', nodes: [makeNode()] })] })
    render(<App />)
    expect(await screen.findByTestId('first-run')).toBeInTheDocument()
    expect(screen.getByTestId('app-version')).toHaveTextContent('v0.1.0')
    expect(screen.getByRole('button', { name: /Explore the demo/ })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /Add your E2E project/ })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /Import/ })).toBeInTheDocument()
  })

  it('"Explore the demo" opens the node list and remembers the choice', async () => {
    installFake(
      {},
      { profiles: [demo], snapshot: [makeProfileNodes({ profileId: 'demo', nodes: [makeNode({ name: 'demo-web' })] })] }
    )
    render(<App />)
    fireEvent.click(await screen.findByRole('button', { name: /Explore the demo/ }))
    expect(await screen.findByRole('button', { name: 'demo-web' })).toBeInTheDocument()
    expect(screen.queryByTestId('first-run')).not.toBeInTheDocument()
    expect(localStorage.getItem('nodetray.firstRunDone')).toBe('1')
    // The choice that was pressed went with the first-run screen: the list's title has focus, not <body>.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Nodes' })).toHaveFocus())
  })

  it('started to open on the demo (npm start from a checkout): the demo list, no first-run screen', async () => {
    installFake(
      {},
      {
        info: {
          name: 'Nodetray',
          version: '0.1.0',
          platform: 'linux',
          demoMode: true,
          startsOnDemo: true,
          preview: false,
          notices: []
        },
        profiles: [demo],
        snapshot: [makeProfileNodes({ profileId: 'demo', nodes: [makeNode({ name: 'demo-web' })] })]
      }
    )
    render(<App />)
    expect(await screen.findByRole('button', { name: 'demo-web' })).toBeInTheDocument()
    expect(screen.queryByTestId('first-run')).not.toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Nodes' })).toHaveAttribute('aria-selected', 'true')
    // Nothing is remembered: a start without the flag still offers the first run.
    expect(localStorage.getItem('nodetray.firstRunDone')).toBeNull()
  })

  it('"Add a profile" shows the form', async () => {
    installFake({}, { profiles: [demo] })
    render(<App />)
    fireEvent.click(await screen.findByRole('button', { name: /Add your E2E project/ }))
    expect(screen.getByTestId('profile-form')).toBeInTheDocument()
  })

  it('skips the first run once the user has a profile', async () => {
    installFake(
      {},
      { profiles: [makeProfile()], snapshot: [makeProfileNodes({ nodes: [makeNode({ name: 'prod-1' })] })] }
    )
    render(<App />)
    expect(await screen.findByRole('button', { name: 'prod-1' })).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Nodes' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.queryByRole('tab', { name: 'Tray' })).not.toBeInTheDocument()
  })

  it('one main landmark holds the tab panel, which the selected tab names and controls', async () => {
    installFake(
      {},
      { profiles: [makeProfile()], snapshot: [makeProfileNodes({ nodes: [makeNode({ name: 'prod-1' })] })] }
    )
    render(<App />)
    await screen.findByRole('button', { name: 'prod-1' })
    const main = screen.getByRole('main')
    const panel = within(main).getByRole('tabpanel', { name: 'Nodes' })
    expect(screen.getByRole('tab', { name: 'Nodes' })).toHaveAttribute('aria-controls', panel.id)
    expect(panel).toContainElement(screen.getByRole('button', { name: 'prod-1' }))
    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }))
    expect(await within(main).findByRole('tabpanel', { name: 'Settings' })).toBe(panel)
  })

  it('follows app:navigated to a node and to settings', async () => {
    const fake = installFake(
      {},
      { profiles: [makeProfile()], snapshot: [makeProfileNodes({ nodes: [makeNode({ id: 5, name: 'prod-5' })] })] }
    )
    render(<App />)
    await screen.findByRole('button', { name: 'prod-5' })
    fake.emit('app:navigated', { view: 'node', profileId: 'p1', nodeId: 5 })
    expect(await screen.findByTestId('node-detail')).toHaveTextContent('prod-5')
    fake.emit('app:navigated', { view: 'settings' })
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Settings' })).toBeInTheDocument())
  })

  it('shows a toast for notifications:shown', async () => {
    const fake = installFake({}, { profiles: [makeProfile()] })
    render(<App />)
    await screen.findByRole('tab', { name: 'Nodes' })
    fake.emit('notifications:shown', {
      id: 'n1',
      title: 'web-1 is running',
      body: 'Powered on',
      at: new Date().toISOString(),
      profileId: 'p1',
      nodeId: 1
    })
    expect(await screen.findByTestId('toast')).toHaveTextContent('web-1 is running')
  })
})

describe('startup notices', () => {
  it('shows a notice from app:info until dismissed', async () => {
    const fake = installFake({}, { profiles: [makeProfile()] })
    fake.state.info = {
      ...fake.state.info,
      notices: [
        { id: 'bad-file', level: 'warning', message: 'profiles.json could not be read; a copy was kept aside.' }
      ]
    }
    render(<App />)
    expect(await screen.findByTestId('app-notice')).toHaveTextContent('profiles.json could not be read')
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    await waitFor(() => expect(screen.queryByTestId('app-notice')).not.toBeInTheDocument())
    expect(fake.callsTo('app:dismiss-notice')).toEqual([{ id: 'bad-file' }])
  })
})
