import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { makeProfile } from '../../../../tests/support/builders'
import { fail } from '../../../../tests/support/renderer/fake-api'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { useProfilesStore } from '../../stores/profiles.store'
import { ProfileForm } from './ProfileForm'

resetStoresAfterEach()

const KEY = 'abcd1234-ef56'
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.payload.signature'

function fill(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values))
    fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

describe('a second profile of one project', () => {
  it('says which profile already shows that project, however its id is typed, and still saves', async () => {
    const fake = installFake()
    useProfilesStore.setState({ profiles: [makeProfile({ id: 'p1', name: 'Prod', projectId: '51704' })] })
    render(<ProfileForm onSaved={() => undefined} />)
    fill({ Name: 'Prod again', 'Project id': '51705', 'API key': KEY, 'Auth token': TOKEN })
    expect(screen.queryByTestId('same-project-note')).not.toBeInTheDocument()
    fill({ 'Project id': '051704' })
    expect(screen.getByTestId('same-project-note')).toHaveTextContent(
      '“Prod” already shows project 051704 in Delhi: its nodes will be listed once per profile'
    )
    fireEvent.change(screen.getByLabelText('Location'), { target: { value: 'Chennai' } })
    expect(screen.queryByTestId('same-project-note')).not.toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('Location'), { target: { value: 'Delhi' } })
    // Said, not refused: it saves (after the usual question about a project the account does not list).
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }))
    await screen.findByTestId('project-note')
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }))
    await waitFor(() => expect(fake.callsTo('profiles:create')).toMatchObject([{ projectId: '051704' }]))
  })
})

