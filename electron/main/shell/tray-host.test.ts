import { execFile } from 'node:child_process'
import { describe, expect, it, vi } from 'vitest'
import { createDbusNameQuery, detectTrayHost, parseHasOwnerReply, WATCHER_NAME } from './tray-host'

const answer = (value: boolean | null) => vi.fn(async () => value)

describe('tray host detection', () => {
  it('GNOME without the AppIndicator extension (no StatusNotifierWatcher owner) has no tray', async () => {
    const hasOwner = answer(false)
    expect(await detectTrayHost({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' }, hasOwner })).toBe(
      'missing'
    )
    expect(hasOwner).toHaveBeenCalledWith(WATCHER_NAME)
  })

  it('a desktop whose watcher is owned (KDE, GNOME with the extension) has a tray', async () => {
    expect(
      await detectTrayHost({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'GNOME' }, hasOwner: answer(true) })
    ).toBe('available')
    expect(
      await detectTrayHost({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'KDE' }, hasOwner: answer(true) })
    ).toBe('available')
  })

  it('when the bus cannot be asked, plain GNOME counts as missing and other desktops as present', async () => {
    const broken = vi.fn(async () => {
      throw new Error('no bus')
    })
    expect(
      await detectTrayHost({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'GNOME' }, hasOwner: answer(null) })
    ).toBe('missing')
    expect(await detectTrayHost({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'XFCE' }, hasOwner: broken })).toBe(
      'available'
    )
    expect(await detectTrayHost({ platform: 'linux', env: {}, hasOwner: answer(null) })).toBe('available')
  })

  it('macOS and Windows always have a tray and never ask D-Bus', async () => {
    const hasOwner = answer(false)
    expect(await detectTrayHost({ platform: 'darwin', env: {}, hasOwner })).toBe('available')
    expect(await detectTrayHost({ platform: 'win32', env: {}, hasOwner })).toBe('available')
    expect(hasOwner).not.toHaveBeenCalled()
  })
})

describe('D-Bus NameHasOwner query', () => {
  it('reads gdbus and dbus-send replies', () => {
    expect(parseHasOwnerReply('(true,)\n')).toBe(true)
    expect(parseHasOwnerReply('(false,)\n')).toBe(false)
    expect(parseHasOwnerReply('method return time=1 sender=org.freedesktop.DBus\n   boolean false\n')).toBe(false)
    expect(parseHasOwnerReply('garbage')).toBeNull()
  })

  it('falls back to dbus-send when gdbus is missing, and answers null when neither works', async () => {
    type Callback = (err: Error | null, stdout: string) => void
    const calls: string[] = []
    const fake = ((cmd: string, _args: string[], _opts: unknown, cb: Callback) => {
      calls.push(cmd)
      if (cmd === 'gdbus') cb(new Error('ENOENT'), '')
      else cb(null, '   boolean true\n')
    }) as unknown as typeof execFile
    expect(await createDbusNameQuery(fake)(WATCHER_NAME)).toBe(true)
    expect(calls).toEqual(['gdbus', 'dbus-send'])
    const none = ((_c: string, _a: string[], _o: unknown, cb: Callback) =>
      cb(new Error('ENOENT'), '')) as unknown as typeof execFile
    expect(await createDbusNameQuery(none)(WATCHER_NAME)).toBeNull()
  })
})
