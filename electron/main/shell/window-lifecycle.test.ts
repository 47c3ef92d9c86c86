import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { acquireSingleInstance } from './single-instance'
import { createWindowLifecycle, type CloseEventLike } from './window-lifecycle'

class FakeWindow extends EventEmitter {
  visible = true
  minimized = false
  show = vi.fn(() => void ((this.visible = true), this.emit('show')))
  hide = vi.fn(() => void ((this.visible = false), this.emit('hide')))
  focus = vi.fn()
  restore = vi.fn(() => void (this.minimized = false))
  isMinimized = () => this.minimized
  isDestroyed = () => false
  /** What Electron does on a close click: emit 'close'; the window closes unless a listener prevented it. */
  close(): boolean {
    let prevented = false
    const e: CloseEventLike = { preventDefault: () => void (prevented = true) }
    this.emit('close', e)
    return !prevented
  }
}

function setup(
  opts: { platform?: NodeJS.Platform; hasTray?: boolean; quitOnClose?: boolean; startHidden?: boolean } = {}
) {
  const app = Object.assign(new EventEmitter(), {
    dock: { hide: vi.fn(), show: vi.fn(async () => undefined) },
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn()
  })
  const window = new FakeWindow()
  const settings = { quitOnClose: opts.quitOnClose ?? false, startHidden: opts.startHidden ?? false }
  const lifecycle = createWindowLifecycle({
    app,
    platform: opts.platform ?? 'linux',
    hasTray: () => opts.hasTray ?? true,
    quitOnClose: () => settings.quitOnClose,
    startHidden: () => settings.startHidden,
    getWindow: () => window
  })
  lifecycle.attach(window)
  return { app, window, lifecycle, settings }
}

describe('window lifecycle', () => {
  it('closing the window hides it to the tray', () => {
    const { window } = setup()
    expect(window.close()).toBe(false)
    expect(window.hide).toHaveBeenCalledTimes(1)
    expect(window.visible).toBe(false)
  })

  it('lets the window close once the app is quitting (before-quit, e.g. from the tray’s Quit)', () => {
    const { app, window, lifecycle } = setup()
    app.emit('before-quit')
    expect(lifecycle.isQuitting()).toBe(true)
    expect(window.close()).toBe(true)
    expect(window.hide).not.toHaveBeenCalled()
  })

  it('closes for real when quitOnClose is on, read at close time', () => {
    const { window, settings } = setup()
    settings.quitOnClose = true
    expect(window.close()).toBe(true)
  })

  it('closes for real when there is no tray to come back from', () => {
    const { window } = setup({ hasTray: false })
    expect(window.close()).toBe(true)
  })

  it('on macOS hides the dock icon with the window and shows it again with it', () => {
    const { app, window } = setup({ platform: 'darwin' })
    window.close()
    expect(app.dock.hide).toHaveBeenCalledTimes(1)
    window.show()
    expect(app.dock.show).toHaveBeenCalledTimes(1)
    app.emit('activate')
    expect(window.focus).toHaveBeenCalled()
  })

  it('leaves the dock alone elsewhere', () => {
    const { app, window } = setup({ platform: 'win32' })
    window.close()
    window.show()
    expect(app.dock.hide).not.toHaveBeenCalled()
    expect(app.dock.show).not.toHaveBeenCalled()
  })

  it('a second instance restores, shows and focuses the window; the second process quits', () => {
    const { app, window, lifecycle } = setup()
    expect(acquireSingleInstance(app, lifecycle.reveal)).toBe(true)
    window.minimized = true
    window.hide()
    app.emit('second-instance')
    expect(window.restore).toHaveBeenCalledTimes(1)
    expect(window.visible).toBe(true)
    expect(window.focus).toHaveBeenCalledTimes(1)

    const other = setup()
    other.app.requestSingleInstanceLock.mockReturnValue(false)
    expect(acquireSingleInstance(other.app, other.lifecycle.reveal)).toBe(false)
    expect(other.app.quit).toHaveBeenCalledTimes(1)
    expect(other.app.listenerCount('second-instance')).toBe(0)
  })

  it('starts hidden only when asked and a tray exists', () => {
    expect(setup({ startHidden: true }).lifecycle.showOnStart()).toBe(false)
    expect(setup({ startHidden: true, hasTray: false }).lifecycle.showOnStart()).toBe(true)
    expect(setup({ startHidden: false }).lifecycle.showOnStart()).toBe(true)
  })
})

describe('macOS Dock at start', () => {
  it('a hidden start with a tray shows no Dock icon and no window', () => {
    const { app, lifecycle } = setup({ platform: 'darwin', startHidden: true, hasTray: true })
    expect(lifecycle.startVisible()).toBe(false)
    expect(app.dock.hide).toHaveBeenCalledTimes(1)
  })

  it('a normal start keeps the Dock icon with its window', () => {
    const { app, lifecycle } = setup({ platform: 'darwin', startHidden: false })
    expect(lifecycle.startVisible()).toBe(true)
    expect(app.dock.hide).not.toHaveBeenCalled()
  })

  it('without a tray the window shows even when asked to start hidden, Dock icon included', () => {
    const { app, lifecycle } = setup({ platform: 'darwin', startHidden: true, hasTray: false })
    expect(lifecycle.startVisible()).toBe(true)
    expect(app.dock.hide).not.toHaveBeenCalled()
  })

  it('other platforms have no Dock to hide', () => {
    const { app, lifecycle } = setup({ platform: 'win32', startHidden: true })
    expect(lifecycle.startVisible()).toBe(false)
    expect(app.dock.hide).not.toHaveBeenCalled()
  })
})
