import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { makeProfile } from '../../../../tests/support/builders'
import { fail } from '../../../../tests/support/renderer/fake-api'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { ProfileForm } from './ProfileForm'

resetStoresAfterEach()

const KEY = 'abcd1234-ef56'
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.payload.signature'

function fill(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values))
    fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

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
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter the API key and auth token first.')
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
