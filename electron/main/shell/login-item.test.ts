import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings'
import { applyLoginItem, bindLoginItem, desktopEntry } from './login-item'

function deps(platform: NodeJS.Platform, env: { APPIMAGE?: string } = {}) {
  return {
    app: { isPackaged: true, setLoginItemSettings: vi.fn(), getPath: vi.fn(() => '/opt/Nodetray/nodetray') },
    platform,
    env,
    homeDir: '/home/ana',
    fs: {
      mkdir: vi.fn(async () => undefined),
      writeFile: vi.fn(async () => undefined),
      rm: vi.fn(async () => undefined)
    },
    log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  }
}
const on = { launchAtLogin: true, startHidden: true }

describe('login item', () => {
  it('macOS: registers the login item, hidden when the app starts hidden', async () => {
    const d = deps('darwin')
    await applyLoginItem(d, on)
    expect(d.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, openAsHidden: true })
  })

  it('Windows: registers or removes the login item', async () => {
    const d = deps('win32')
    await applyLoginItem(d, { launchAtLogin: false, startHidden: true })
    expect(d.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: false })
  })

  it('Linux: writes an XDG autostart entry pointing at the AppImage, removes it when turned off', async () => {
    const d = deps('linux', { APPIMAGE: '/home/ana/Apps/Nodetray $1.AppImage' })
    await applyLoginItem(d, on)
    expect(d.fs.writeFile).toHaveBeenCalledWith(
      '/home/ana/.config/autostart/nodetray.desktop',
      expect.stringContaining('Exec="/home/ana/Apps/Nodetray \\$1.AppImage"')
    )
    expect(d.app.setLoginItemSettings).not.toHaveBeenCalled()
    await applyLoginItem(d, { launchAtLogin: false, startHidden: false })
    expect(d.fs.rm).toHaveBeenCalledWith('/home/ana/.config/autostart/nodetray.desktop', { force: true })
  })

  it('does nothing in an unpackaged build (it would register the bare electron binary)', async () => {
    const d = deps('darwin')
    d.app.isPackaged = false
    await applyLoginItem(d, on)
    expect(d.app.setLoginItemSettings).not.toHaveBeenCalled()
  })

  it('re-applies only when launchAtLogin or startHidden change', async () => {
    const d = deps('win32')
    let listener: (s: Settings) => void = () => undefined
    const settings = {
      get: () => DEFAULT_SETTINGS,
      onChanged: vi.fn((l: (s: Settings) => void) => ((listener = l), () => undefined))
    }
    bindLoginItem(d, settings)
    listener({ ...DEFAULT_SETTINGS, notifications: false })
    listener({ ...DEFAULT_SETTINGS, launchAtLogin: true })
    expect(d.app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: false }], [{ openAtLogin: true }]])
  })

  it('writes a valid desktop entry', () => {
    expect(desktopEntry('/usr/bin/nodetray').split('\n')).toContain('Exec="/usr/bin/nodetray"')
  })
})
