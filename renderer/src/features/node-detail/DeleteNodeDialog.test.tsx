import { describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { makeDetail, makeNode } from '../../../../tests/support/builders'
import { fail } from '../../../../tests/support/renderer/fake-api'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { DeleteNodeDialog } from './DeleteNodeDialog'

resetStoresAfterEach()

describe('delete dialog', () => {
  it('names the node, profile and IP, and deletes only after the exact name is typed', async () => {
    const fake = installFake()
    const onDeleted = vi.fn()
    render(
      <DeleteNodeDialog
        profileId="p1"
        profileName="Production"
        node={makeNode({ id: 9, name: 'web-9', publicIp: '164.52.0.9' })}
        onClose={() => undefined}
        onDeleted={onDeleted}
      />
    )
    const dialog = screen.getByRole('alertdialog', { name: 'Delete web-9?' })
    expect(dialog).toHaveTextContent('web-9 in profile Production with public IP 164.52.0.9')
    const del = screen.getByRole('button', { name: 'Delete node' })
    const input = screen.getByLabelText(/Type web-9 to confirm/)
    expect(del).toBeDisabled()
    fireEvent.change(input, { target: { value: 'WEB-9' } })
    expect(del).toBeDisabled()
    expect(screen.getByText('The name does not match yet.')).toBeInTheDocument()
    fireEvent.change(input, { target: { value: 'web-9' } })
    fireEvent.click(screen.getByLabelText('Keep the public IP as a reserved IP'))
    fireEvent.click(del)
    await waitFor(() => expect(onDeleted).toHaveBeenCalled())
    expect(fake.callsTo('nodes:delete')).toEqual([
      { profileId: 'p1', nodeId: 9, confirmName: 'web-9', reserveIp: true }
    ])
  })

  // Enter in the name field submits the form without touching the (disabled) button: the form itself must refuse.
  it('pressing Enter with the name missing or wrong deletes nothing', async () => {
    const fake = installFake()
    const onDeleted = vi.fn()
    render(
      <DeleteNodeDialog
        profileId="p1"
        profileName="Production"
        node={makeNode({ id: 9, name: 'web-9', publicIp: '164.52.0.9' })}
        onClose={() => undefined}
        onDeleted={onDeleted}
      />
    )
    const input = screen.getByLabelText(/Type web-9 to confirm/)
    const form = input.closest('form')!
    for (const typed of ['', 'web-', 'WEB-9', 'web-9 ', 'web-90']) {
      fireEvent.change(input, { target: { value: typed } })
      fireEvent.submit(form)
      await settle()
    }
    expect(fake.callsTo('nodes:delete')).toEqual([])
    expect(onDeleted).not.toHaveBeenCalled()
    expect(screen.getByRole('alertdialog', { name: 'Delete web-9?' })).toBeInTheDocument()

    // The same Enter with the exact name does delete: the refusals above were the guard, not a dead form.
    fireEvent.change(input, { target: { value: 'web-9' } })
    fireEvent.submit(form)
    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1))
    expect(fake.callsTo('nodes:delete')).toEqual([
      { profileId: 'p1', nodeId: 9, confirmName: 'web-9', reserveIp: false }
    ])
  })

  // A second Enter while the first delete is still on its way must not send another (E2E answers slowly).
  it('Enter twice while the delete is in flight sends one delete', async () => {
    let release: (v: { deleted: true }) => void = () => undefined
    const held = new Promise<{ deleted: true }>((resolve) => (release = resolve))
    const fake = installFake({ 'nodes:delete': () => held })
    const onDeleted = vi.fn()
    render(
      <DeleteNodeDialog
        profileId="p1"
        profileName="Production"
        node={makeNode({ id: 9, name: 'web-9' })}
        onClose={() => undefined}
        onDeleted={onDeleted}
      />
    )
    const input = screen.getByLabelText(/Type web-9 to confirm/)
    fireEvent.change(input, { target: { value: 'web-9' } })
    const form = input.closest('form')!
    fireEvent.submit(form)
    fireEvent.submit(form)
    await settle()
    fireEvent.submit(form)
    await act(async () => release({ deleted: true }))
    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1))
    expect(fake.callsTo('nodes:delete')).toHaveLength(1)
  })

  // A screen-reader user who reaches the disabled button (or its tooltip) hears why it is off, not just "dimmed".
  it('the disabled Delete node button says why: the name is not typed yet', () => {
    installFake()
    render(
      <DeleteNodeDialog
        profileId="p1"
        profileName="Production"
        node={makeNode({ id: 9, name: 'web-9' })}
        onClose={() => undefined}
        onDeleted={() => undefined}
      />
    )
    const del = screen.getByRole('button', { name: 'Delete node' })
    expect(del).toBeDisabled()
    expect(del).toHaveAccessibleDescription('Type web-9 above to confirm')
    expect(del).toHaveAttribute('title', 'Type web-9 above to confirm')
    fireEvent.change(screen.getByLabelText(/Type web-9 to confirm/), { target: { value: 'web-9' } })
    expect(del).toBeEnabled()
    expect(del).not.toHaveAttribute('aria-describedby')
  })

  it('refuses a locked node with the reason and no way to type', () => {
    const fake = installFake()
    render(
      <DeleteNodeDialog
        profileId="p1"
        profileName="Production"
        node={makeNode({ name: 'web-9', isLocked: true })}
        onClose={() => undefined}
        onDeleted={() => undefined}
      />
    )
    expect(screen.getByRole('alertdialog', { name: 'web-9 cannot be deleted' })).toBeInTheDocument()
    expect(screen.getByTestId('delete-refused')).toHaveTextContent('The node is locked. Unlock it before deleting.')
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Delete node' })).not.toBeInTheDocument()
    expect(fake.callsTo('nodes:delete')).toEqual([])
  })

  it('refuses a protected node too', () => {
    installFake()
    render(
      <DeleteNodeDialog
        profileId="p1"
        profileName="P"
        node={makeNode({ isProtected: true })}
        onClose={() => undefined}
        onDeleted={() => undefined}
      />
    )
    expect(screen.getByTestId('delete-refused')).toHaveTextContent(/protection is on/)
  })
})

