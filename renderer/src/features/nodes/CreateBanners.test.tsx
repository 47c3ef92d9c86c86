import { fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { PendingCreate } from '../../../../shared/domain/node-state'
import { makeProfile, makeProfileNodes } from '../../../../tests/support/builders'
import { useUiStore } from '../../stores/ui.store'
import { CreateBanners } from './CreateBanners'

const profiles = { p: makeProfile({ id: 'p', name: 'Prod' }) }
const withCreates = (creates: PendingCreate[]) => [makeProfileNodes({ profileId: 'p', creates })]
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString()

afterEach(() => useUiStore.setState({ createRequested: false }))

describe('create banners', () => {
  it('a create being sent or checked has a banner with its profile; a created one has none (its row stands for it)', () => {
    render(
      <CreateBanners
        states={withCreates([
          { requestId: 'a', names: ['web-09'], state: 'sending', checkAfter: null },
          { requestId: 'b', names: ['qa-node'], state: 'checking', checkAfter: inSeconds(45) },
          { requestId: 'c', names: ['made'], state: 'created', checkAfter: null }
        ])}
        profiles={profiles}
      />
    )
    const banners = screen.getAllByTestId('create-banner')
    expect(banners).toHaveLength(2)
    expect(banners[0]).toHaveTextContent('web-09 · Creating… (Prod)')
    expect(banners[1]).toHaveTextContent(/^Checking whether E2E created qa-node… 4\d s left \(Prod\)/)
    expect(banners[1]).toHaveTextContent('a second node is never made')
  })

  it('a create E2E did not make says so, offers to create again (the wizard keeps the draft) and can be dismissed', () => {
    render(
      <CreateBanners
        states={withCreates([{ requestId: 'd', names: ['gone'], state: 'not_created', checkAfter: null }])}
        profiles={profiles}
      />
    )
    const banner = screen.getByTestId('create-banner')
    expect(banner).toHaveTextContent('E2E did not create gone (Prod)')
    expect(banner).toHaveTextContent('nothing is billed for it')
    fireEvent.click(within(banner).getByRole('button', { name: 'Create again' }))
    expect(useUiStore.getState().createRequested).toBe(true)
    fireEvent.click(within(banner).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByTestId('create-banner')).toBeNull()
  })

  it('nothing when no create is open', () => {
    const { container } = render(<CreateBanners states={withCreates([])} profiles={profiles} />)
    expect(container).toBeEmptyDOMElement()
  })
})
