// Issue #11 D.3 through the composed main: a 401 from E2E at run time shows in profiles:list as a rejected
// token for that profile only, until new secrets are saved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMainHarness, valueOf, type MainHarness } from '../../../tests/integration/harness'
import { KEY_A, tokenExpiringInDays } from '../../../tests/support/profiles-kit'

let h: MainHarness
beforeEach(async () => (h = await startMainHarness()))
afterEach(() => h.close())

describe('a token E2E rejects at run time', () => {
  it('shows as rejected in profiles:list for that profile until new secrets are saved', async () => {
    const known = await h.demo.ensureStarted()
    const good = valueOf(
      await h.call('profiles:create', {
        name: 'Good',
        projectId: String(known.projects[0]?.projectId ?? 1),
        location: 'Delhi',
        apiBaseUrl: h.sim.baseUrl,
        apiKey: known.apiKey,
        authToken: known.authToken
      }),
      'create good'
    )
    // A key and token the simulator does not know: every call answers 401.
    const bad = valueOf(
      await h.call('profiles:create', {
        name: 'Bad',
        projectId: String(known.projects[0]?.projectId ?? 1),
        location: 'Delhi',
        apiBaseUrl: h.sim.baseUrl,
        apiKey: KEY_A,
        authToken: tokenExpiringInDays(3650, 'unknown')
      }),
      'create bad'
    )
    expect(bad.credentials.tokenState).not.toBe('rejected')
    await h.call('nodes:refresh', { profileId: bad.id })
    await h.call('nodes:refresh', { profileId: good.id })

    const tokenStates = async () =>
      Object.fromEntries(
        valueOf(await h.call('profiles:list', {}), 'list').map((p) => [p.name, p.credentials.tokenState])
      )
    await expect.poll(tokenStates).toMatchObject({ Bad: 'rejected', Good: 'ok' })

    valueOf(
      await h.call('profiles:update', { profileId: bad.id, apiKey: known.apiKey, authToken: known.authToken }),
      'new secrets'
    )
    await h.call('nodes:refresh', { profileId: bad.id })
    expect((await tokenStates()).Bad).not.toBe('rejected')
  })
})
