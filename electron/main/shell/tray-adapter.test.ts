import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import type { TrayMenuModel } from '../../../shared/domain/tray'
import { buildTrayMenu } from '../tray/tray-menu.model'
import { node, profileNodes, profileView, trayState } from '../../../tests/support/tray-fixtures'
import { createTrayAdapter } from './tray-adapter'

function fakes(platform: NodeJS.Platform = 'linux') {
  const tray = {
    setContextMenu: vi.fn(),
    setImage: vi.fn(),
    setToolTip: vi.fn(),
    setTitle: vi.fn(),
    on: vi.fn(),
    destroy: vi.fn()
  }
  const menus: { template: MenuItemConstructorOptions[]; on: ReturnType<typeof vi.fn> }[] = []
  const deps = {
    createTray: vi.fn((_image: string) => tray),
    buildMenu: vi.fn((template: MenuItemConstructorOptions[]) => {
      const menu = { template, on: vi.fn() }
      menus.push(menu)
      return menu
    }),
    loadIcon: vi.fn((state: string) => `icon-${state}`),
    platform,
    onActivate: vi.fn(),
    onMenuOpened: vi.fn()
  }
  return { tray, menus, deps, adapter: createTrayAdapter(deps) }
}

const modelWith = (status: 'RUNNING' | 'OFF' | 'FAILED', over: Parameters<typeof node>[3] = {}): TrayMenuModel =>
  buildTrayMenu(
    trayState({ profiles: [profileView('p1')], nodes: [profileNodes('p1', [node(1, 'web & db', status, over)])] })
  )

const find = (items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined => {
  for (const i of items) {
    if (i.id === id) return i
    const inner = Array.isArray(i.submenu) ? find(i.submenu, id) : undefined
    if (inner) return inner
  }
  return undefined
}

describe('tray adapter', () => {
  it('creates the tray once with the state icon and sets a menu, tooltip and (macOS) title', () => {
    const { tray, deps, adapter } = fakes('darwin')
    // The title's wording is the menu model's (tray-menu.model.ts); the adapter shows whatever it says.
    adapter.render({ ...modelWith('RUNNING'), title: '1 failed' })
    expect(deps.createTray).toHaveBeenCalledWith('icon-ok')
    expect(tray.setContextMenu).toHaveBeenCalledTimes(1)
    expect(tray.setToolTip).toHaveBeenCalledWith('Nodetray · 1 running')
    expect(tray.setTitle).toHaveBeenCalledWith('1 failed')
  })

  it('calls setContextMenu again with a new menu on every change, and not at all when unchanged', () => {
    const { tray, menus, adapter } = fakes()
    adapter.render(modelWith('RUNNING'))
    adapter.render(modelWith('RUNNING'))
    expect(tray.setContextMenu).toHaveBeenCalledTimes(1)
    adapter.render(modelWith('OFF'))
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2)
    expect(menus).toHaveLength(2)
    expect(tray.setContextMenu.mock.calls[1]![0]).toBe(menus[1])
    expect(menus[1]).not.toBe(menus[0])
  })

  it('changes the image only when the icon state changes', () => {
    const { tray, adapter } = fakes()
    adapter.render(modelWith('RUNNING'))
    adapter.render(modelWith('OFF'))
    expect(tray.setImage).not.toHaveBeenCalled()
    adapter.render(modelWith('FAILED'))
    expect(tray.setImage).toHaveBeenCalledWith('icon-error')
  })

  it('dispatches clicks by item id, including inside node submenus', () => {
    const { menus, deps, adapter } = fakes()
    adapter.render(modelWith('RUNNING'))
    const template = menus[0]!.template
    find(template, 'node:p1:1:power_off')!.click!({} as never, undefined, {} as never)
    find(template, 'app:quit')!.click!({} as never, undefined, {} as never)
    expect(deps.onActivate.mock.calls).toEqual([['node:p1:1:power_off'], ['app:quit']])
    expect(find(template, 'summary')!.click).toBeUndefined()
  })

  it('maps items to native menu options: separators, submenus, enabled flags', () => {
    const { menus, adapter } = fakes('darwin')
    adapter.render(modelWith('RUNNING', { isLocked: true }))
    const template = menus[0]!.template
    expect(find(template, 'profile:p1:sep')).toEqual({ id: 'profile:p1:sep', type: 'separator' })
    expect(find(template, 'node:p1:1')).toMatchObject({ type: 'submenu', label: '● web & db', enabled: true })
    expect(find(template, 'node:p1:1:delete')).toMatchObject({
      label: 'Delete…',
      enabled: false,
      sublabel: 'The node is locked. Unlock it before deleting.',
      toolTip: 'The node is locked. Unlock it before deleting.'
    })
  })

  it('on Linux and Windows puts a disabled item’s reason in its label and escapes &', () => {
    const { menus, adapter } = fakes('linux')
    adapter.render(modelWith('RUNNING', { isLocked: true }))
    const template = menus[0]!.template
    expect(find(template, 'node:p1:1')!.label).toBe('● web && db')
    expect(find(template, 'node:p1:1:delete')).toMatchObject({
      label: 'Delete… — The node is locked. Unlock it before deleting.',
      enabled: false
    })
    expect(find(template, 'node:p1:1:delete')!.sublabel).toBeUndefined()
  })

  it('never sets a title off macOS; on Windows a left click opens the window', () => {
    const { tray, deps, adapter } = fakes('win32')
    adapter.render(modelWith('RUNNING'))
    expect(tray.setTitle).not.toHaveBeenCalled()
    const [event, listener] = tray.on.mock.calls[0] as [string, () => void]
    expect(event).toBe('click')
    listener()
    expect(deps.onActivate).toHaveBeenCalledWith('window:open')
  })

  it('reports menu-will-show and destroys the tray on dispose', () => {
    const { tray, menus, deps, adapter } = fakes('darwin')
    adapter.render(modelWith('RUNNING'))
    const [event, listener] = menus[0]!.on.mock.calls[0] as [string, () => void]
    expect(event).toBe('menu-will-show')
    listener()
    expect(deps.onMenuOpened).toHaveBeenCalledTimes(1)
    adapter.dispose()
    expect(tray.destroy).toHaveBeenCalledTimes(1)
  })
})