describe('profile form', () => {
  it('checks fields as you type once a field was left', () => {
    installFake()
    render(<ProfileForm onSaved={() => undefined} />)
    const pid = screen.getByLabelText('Project id')
    fireEvent.change(pid, { target: { value: '51a' } })
    expect(screen.queryByTestId('error-projectId')).not.toBeInTheDocument()
    fireEvent.blur(pid)
    expect(screen.getByTestId('error-projectId')).toHaveTextContent('Project id must be digits only')
    expect(pid).toHaveAttribute('aria-invalid', 'true')
    fireEvent.change(pid, { target: { value: '51734' } })
    expect(screen.queryByTestId('error-projectId')).not.toBeInTheDocument()
  })

  // A message that appears on blur moved the button being pressed from under the pointer: the click was lost.
  it("a field left by pressing one of the form's buttons shows its message once the press ends", async () => {
    installFake()
    render(<ProfileForm onSaved={() => undefined} />)
    const pid = screen.getByLabelText('Project id')
    fireEvent.change(pid, { target: { value: '51a' } })
    const submit = screen.getByRole('button', { name: 'Add profile' })
    fireEvent.pointerDown(submit)
    fireEvent.blur(pid, { relatedTarget: submit })
    expect(screen.queryByTestId('error-projectId')).not.toBeInTheDocument()
    fireEvent.pointerUp(window)
    expect(await screen.findByTestId('error-projectId')).toHaveTextContent('Project id must be digits only')
  })

  it('a press that is cancelled (a touch that became a scroll) shows the message too, and a later Tab is not held', async () => {
    installFake()
    render(<ProfileForm onSaved={() => undefined} />)
    const pid = screen.getByLabelText('Project id')
    fireEvent.change(pid, { target: { value: '51a' } })
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Add profile' }))
    fireEvent.blur(pid)
    fireEvent.pointerCancel(window)
    expect(await screen.findByTestId('error-projectId')).toBeInTheDocument()
    const key = screen.getByLabelText('API key')
    fireEvent.change(key, { target: { value: 'x' } })
    fireEvent.blur(key)
    expect(screen.getByTestId('error-apiKey')).toBeInTheDocument()
  })

  it('puts the server ValidationError on its field', async () => {
    installFake({
      'profiles:create': () => {
        throw fail('CONFLICT', 'A profile named Prod exists', { field: 'name' })
      }
    })
    render(<ProfileForm onSaved={() => undefined} />)
    fill({ Name: 'Prod', 'API key': KEY, 'Auth token': TOKEN, 'Project id': '51734' })
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }))
    expect(await screen.findByTestId('error-name')).toHaveTextContent('A profile named Prod exists')
    expect(screen.getByLabelText('Name')).toHaveFocus()
  })

  it('tries the credentials before saving: a rejected token shows on its field and nothing is saved', async () => {
    const fake = installFake({
      'profiles:check-credentials': () => {
        throw fail('AUTH', 'The API key or auth token was rejected.')
      }
    })
    render(<ProfileForm onSaved={() => undefined} />)
    fill({ Name: 'Prod', 'API key': KEY, 'Auth token': TOKEN, 'Project id': '51734' })
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }))
    const said = await screen.findByTestId('error-authToken')
    // In the form's words: the profile does not exist yet, so no "open Profiles and update the credentials".
    expect(said).toHaveTextContent(
      'E2E didn’t accept this API key and auth token. Copy both again from MyAccount → API, then check again.'
    )
    expect(said).not.toHaveTextContent(/Open Profiles|profile's credentials/)
    expect(screen.getByLabelText('Auth token')).toHaveFocus()
    expect(fake.callsTo('profiles:create')).toEqual([])
    expect(screen.getByLabelText('Name')).toHaveValue('Prod')
  })

  it('a project id missing from the list (IAM-shared) warns once, then saves when the user saves again', async () => {
    const saved: string[] = []
    const fake = installFake()
    render(<ProfileForm onSaved={(p) => saved.push(p.name)} />)
    fill({ Name: 'Prod', 'API key': KEY, 'Auth token': TOKEN, 'Project id': '999' })
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }))
    expect(await screen.findByTestId('project-note')).toHaveTextContent(
      'Project 999 is not in this account’s project list. Projects shared with you through IAM are not listed but work by id.'
    )
    expect(fake.callsTo('profiles:create')).toEqual([])
    // Another id clears the note and asks again.
    fill({ 'Project id': '998' })
    expect(screen.queryByTestId('project-note')).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }))
    expect(await screen.findByTestId('project-note')).toHaveTextContent('Project 998')
    expect(fake.callsTo('profiles:create')).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }))
    await waitFor(() => expect(fake.callsTo('profiles:create')).toMatchObject([{ projectId: '998' }]))
  })

  it('E2E out of reach: saves, and tells the caller the credentials were not checked', async () => {
    const saved: { name: string; unchecked: boolean | undefined }[] = []
    installFake({
      'profiles:check-credentials': () => {
        throw fail('NETWORK', 'Could not reach E2E.')
      }
    })
    render(<ProfileForm onSaved={(p, info) => saved.push({ name: p.name, unchecked: info?.unchecked })} />)
    fill({ Name: 'Prod', 'API key': KEY, 'Auth token': TOKEN, 'Project id': '51734' })
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }))
    await waitFor(() => expect(saved).toEqual([{ name: 'Prod', unchecked: true }]))
  })

  it('opened to fix a rejected token: says why and focuses the token field', async () => {
    installFake()
    render(
      <ProfileForm
        profile={makeProfile({ id: 'p1', name: 'Prod' })}
        focusField="authToken"
        reason="E2E rejected the stored auth token."
        onSaved={() => undefined}
      />
    )
    expect(screen.getByTestId('profile-form-reason')).toHaveTextContent('E2E rejected the stored auth token.')
    await waitFor(() => expect(screen.getByLabelText('Auth token')).toHaveFocus())
  })

  it('shows a failed save above the buttons and keeps the form', async () => {
    installFake({
      'profiles:create': () => {
        throw fail('STORAGE', 'The profile file could not be written.')
      }
    })
    render(<ProfileForm onSaved={() => undefined} />)
    fill({ Name: 'Prod', 'API key': KEY, 'Auth token': TOKEN, 'Project id': '51734' })
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The profile file could not be written.')
    expect(screen.getByLabelText('Name')).toHaveValue('Prod')
  })

  it('does not send until required fields are valid', () => {
    const fake = installFake()
    render(<ProfileForm onSaved={() => undefined} />)
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }))
    expect(screen.getByTestId('error-name')).toHaveTextContent('Name is required')
    expect(screen.getByTestId('error-apiKey')).toHaveTextContent('API key is required')
    expect(fake.callsTo('profiles:create')).toEqual([])
  })

  it('lists projects after a credentials check and fills the picked one', async () => {
    installFake({
      'profiles:check-credentials': () => ({
        valid: true,
        projects: [
          { projectId: 11, name: 'alpha', isDefault: true },
          { projectId: 22, name: 'beta', isDefault: false }
        ]
      })
    })
    render(<ProfileForm onSaved={() => undefined} />)
    fill({ 'API key': KEY, 'Auth token': TOKEN })
    fireEvent.click(screen.getByRole('button', { name: 'Check credentials' }))
    fireEvent.click(await screen.findByRole('radio', { name: /beta/ }))
    expect(screen.getByLabelText('Project id')).toHaveValue('22')
  })

  it('Check credentials with a rejected key says so in the form’s words, not "update the profile"', async () => {
    installFake({
      'profiles:check-credentials': () => {
        throw fail('AUTH', 'E2E rejected the API key or token (401). Check the profile’s credentials.', {
          status: 401,
          hint: 'Open Profiles and update the credentials.'
        })
      }
    })
    render(<ProfileForm onSaved={() => undefined} />)
    fill({ 'API key': KEY, 'Auth token': TOKEN })
    fireEvent.click(screen.getByRole('button', { name: 'Check credentials' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('E2E didn’t accept this API key and auth token.')
    expect(alert).not.toHaveTextContent(/Open Profiles|update the credentials/)
  })

  it('Check credentials at an address with no E2E API (404) says so about the address, not "no longer has this"', async () => {
    installFake({
      'profiles:check-credentials': () => {
        throw fail('NOT_FOUND', 'Not found on E2E (404).', { status: 404 })
      }
    })
    render(<ProfileForm onSaved={() => undefined} />)
    fill({ 'API key': KEY, 'Auth token': TOKEN, 'API base URL': 'http://127.0.0.1:8080' })
    fireEvent.click(screen.getByRole('button', { name: 'Check credentials' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'No E2E API answered at this address. Check the API base URL (it usually ends in /myaccount/api/v1).'
    )
    expect(alert).not.toHaveTextContent(/no longer has this|next refresh/)
  })

  it('saving at an address with no E2E API (404) is refused on the API base URL field, which takes focus', async () => {
    const fake = installFake({
      'profiles:check-credentials': () => {
        throw fail('NOT_FOUND', 'Not found on E2E (404).', { status: 404 })
      }
    })
    const onSaved = vi.fn()
    render(<ProfileForm onSaved={onSaved} />)
    fill({
      Name: 'Prod',
      'API key': KEY,
      'Auth token': TOKEN,
      'Project id': '51734',
      'API base URL': 'http://127.0.0.1:8080'
    })
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }))
    await waitFor(() =>
      expect(screen.getByTestId('error-apiBaseUrl')).toHaveTextContent('No E2E API answered at this address.')
    )
    expect(screen.getByLabelText('API base URL')).toHaveFocus()
    expect(screen.getByLabelText('API base URL')).toHaveAccessibleDescription(/No E2E API answered at this address/)
    expect(onSaved).not.toHaveBeenCalled()
    expect(fake.callsTo('profiles:create')).toEqual([])
  })

  it('on edit never prefills secrets and sends blank ones as "keep"', async () => {
    const fake = installFake({}, { profiles: [makeProfile()] })
    const onSaved = vi.fn()
    render(<ProfileForm profile={makeProfile()} onSaved={onSaved} />)
    expect(screen.getByLabelText('API key')).toHaveValue('')
    expect(screen.getByLabelText('API key')).toHaveAttribute('type', 'password')
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Production EU' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const sent = fake.callsTo('profiles:update')[0] as Record<string, unknown>
    expect(sent.name).toBe('Production EU')
    expect(sent).not.toHaveProperty('apiKey')
    expect(sent).not.toHaveProperty('authToken')
  })

  it('checking credentials against a new API address asks for the key and token; the stored ones are never sent there', async () => {
    const fake = installFake(
      { 'profiles:check-credentials': () => ({ valid: true, projects: [] }) },
      { profiles: [makeProfile()] }
    )
    render(<ProfileForm profile={makeProfile()} onSaved={() => undefined} />)
    fill({ 'API base URL': 'https://api-staging.e2enetworks.com/myaccount/api/v1' })
    fireEvent.click(screen.getByRole('button', { name: 'Check credentials' }))
    // The check gives the fields' own reasons.
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Enter the API key again to use a new API address. Enter the auth token again to use a new API address.'
    )
    expect(screen.getByTestId('error-apiKey')).toHaveTextContent('Enter the API key again to use a new API address')
    expect(fake.callsTo('profiles:check-credentials')).toEqual([])
    fill({ 'API key': KEY, 'Auth token': TOKEN })
    fireEvent.click(screen.getByRole('button', { name: 'Check credentials' }))
    await waitFor(() =>
      expect(fake.callsTo('profiles:check-credentials')).toEqual([
        { apiKey: KEY, authToken: TOKEN, apiBaseUrl: 'https://api-staging.e2enetworks.com/myaccount/api/v1' }
      ])
    )
  })

  it('a new API address asks for the key and token again before anything is sent', async () => {
    const fake = installFake({}, { profiles: [makeProfile()] })
    const onSaved = vi.fn()
    render(<ProfileForm profile={makeProfile()} onSaved={onSaved} />)
    fill({ 'API base URL': 'https://api-staging.e2enetworks.com/myaccount/api/v1' })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByTestId('error-apiKey')).toHaveTextContent(
      'Enter the API key again to use a new API address'
    )
    expect(screen.getByTestId('error-authToken')).toHaveTextContent('Enter the auth token again')
    expect(fake.callsTo('profiles:update')).toEqual([])
    fill({ 'API key': KEY, 'Auth token': TOKEN })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(fake.callsTo('profiles:update')[0]).toMatchObject({ apiKey: KEY, authToken: TOKEN })
  })
})

