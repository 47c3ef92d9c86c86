import { describe, expect, it, vi } from 'vitest'
import type { UpdateStatus } from '../../../shared/domain/updates'
import { FakeClock } from '../../../tests/support/fake-clock'
import {
  CHECK_INTERVAL_MS,
  createUpdatePolicy,
  FIRST_CHECK_DELAY_MS,
  FIRST_RETRY_MS,
  OFFLINE_RETRY_MS,
  type UpdateChecker
} from './update-policy'
import { updateSupport } from './update-support'

const MIN = 60_000
const HOUR = 60 * MIN

function setup(opts: { enabled?: boolean; answers?: (() => Promise<{ version: string } | null>)[] } = {}) {
  const clock = new FakeClock()
  const answers = [...(opts.answers ?? [])]
  const net = { online: true }
  const checker = {
    check: vi.fn<UpdateChecker['check']>(() => (answers.shift() ?? (async () => null))()),
    install: vi.fn()
  }
  const policy = createUpdatePolicy({
    clock,
    support:
      opts.enabled === false
        ? { enabled: false, reason: 'Installed from a package.' }
        : { enabled: true, reason: null },
    isOnline: () => net.online,
    checker
  })
  const seen: UpdateStatus['state'][] = []
  policy.onChanged((s) => seen.push(s.state))
  return { clock, checker, policy, net, seen }
}

const upToDate = async () => null
const found = (version: string) => async () => ({ version })
const broken = async (): Promise<never> => {
  throw new Error('net::ERR_CONNECTION_RESET')
}

describe('update policy', () => {
  it('checks shortly after start, then every few hours', async () => {
    const { clock, checker, policy } = setup()
    policy.start()
    await clock.advance(FIRST_CHECK_DELAY_MS - 1)
    expect(checker.check).not.toHaveBeenCalled()
    await clock.advance(1)
    expect(checker.check).toHaveBeenCalledTimes(1)
    await clock.advance(CHECK_INTERVAL_MS)
    expect(checker.check).toHaveBeenCalledTimes(2)
    await clock.advance(CHECK_INTERVAL_MS)
    expect(checker.check).toHaveBeenCalledTimes(3)
    expect(CHECK_INTERVAL_MS).toBeGreaterThanOrEqual(2 * HOUR)
    expect(policy.status().state).toBe('idle')
  })

  it('goes idle → checking → available → downloaded, and only then offers Restart to update', async () => {
    const { clock, checker, policy, seen } = setup({ answers: [found('0.2.0')] })
    policy.start()
    expect(policy.restart()).toBe(false)
    await clock.advance(FIRST_CHECK_DELAY_MS)
    expect(policy.status()).toMatchObject({ state: 'available', version: '0.2.0' })
    expect(policy.restart()).toBe(false)
    policy.downloaded('0.2.0')
    expect(policy.status()).toMatchObject({ state: 'downloaded', version: '0.2.0', enabled: true })
    expect(policy.status().message).toMatch(/Restart to update/)
    expect(seen).toEqual(['checking', 'available', 'downloaded'])
    // Nothing more to look for once an update waits for the restart.
    await clock.advance(3 * CHECK_INTERVAL_MS)
    expect(checker.check).toHaveBeenCalledTimes(1)
    expect(policy.restart()).toBe(true)
    expect(checker.install).toHaveBeenCalledOnce()
  })

  it('never checks while offline, and checks soon after the network is back', async () => {
    const { clock, checker, policy, net } = setup()
    net.online = false
    policy.start()
    await clock.advance(FIRST_CHECK_DELAY_MS + 3 * OFFLINE_RETRY_MS)
    expect(checker.check).not.toHaveBeenCalled()
    expect(policy.status().state).toBe('idle')
    net.online = true
    await clock.advance(OFFLINE_RETRY_MS)
    expect(checker.check).toHaveBeenCalledTimes(1)
  })

  it('backs off after errors (15 min, 30 min, 1 h … capped), and a success resets it', async () => {
    const { clock, checker, policy } = setup({ answers: [broken, broken, broken, upToDate, broken] })
    policy.start()
    await clock.advance(FIRST_CHECK_DELAY_MS)
    expect(policy.status().state).toBe('error')
    expect(policy.status().message).toMatch(/15 min/)
    await clock.advance(FIRST_RETRY_MS)
    expect(checker.check).toHaveBeenCalledTimes(2)
    await clock.advance(2 * FIRST_RETRY_MS - 1)
    expect(checker.check).toHaveBeenCalledTimes(2)
    await clock.advance(1)
    expect(checker.check).toHaveBeenCalledTimes(3)
    await clock.advance(4 * FIRST_RETRY_MS)
    expect(checker.check).toHaveBeenCalledTimes(4)
    expect(policy.status().state).toBe('idle')
    await clock.advance(CHECK_INTERVAL_MS)
    expect(checker.check).toHaveBeenCalledTimes(5)
    expect(policy.status().message).toMatch(/15 min/)
  })

  it('a failed download is an error with a retry, not a stuck "available"', async () => {
    const { clock, checker, policy } = setup({ answers: [found('0.2.0')] })
    policy.start()
    await clock.advance(FIRST_CHECK_DELAY_MS)
    policy.failed()
    expect(policy.status().state).toBe('error')
    await clock.advance(FIRST_RETRY_MS)
    expect(checker.check).toHaveBeenCalledTimes(2)
  })

  it('when updates are off (a deb install), never checks and says why', async () => {
    const { clock, checker, policy } = setup({ enabled: false })
    policy.start()
    await clock.advance(10 * CHECK_INTERVAL_MS)
    expect(checker.check).not.toHaveBeenCalled()
    policy.downloaded('9.9.9')
    expect(policy.status()).toEqual({
      state: 'idle',
      enabled: false,
      version: null,
      message: 'Installed from a package.'
    })
    expect(policy.restart()).toBe(false)
  })

  it('stop() cancels the next check', async () => {
    const { clock, checker, policy } = setup()
    policy.start()
    policy.stop()
    await clock.advance(CHECK_INTERVAL_MS)
    expect(checker.check).not.toHaveBeenCalled()
    expect(clock.pending).toBe(0)
  })
})

describe('which installs update themselves', () => {
  const packaged = { isPackaged: true, env: {} }
  it('macOS and Windows installs do', () => {
    expect(updateSupport({ ...packaged, platform: 'darwin' }).enabled).toBe(true)
    expect(updateSupport({ ...packaged, platform: 'win32' }).enabled).toBe(true)
  })
  it('on Linux only the AppImage does; a deb is left to the package manager', () => {
    expect(
      updateSupport({ ...packaged, platform: 'linux', env: { APPIMAGE: '/home/u/Nodetray.AppImage' } }).enabled
    ).toBe(true)
    const deb = updateSupport({ ...packaged, platform: 'linux' })
    expect(deb.enabled).toBe(false)
    expect(deb.reason).toMatch(/package manager/)
  })
  it('development builds and NODETRAY_DISABLE_UPDATES=1 never update', () => {
    expect(updateSupport({ isPackaged: false, env: {}, platform: 'darwin' }).enabled).toBe(false)
    expect(updateSupport({ ...packaged, platform: 'win32', env: { NODETRAY_DISABLE_UPDATES: '1' } }).enabled).toBe(
      false
    )
  })
})
