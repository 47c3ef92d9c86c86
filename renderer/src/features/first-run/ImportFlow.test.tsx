import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ImportCheckResult } from '../../../../shared/domain/profile'
import type { ImportPreview } from '../../../../shared/ipc/contract'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { ImportFlow, importBlockedBy } from './ImportFlow'

resetStoresAfterEach()

const preview: ImportPreview = {
  importId: 'imp-1',
  kind: 'token-file',
  source: '/home/me/tokens.json',
  entries: ['old', 'good'].map((alias) => ({
    alias,
    apiKeyHint: '…abcd',
    tokenExpiresAt: null,
    suggestedProjectId: null,
    suggestedLocation: null,
    nameTaken: false
  }))
}
const ok = (alias: string): ImportCheckResult => ({
  alias,
  checks: [
    { id: 'token', state: 'ok', text: 'Token valid until 1 December 2027' },
    { id: 'address', state: 'ok', text: 'Sent only to E2E Networks (api.e2enetworks.com)' },
    { id: 'credentials', state: 'ok', text: 'E2E accepted the API key and token' },
    { id: 'projects', state: 'ok', text: '2 projects found' }
  ],
  projects: [
    { projectId: 51734, name: 'default-project', isDefault: true },
    { projectId: 51800, name: 'ml', isDefault: false }
  ],
  blockedBy: null
})
const expired = (alias: string): ImportCheckResult => ({
  alias,
  checks: [{ id: 'token', state: 'fail', text: 'This token expired on 28 November 2026.' }],
  projects: [],
  blockedBy: 'This token expired on 28 November 2026.'
})

describe('importBlockedBy', () => {
  const row = (alias: string, over = {}) => ({
    alias,
    include: true,
    name: alias,
    projectId: '51734',
    location: 'Delhi' as const,
    ...over
  })
  it('says why, in order: nothing ticked, checks running, a refused token, a missing project id', () => {
    expect(importBlockedBy([row('a', { include: false })], {})).toBe('Tick at least one token to import.')
    expect(importBlockedBy([row('a')], { a: { state: 'pending' } })).toBe('Checking the tokens with E2E…')
    expect(importBlockedBy([row('a')], { a: { state: 'done', result: expired('a') } })).toBe(
      'a cannot be imported: This token expired on 28 November 2026. Untick it to import the others.'
    )
    expect(importBlockedBy([row('a', { projectId: '' })], { a: { state: 'done', result: ok('a') } })).toBe(
      'Enter the project id for a.'
    )
    expect(importBlockedBy([row('a')], { a: { state: 'done', result: ok('a') } })).toBeNull()
  })
})

describe('ImportFlow', () => {
  it('checks every token, unticks a refused one, fills the default project, and imports the rest', async () => {
    const fake = installFake({
      'profiles:pick-import': () => preview,
      'profiles:check-import': ({ alias }) => (alias === 'old' ? expired(alias) : ok(alias))
    })
    const imported: number[] = []
    render(<ImportFlow onImported={(l) => imported.push(l.length)} onCancel={() => undefined} />)
    fireEvent.click(screen.getByRole('button', { name: 'MyAccount token file…' }))
    const entries = await screen.findAllByTestId('import-entry')
    await waitFor(() => expect(fake.callsTo('profiles:check-import')).toHaveLength(2))
    const [old, good] = entries as [HTMLElement, HTMLElement]
    await waitFor(() => expect(within(old).getByRole('checkbox')).not.toBeChecked())
    expect(within(old).getByTestId('checklist')).toHaveTextContent('Failed: This token expired on 28 November 2026.')
    expect(within(good).getByLabelText('Project id')).toHaveValue('51734')
    expect(within(good).getByTestId('checklist')).toHaveTextContent('Passed: Project default-project (51734)')

    // An id missing from the list (IAM-shared) is a warning, not a block.
    fireEvent.change(within(good).getByLabelText('Project id'), { target: { value: '777' } })
    expect(within(good).getByTestId('checklist')).toHaveTextContent(
      'Warning: Project 777 is not in this account’s list. Projects shared with you through IAM are not listed'
    )
    const submit = screen.getByRole('button', { name: 'Import 1 profile' })
    expect(submit).toBeEnabled()

    // Ticking the refused one back disables Import, saying why.
    fireEvent.click(within(old).getByRole('checkbox'))
    const blocked = screen.getByRole('button', { name: 'Import 2 profiles' })
    expect(blocked).toBeDisabled()
    expect(screen.getByTestId('import-blocked')).toHaveTextContent('old cannot be imported')
    fireEvent.click(within(old).getByRole('checkbox'))

    fireEvent.click(screen.getByRole('button', { name: 'Import 1 profile' }))
    await waitFor(() =>
      expect(fake.callsTo('profiles:import')).toEqual([
        { importId: 'imp-1', entries: [{ alias: 'good', name: 'good', projectId: '777', location: 'Delhi' }] }
      ])
    )
  })
})