describe('check credentials', () => {
  it('says why it cannot check in the words of the field that is wrong (a short token)', async () => {
    const fake = installFake()
    render(<ProfileForm onSaved={() => undefined} />)
    fill({ 'API key': KEY, 'Auth token': 'short-token' })
    fireEvent.click(screen.getByRole('button', { name: 'Check credentials' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Auth token looks too short\.$/)
    expect(screen.getByTestId('error-authToken')).toHaveTextContent('Auth token looks too short')
    expect(fake.callsTo('profiles:check-credentials')).toEqual([])
  })

  it('with both fields empty names both, as the fields do', async () => {
    installFake()
    render(<ProfileForm onSaved={() => undefined} />)
    fireEvent.click(screen.getByRole('button', { name: 'Check credentials' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/^API key is required\. Auth token is required\.$/)
  })

  it('on edit with only one credential typed asks for both or neither', async () => {
    const fake = installFake({}, { profiles: [makeProfile()] })
    render(<ProfileForm profile={makeProfile()} onSaved={() => undefined} />)
    fill({ 'API key': KEY })
    fireEvent.click(screen.getByRole('button', { name: 'Check credentials' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Enter both the API key and the auth token to check new ones, or leave both blank to check the stored ones.'
    )
    expect(fake.callsTo('profiles:check-credentials')).toEqual([])
  })

  it('keeps focus on the button while it checks and starts no second check meanwhile', async () => {
    let answer: (v: { valid: true; projects: [] }) => void = () => undefined
    const fake = installFake({
      'profiles:check-credentials': () => new Promise((resolve) => (answer = resolve))
    })
    render(<ProfileForm onSaved={() => undefined} />)
    fill({ 'API key': KEY, 'Auth token': TOKEN })
    const button = screen.getByRole('button', { name: 'Check credentials' })
    button.focus()
    fireEvent.click(button)
    fireEvent.click(button)
    await waitFor(() => expect(button).toHaveTextContent('Checking…'))
    // Not `disabled`: a disabled button drops focus to <body> in a browser. aria-disabled says it is busy.
    expect(button).not.toBeDisabled()
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveFocus()
    fireEvent.click(button)
    expect(fake.callsTo('profiles:check-credentials')).toHaveLength(1)
    answer({ valid: true, projects: [] })
    await waitFor(() => expect(button).toHaveTextContent('Check credentials'))
    expect(button).not.toHaveAttribute('aria-disabled')
    expect(button).toHaveFocus()
    expect(fake.callsTo('profiles:check-credentials')).toHaveLength(1)
  })
})

describe('cancel with typed work', () => {
  it('an untouched form cancels at once', () => {
    installFake()
    const onCancel = vi.fn()
    render(<ProfileForm onSaved={() => undefined} onCancel={onCancel} />)
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })

  it('asks before discarding what was typed: Cancel keeps editing, Discard cancels', async () => {
    installFake()
    const onCancel = vi.fn()
    render(<ProfileForm onSaved={() => undefined} onCancel={onCancel} />)
    fill({ Name: 'Prod', 'API key': KEY, 'Auth token': TOKEN, 'API base URL': 'https://api.example.com/v1' })
    const cancel = screen.getByRole('button', { name: 'Cancel' })
    cancel.focus()
    fireEvent.click(cancel)
    const ask = screen.getByRole('alertdialog', { name: 'Discard this profile?' })
    expect(onCancel).not.toHaveBeenCalled()
    // Keeping is the default: the dialog's Cancel has focus.
    expect(within(ask).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(onCancel).not.toHaveBeenCalled()
    expect(screen.getByLabelText('Name')).toHaveValue('Prod')
    expect(screen.getByLabelText('Auth token')).toHaveValue(TOKEN)
    expect(cancel).toHaveFocus()

    fireEvent.click(cancel)
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard' }))
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1))
  })

  it('on edit, asks only once something changed', () => {
    installFake({}, { profiles: [makeProfile({ id: 'p1', name: 'Prod' })] })
    const onCancel = vi.fn()
    render(
      <ProfileForm profile={makeProfile({ id: 'p1', name: 'Prod' })} onSaved={() => undefined} onCancel={onCancel} />
    )
    fill({ Name: 'Production' })
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.getByRole('alertdialog', { name: 'Discard your changes to Prod?' })).toBeInTheDocument()
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' })
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    // Typed back to how it was: nothing to lose.
    fill({ Name: 'Prod' })
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalledTimes(1)
  })
})