describe('tray adapter with the popover', () => {
  const withPopover = (platform: NodeJS.Platform) => {
    const f = fakes(platform)
    const onClick = vi.fn()
    const popUpContextMenu = vi.fn()
    const tray = { ...f.tray, popUpContextMenu }
    const adapter = createTrayAdapter({ ...f.deps, createTray: vi.fn(() => tray), onClick })
    adapter.render(modelWith('RUNNING'))
    const handler = (event: string) =>
      tray.on.mock.calls.find((c) => c[0] === event)?.[1] as ((e: unknown, b: unknown) => void) | undefined
    return { ...f, tray, onClick, popUpContextMenu, handler }
  }
  const bounds = { x: 1000, y: 0, width: 22, height: 24 }

  it('macOS: left click opens the popover at the icon; the menu moves to right-click', () => {
    const { tray, onClick, popUpContextMenu, handler, menus } = withPopover('darwin')
    handler('click')?.({}, bounds)
    expect(onClick).toHaveBeenCalledWith(bounds)
    expect(tray.setContextMenu).not.toHaveBeenCalled()
    handler('right-click')?.({}, bounds)
    expect(popUpContextMenu).toHaveBeenCalledWith(menus.at(-1))
  })

  it('Windows: left click opens the popover instead of the window; right-click keeps the menu', () => {
    const { tray, onClick, handler, deps } = withPopover('win32')
    handler('click')?.({}, bounds)
    expect(onClick).toHaveBeenCalledWith(bounds)
    expect(deps.onActivate).not.toHaveBeenCalled()
    expect(tray.setContextMenu).toHaveBeenCalled()
  })

  it('Linux: the menu stays (clicks may never come); the popover is opened from it', () => {
    const { tray, handler } = withPopover('linux')
    expect(handler('click')).toBeUndefined()
    expect(tray.setContextMenu).toHaveBeenCalled()
  })
})
