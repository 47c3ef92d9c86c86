import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS, GLANCE_SHORTCUT } from '../../../shared/domain/settings'
import {
  bindGlanceShortcut,
  createTrayPopover,
  MIN_POPOVER_HEIGHT,
  POPOVER_SIZE,
  REOPEN_GUARD_MS,
  type PopoverWindowLike
} from './tray-window'

function fakeWindow() {
  const listeners: Record<string, ((e: { preventDefault(): void }) => void)[]> = {}
  let visible = false
  const win = {
    setBounds: vi.fn(),
    show: vi.fn(() => void (visible = true)),
    hide: vi.fn(() => void (visible = false)),
    focus: vi.fn(),
    isVisible: () => visible,
    isDestroyed: () => false,
    on: vi.fn((event: string, l: (e: { preventDefault(): void }) => void) => {
      ;(listeners[event] ??= []).push(l)
    }),
    destroy: vi.fn()
  }
  const emit = (event: string) => {
    const e = { preventDefault: vi.fn() }
    for (const l of listeners[event] ?? []) l(e)
    return e
  }
  return { win: win as unknown as PopoverWindowLike & typeof win, emit }
}

function setup(platform: NodeJS.Platform = 'darwin') {
  const { win, emit } = fakeWindow()
  let now = 1000
  const onShown = vi.fn()
  const popover = createTrayPopover({
    window: win,
    platform,
    displays: () => [
      { bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } }
    ],
    cursor: () => ({ x: 700, y: 10 }),
    now: () => now,
    onShown
  })
  return { popover, win, emit, onShown, advance: (ms: number) => (now += ms) }
}

describe('tray popover window', () => {
  it('a tray click places it under the icon, shows and focuses it, and asks for fresh data', () => {
    const { popover, win, onShown } = setup()
    popover.toggle({ x: 1000, y: 0, width: 22, height: 24 })
    expect(win.setBounds).toHaveBeenCalledWith({ x: 1011 - 190, y: 31, ...POPOVER_SIZE })
    expect(win.show).toHaveBeenCalled()
    expect(win.focus).toHaveBeenCalled()
    expect(onShown).toHaveBeenCalledTimes(1)
  })

  it('hides on blur, and the click that caused the blur does not open it again', () => {
    const { popover, win, emit, advance } = setup('win32')
    popover.toggle({ x: 1000, y: 870, width: 22, height: 24 })
    emit('blur')
    expect(win.isVisible()).toBe(false)
    popover.toggle({ x: 1000, y: 870, width: 22, height: 24 })
    expect(win.show).toHaveBeenCalledTimes(1)
    advance(REOPEN_GUARD_MS + 1)
    popover.toggle({ x: 1000, y: 870, width: 22, height: 24 })
    expect(win.show).toHaveBeenCalledTimes(2)
  })

  it('a second click on the icon hides it', () => {
    const { popover, win } = setup()
    popover.toggle({ x: 1000, y: 0, width: 22, height: 24 })
    popover.toggle({ x: 1000, y: 0, width: 22, height: 24 })
    expect(win.hide).toHaveBeenCalledTimes(1)
  })

  it('the page closing itself (Esc) only hides it, until the app quits', () => {
    const { popover, win, emit } = setup()
    popover.show()
    const e = emit('close')
    expect(e.preventDefault).toHaveBeenCalled()
    expect(win.isVisible()).toBe(false)
    popover.allowClose()
    expect(emit('close').preventDefault).not.toHaveBeenCalled()
  })

  it('opened from the menu without icon bounds, it anchors at the pointer', () => {
    const { popover, win } = setup('linux')
    popover.show()
    expect(win.setBounds).toHaveBeenCalledWith(expect.objectContaining({ y: 25 + 6 }))
  })
})

describe('glance shortcut', () => {
  function shortcutSetup(on: boolean, registers = true) {
    let settings = { ...DEFAULT_SETTINGS, glanceShortcut: on }
    const listeners = new Set<(s: typeof settings) => void>()
    const shortcuts = { register: vi.fn(() => registers), unregister: vi.fn() }
    const toggle = vi.fn()
    const warn = vi.fn()
    const dispose = bindGlanceShortcut({
      shortcuts,
      settings: { get: () => settings, onChanged: (l) => (listeners.add(l), () => void listeners.delete(l)) },
      toggle,
      warn
    })
    const change = (glanceShortcut: boolean) => {
      settings = { ...settings, glanceShortcut }
      listeners.forEach((l) => l(settings))
    }
    return { shortcuts, toggle, warn, dispose, change }
  }

  it('is off by default and registers only when the user turns it on; off again drops it', () => {
    const { shortcuts, change } = shortcutSetup(DEFAULT_SETTINGS.glanceShortcut)
    expect(shortcuts.register).not.toHaveBeenCalled()
    change(true)
    expect(shortcuts.register).toHaveBeenCalledWith(GLANCE_SHORTCUT, expect.any(Function))
    change(false)
    expect(shortcuts.unregister).toHaveBeenCalledWith(GLANCE_SHORTCUT)
  })

  it('the shortcut toggles the popover; quitting drops it', () => {
    const { shortcuts, toggle, dispose } = shortcutSetup(true)
    ;(shortcuts.register.mock.calls[0] as unknown as [string, () => void])[1]()
    expect(toggle).toHaveBeenCalledTimes(1)
    dispose()
    expect(shortcuts.unregister).toHaveBeenCalledWith(GLANCE_SHORTCUT)
  })

  it('a shortcut another app holds is reported, not fatal', () => {
    const { warn } = shortcutSetup(true, false)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('taken by another app'))
  })
})

describe('tray popover height', () => {
  it('follows the content up to 560, and above a bottom taskbar keeps its bottom by the icon', () => {
    const { win } = fakeWindow()
    const popover = createTrayPopover({
      window: win,
      platform: 'win32',
      displays: () => [
        { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
      ],
      cursor: () => ({ x: 0, y: 0 }),
      now: () => 0,
      onShown: () => undefined
    })
    popover.show({ x: 1700, y: 1044, width: 32, height: 32 })
    expect(win.setBounds).toHaveBeenLastCalledWith(expect.objectContaining({ y: 1040 - 560 - 6, height: 560 }))
    popover.fit(300)
    expect(win.setBounds).toHaveBeenLastCalledWith(expect.objectContaining({ y: 1040 - 300 - 6, height: 300 }))
    popover.fit(5000)
    expect(win.setBounds).toHaveBeenLastCalledWith(expect.objectContaining({ height: 560 }))
    popover.fit(20)
    expect(win.setBounds).toHaveBeenLastCalledWith(expect.objectContaining({ height: MIN_POPOVER_HEIGHT }))
  })
})
