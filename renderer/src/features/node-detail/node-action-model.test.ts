import { describe, expect, it } from 'vitest'
import { makeNode, makeProfile, makeProfileNodes } from '../../../../tests/support/builders'
import { fail } from '../../../../tests/support/renderer/fake-api'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { useToastStore } from '../../stores/notifications.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { BUSY_REASON, REASONS, nodeActionItems, profileBlockReason, runNodeAction } from './node-action-model'

resetStoresAfterEach()

const creds = makeProfile().credentials
const profile = (over: Partial<typeof creds>) => ({ isDemo: false, credentials: { ...creds, ...over } })

describe('profileBlockReason', () => {
  it('is null for a healthy profile', () => {
    expect(profileBlockReason(profile({}), makeProfileNodes())).toBeNull()
    expect(profileBlockReason(undefined, undefined)).toBeNull()
  })
  it('tells keychain, credential and connection problems apart', () => {
    expect(profileBlockReason(profile({ secret: 'locked' }), undefined)).toBe(REASONS.locked)
    expect(profileBlockReason(profile({ secret: 'unavailable' }), undefined)).toBe(REASONS.unavailable)
    expect(profileBlockReason(profile({ hasCredentials: false }), undefined)).toBe(REASONS.missing)
    expect(profileBlockReason(profile({ tokenState: 'rejected' }), undefined)).toBe(REASONS.rejected)
    expect(profileBlockReason(profile({ tokenState: 'expired' }), undefined)).toBe(REASONS.expired)
    expect(REASONS.rejected).toBe('Credentials rejected — fix them in Profiles')
    const offline = makeProfileNodes({ error: { code: 'NETWORK', message: 'x', reason: 'offline' } })
    expect(profileBlockReason(profile({}), offline)).toBe(REASONS.offline)
    const auth = makeProfileNodes({ error: { code: 'AUTH', message: 'x', reason: 'auth' } })
    expect(profileBlockReason(profile({}), auth)).toBe(REASONS.rejected)
    // A slow server does not hold actions: they may well work.
    const server = makeProfileNodes({ error: { code: 'SERVER', message: 'x', reason: 'server' } })
    expect(profileBlockReason(profile({}), server)).toBeNull()
  })
  it('ignores the demo profile’s credentials, and never sends the demo to Profiles', () => {
    expect(profileBlockReason({ isDemo: true, credentials: { ...creds, hasCredentials: false } }, undefined)).toBeNull()
    const auth = makeProfileNodes({ error: { code: 'AUTH', message: 'x', reason: 'auth' } })
    expect(profileBlockReason({ isDemo: true, credentials: creds }, auth)).toBe(REASONS.demoRejected)
  })
})

describe('nodeActionItems', () => {
  const byId = (items: ReturnType<typeof nodeActionItems>) => Object.fromEntries(items.map((i) => [i.id, i]))

  it('lists every action in bar order with labels, icons and confirmations', () => {
    const items = nodeActionItems(makeNode({ status: 'RUNNING' }), { blockedReason: null, busy: false })
    expect(items.map((i) => i.label)).toEqual([
      'Power on',
      'Power off',
      'Reboot',
      'Lock',
      'Delete',
      'Turn on delete protection'
    ])
    const a = byId(items)
    expect(a.power_on?.disabledReason).toBe('Already running')
    expect(a.power_on?.redundant).toBe(true)
    expect(a.power_off?.disabledReason).toBeNull()
    expect(a.power_off?.confirm).toMatch(/interrupted/)
    expect(a.reboot?.confirm).toMatch(/restarts/)
    expect(a.lock_vm?.confirm).toBeNull()
    expect(a.enable_accidental_protection?.overflow).toBe(true)
    expect(a.delete?.overflow).toBe(false)
    for (const i of items) expect(i.icon).toBeTruthy()
  })
  it('uses the shared rules for locked and protected nodes', () => {
    const a = byId(
      nodeActionItems(makeNode({ isLocked: true, isProtected: true }), { blockedReason: null, busy: false })
    )
    expect(a.power_off?.disabledReason).toBe('The node is locked; unlock it first')
    expect(a.unlock_vm?.disabledReason).toBeNull()
    expect(a.delete?.disabledReason).toMatch(/locked/)
    expect(a.disable_accidental_protection?.label).toBe('Turn off delete protection')
  })
  it('holds everything while the profile is blocked, and enabled actions while busy', () => {
    const blocked = nodeActionItems(makeNode(), { blockedReason: REASONS.offline, busy: false })
    for (const i of blocked) expect(i.disabledReason).toBe(REASONS.offline)
    const busy = byId(nodeActionItems(makeNode(), { blockedReason: null, busy: true }))
    expect(busy.power_off?.disabledReason).toBe(BUSY_REASON)
    expect(busy.power_on?.disabledReason).toBe('Already running')
  })
})