describe('ImportFlow by keyboard', () => {
  const one: ImportPreview = {
    ...preview,
    source: '/home/me/work.json',
    entries: [{ ...preview.entries[0]!, alias: 'work-token' }]
  }
  /** E2E out of reach and no projects listed: the project id is left for the user to type. */
  const unreached = (alias: string): ImportCheckResult => ({
    alias,
    checks: [
      { id: 'token', state: 'ok', text: 'Token valid until 3 February 2027' },
      { id: 'credentials', state: 'warn', text: 'E2E could not be reached to check them.' },
      { id: 'projects', state: 'skipped', text: 'Projects not looked up: type the project id.' }
    ],
    projects: [],
    blockedBy: null
  })
  /** The file dialog takes focus while it is open, as the native one (or the preview's stand-in) does. */
  const dialogTakesFocus = () => (document.activeElement as HTMLElement | null)?.blur()

  const pressPick = () => {
    const button = screen.getByRole('button', { name: 'MyAccount token file…' })
    button.focus()
    fireEvent.click(button)
    return button
  }

  it('a cancelled file dialog gives focus back to the button that opened it', async () => {
    installFake({
      'profiles:pick-import': () => {
        dialogTakesFocus()
        return null
      }
    })
    render(<ImportFlow onImported={() => undefined} onCancel={() => undefined} />)
    const button = pressPick()
    expect(await screen.findByText('No file chosen.')).toBeInTheDocument()
    await waitFor(() => expect(button).toHaveFocus())
  })

  it('a file read moves focus to the preview heading and announces what the checks found', async () => {
    installFake({
      'profiles:pick-import': () => {
        dialogTakesFocus()
        return one
      },
      'profiles:check-import': ({ alias }) => unreached(alias)
    })
    render(<ImportFlow onImported={() => undefined} onCancel={() => undefined} />)
    pressPick()
    const heading = await screen.findByRole('heading', { name: 'Found 1 token' })
    await waitFor(() => expect(heading).toHaveFocus())
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Checks done: 1 not checked (E2E could not be reached).')
    )
  })

  it('says "enter the project id" once, beside the field, and Import points at it', async () => {
    installFake({
      'profiles:pick-import': () => one,
      'profiles:check-import': ({ alias }) => unreached(alias)
    })
    render(<ImportFlow onImported={() => undefined} onCancel={() => undefined} />)
    pressPick()
    const field = await screen.findByLabelText('Project id')
    await waitFor(() => expect(field).toHaveAccessibleDescription('Enter the project id for work-token.'))
    expect(screen.getAllByText('Enter the project id for work-token.')).toHaveLength(1)
    const submit = screen.getByRole('button', { name: 'Import 1 profile' })
    expect(submit).toBeDisabled()
    expect(submit).toHaveAccessibleDescription('Enter the project id for work-token.')
    expect(submit).toHaveAttribute('title', 'Enter the project id for work-token.')
  })

  it('with projects listed and none picked, only the field asks for the id (no failed line in the checks)', async () => {
    const listed = (alias: string): ImportCheckResult => ({
      ...ok(alias),
      projects: [
        { projectId: 11, name: 'alpha', isDefault: false },
        { projectId: 22, name: 'beta', isDefault: false }
      ]
    })
    installFake({ 'profiles:pick-import': () => one, 'profiles:check-import': ({ alias }) => listed(alias) })
    render(<ImportFlow onImported={() => undefined} onCancel={() => undefined} />)
    pressPick()
    const field = await screen.findByLabelText('Project id')
    await waitFor(() => expect(field).toHaveAccessibleDescription('Enter the project id for work-token.'))
    expect(screen.getByTestId('checklist')).not.toHaveTextContent(/project id/i)
    fireEvent.change(field, { target: { value: '22' } })
    expect(screen.getByTestId('checklist')).toHaveTextContent('Passed: Project beta (22)')
    expect(screen.getByRole('button', { name: 'Import 1 profile' })).toBeEnabled()
  })

  it('"Pick another file" puts focus on the first pick button', async () => {
    installFake({
      'profiles:pick-import': () => one,
      'profiles:check-import': ({ alias }) => unreached(alias)
    })
    render(<ImportFlow onImported={() => undefined} onCancel={() => undefined} />)
    pressPick()
    const again = await screen.findByRole('button', { name: 'Pick another file' })
    again.focus()
    fireEvent.click(again)
    const pick = await screen.findByRole('button', { name: 'MyAccount token file…' })
    await waitFor(() => expect(pick).toHaveFocus())
  })
})