/** Lets a submitted call, if any, reach the fake bridge. */
async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 10))
  })
}

describe('delete dialog for a committed node', () => {
  it('states what was paid, the days left and that they are lost, and waits for that before deleting', async () => {
    const node = makeNode({ id: 7, name: 'web-03', isCommitted: true, publicIp: '164.52.0.7' })
    const termEnd = new Date(Date.now() + 37 * 86_400_000 - 3_600_000).toISOString()
    let answer: () => void = () => undefined
    const held = new Promise<void>((r) => (answer = r))
    installFake({
      'nodes:detail': async () => {
        await held
        return makeDetail({
          ...node,
          committed: {
            skuId: 4170,
            skuName: '90 Days Committed , Rs. 5600.0',
            price: 5600,
            days: 90,
            termEndRaw: null,
            termEnd,
            message: null
          }
        })
      }
    })
    render(
      <DeleteNodeDialog
        profileId="p1"
        profileName="Production"
        node={node}
        onClose={() => undefined}
        onDeleted={() => undefined}
      />
    )
    fireEvent.change(screen.getByLabelText(/Type web-03 to confirm/), { target: { value: 'web-03' } })
    expect(screen.getByRole('button', { name: 'Delete node' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Delete node' })).toHaveAccessibleDescription(
      /Checking .* committed term/
    )
    answer()
    const warning = await screen.findByTestId('committed-warning')
    expect(warning).toHaveTextContent(/90-day term: ₹5,600(\.00)? was paid up front and 37 days are left/)
    expect(warning).toHaveTextContent('loses the rest of the term')
    expect(screen.getByRole('button', { name: 'Delete node' })).toBeEnabled()
  })

  it('still warns when the term cannot be read', async () => {
    installFake({ 'nodes:detail': () => Promise.reject(fail('NETWORK', 'offline')) })
    const node = makeNode({ id: 7, name: 'web-03', isCommitted: true })
    render(
      <DeleteNodeDialog
        profileId="p1"
        profileName="Production"
        node={node}
        onClose={() => undefined}
        onDeleted={() => undefined}
      />
    )
    expect(await screen.findByTestId('committed-warning')).toHaveTextContent('paid in full up front')
  })
})
