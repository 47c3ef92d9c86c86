import { describe, expect, it } from 'vitest'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { TrayMenuModel } from '../../../../shared/domain/tray'
import { installFake, resetStoresAfterEach } from '../../testing/setup-fake'
import { TrayPreview } from './TrayPreview'

resetStoresAfterEach()

const model: TrayMenuModel = {
  icon: 'changing',
  title: '3',
  tooltip: 'Nodetray: 3 running',
  items: [
    { id: 'header:p1', label: 'Production', type: 'header', enabled: false },
    {
      id: 'node:p1:7',
      label: 'web-7',
      type: 'submenu',
      enabled: true,
      children: [
        { id: 'node:p1:7:power_on', label: 'Power on', type: 'normal', enabled: false, sublabel: 'Already running' },
        { id: 'node:p1:7:reboot', label: 'Reboot', type: 'normal', enabled: true }
      ]
    },
    { id: 'sep1', label: '', type: 'separator', enabled: true },
    { id: 'app:quit', label: 'Quit', type: 'normal', enabled: true }
  ]
}

describe('tray preview', () => {
  it('draws the menu with icon state, expandable submenus and disabled reasons; clicks activate', async () => {
    const fake = installFake({ 'tray:model': () => model })
    render(<TrayPreview />)
    expect(await screen.findByText('Something is changing')).toBeInTheDocument()
    expect(screen.getByText('Production')).toBeInTheDocument()
    const sub = screen.getByRole('button', { name: /web-7/ })
    expect(sub).toHaveAttribute('aria-expanded', 'false')
    fireEvent.click(sub)
    const powerOn = screen.getByRole('button', { name: 'Power on' })
    expect(powerOn).toBeDisabled()
    expect(powerOn).toHaveAccessibleDescription('Already running')
    fireEvent.click(screen.getByRole('button', { name: 'Reboot' }))
    await waitFor(() => expect(fake.callsTo('tray:activate')).toEqual([{ itemId: 'node:p1:7:reboot' }]))
  })

  it('follows tray:changed', async () => {
    const fake = installFake({ 'tray:model': () => model })
    render(<TrayPreview />)
    await screen.findByText('Quit')
    act(() =>
      fake.emit('tray:changed', {
        ...model,
        icon: 'offline',
        items: [{ id: 'x', label: 'Offline item', type: 'normal', enabled: true }]
      })
    )
    expect(screen.getByText('Offline item')).toBeInTheDocument()
    expect(screen.getByText('Offline')).toBeInTheDocument()
  })
})