describe('runNodeAction', () => {
  it('sends the action and raises no toast on success', async () => {
    const fake = installFake()
    expect(await runNodeAction('p1', { id: 7, name: 'web-01' }, 'power_on')).toBeNull()
    expect(fake.callsTo('nodes:action')).toEqual([{ profileId: 'p1', nodeId: 7, action: 'power_on' }])
    expect(useToastStore.getState().toasts).toEqual([])
  })
  it('on failure raises a plain-words toast, keeps the API path in its detail, and returns the error', async () => {
    installFake({
      'nodes:action': () => {
        throw fail('SERVER', 'E2E’s API had a problem (503) on PUT nodes/48004/actions/. Try again shortly.', {
          status: 503,
          retryable: true
        })
      }
    })
    const err = await runNodeAction('p1', { id: 48004, name: 'web-01' }, 'power_on')
    expect(err?.code).toBe('SERVER')
    const [t] = useToastStore.getState().toasts
    expect(t?.kind).toBe('error')
    expect(t?.title).toBe('Couldn’t power on web-01')
    expect(t?.body).toBe('E2E’s service had a problem. Try again in a minute.')
    expect(t?.body).not.toMatch(/nodes\/48004/)
    expect(t?.detail).toMatch(/PUT nodes\/48004\/actions/)
  })
  it('a retry that works withdraws the failure toast it answers; other nodes’ and actions’ toasts stay', async () => {
    let down = true
    installFake({
      'nodes:action': () => {
        if (down) throw fail('SERVER', 'E2E’s API had a problem (503).', { status: 503, retryable: true })
        return { accepted: true as const }
      }
    })
    await runNodeAction('p1', { id: 7, name: 'web-01' }, 'power_on')
    await runNodeAction('p1', { id: 8, name: 'web-02' }, 'power_on')
    await runNodeAction('p1', { id: 7, name: 'web-01' }, 'reboot')
    // The same failure again is one toast, not two.
    await runNodeAction('p1', { id: 7, name: 'web-01' }, 'power_on')
    const titles = () => useToastStore.getState().toasts.map((t) => t.title)
    expect(titles()).toEqual(['Couldn’t power on web-01', 'Couldn’t power on web-02', 'Couldn’t reboot web-01'])
    down = false
    expect(await runNodeAction('p1', { id: 7, name: 'web-01' }, 'power_on')).toBeNull()
    expect(titles()).toEqual(['Couldn’t power on web-02', 'Couldn’t reboot web-01'])
  })
  it('a refused demo action says to restart for a fresh demo, not to update credentials', async () => {
    installFake({
      'nodes:action': () => {
        throw fail('AUTH', 'E2E rejected the API key or token (401).', { status: 401 })
      }
    })
    useProfilesStore.setState({ profiles: [makeProfile({ id: 'demo-1', isDemo: true })] })
    await runNodeAction('demo-1', { id: 7, name: 'web-01' }, 'power_on')
    const [t] = useToastStore.getState().toasts
    expect(t?.body).toBe('The demo sandbox stopped accepting requests. Restart Nodetray for a fresh demo.')
    expect(t?.body).not.toMatch(/credentials/)
  })
})
