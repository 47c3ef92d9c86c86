// The thin Electron side of the tray: turns a TrayMenuModel into a native menu and sends every click to one
// dispatcher by item id. Tray and Menu come in as factories (Signal's createTrayInstance seam), so tests pass
// plain vi.fn() objects and nothing here needs an Electron binary.
import type { MenuItemConstructorOptions, NativeImage } from 'electron'
import type { TrayIconState, TrayItem, TrayMenuModel } from '../../../shared/domain/tray'

export interface MenuLike {
  on?(event: 'menu-will-show', listener: () => void): unknown
}

export interface TrayLike {
  setContextMenu(menu: MenuLike | null): void
  setImage(image: TrayImage): void
  setToolTip(toolTip: string): void
  setTitle(title: string): void
  on(event: 'click' | 'right-click', listener: (event: unknown, bounds: TrayBounds) => void): unknown
  /** macOS: shows the menu on demand, when left click belongs to the popover. */
  popUpContextMenu?(menu?: MenuLike): void
  destroy(): void
}

/** The icon's place on screen, as Electron's click events give it (all zero where the platform does not say). */
export interface TrayBounds {
  x: number
  y: number
  width: number
  height: number
}

/** What `new Tray()` and `setImage()` accept: a NativeImage or a file path (Electron loads @2x and Template itself). */
export type TrayImage = NativeImage | string

export interface TrayAdapterDeps {
  createTray(image: TrayImage): TrayLike
  buildMenu(template: MenuItemConstructorOptions[]): MenuLike
  loadIcon(state: TrayIconState): TrayImage
  platform: NodeJS.Platform
  onActivate(itemId: string): void
  /** The menu is about to show (macOS and Windows emit this; Linux app indicators do not). */
  onMenuOpened?(): void
  /** A left click on the icon (macOS, Windows) opens the popover; the menu moves to right-click. Linux keeps the
   * menu, which offers "Open Nodetray glance". */
  onClick?(bounds: TrayBounds): void
}

export interface TrayAdapter {
  render(model: TrayMenuModel): void
  dispose(): void
}

export function createTrayAdapter(deps: TrayAdapterDeps): TrayAdapter {
  let tray: TrayLike | null = null
  let lastKey: string | null = null
  let lastIcon: TrayIconState | null = null
  let currentMenu: MenuLike | null = null
  const popover = deps.onClick !== undefined && deps.platform !== 'linux'

  return {
    render(model) {
      const key = JSON.stringify(model)
      if (key === lastKey) return
      lastKey = key
      if (!tray) {
        tray = deps.createTray(deps.loadIcon(model.icon))
        lastIcon = model.icon
        // Windows opens the context menu on right-click only; a left click showing the window is what users
        // expect there. macOS shows the menu on click; on Linux `click` may never fire (app indicators), which
        // is why every action, Open included, also lives in the menu.
        if (popover) {
          tray.on('click', (_e, bounds) => deps.onClick?.(bounds))
          if (deps.platform === 'darwin')
            tray.on('right-click', () => currentMenu && tray?.popUpContextMenu?.(currentMenu))
        } else if (deps.platform === 'win32') tray.on('click', () => deps.onActivate('window:open'))
      } else if (model.icon !== lastIcon) {
        tray.setImage(deps.loadIcon(model.icon))
        lastIcon = model.icon
      }
      const menu = deps.buildMenu(toTemplate(model.items, deps.platform, deps.onActivate))
      if (deps.onMenuOpened) menu.on?.('menu-will-show', deps.onMenuOpened)
      // Always a NEW menu and always setContextMenu again: on Linux, changes to a menu the tray already holds
      // are ignored ("you have to call setContextMenu again", electron docs/api/tray.md, Platform
      // Considerations). An app-indicator icon also only appears once it has a menu.
      currentMenu = menu
      // macOS opens a context menu on left click; with the popover there, the menu waits for a right-click.
      if (!(popover && deps.platform === 'darwin')) tray.setContextMenu(menu)
      tray.setToolTip(model.tooltip)
      // The running count beside the icon; setTitle exists on macOS only.
      if (deps.platform === 'darwin') tray.setTitle(model.title)
    },
    dispose() {
      tray?.destroy()
      tray = null
      lastKey = null
    }
  }
}

export function toTemplate(
  items: TrayItem[],
  platform: NodeJS.Platform,
  onActivate: (id: string) => void
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { id: item.id, type: 'separator' }
    const out: MenuItemConstructorOptions = { id: item.id, label: menuLabel(item, platform), enabled: item.enabled }
    if (item.sublabel && platform === 'darwin') {
      // sublabel shows on macOS ≥ 14.4; the tooltip covers older versions.
      out.sublabel = item.sublabel
      out.toolTip = item.sublabel
    }
    if (item.children) {
      out.type = 'submenu'
      out.submenu = toTemplate(item.children, platform, onActivate)
    } else if (item.action) {
      const id = item.id
      out.click = () => onActivate(id)
    }
    return out
  })
}

/**
 * Windows and Linux show neither sublabels nor menu tooltips, so a disabled item's reason joins its label there;
 * otherwise the user sees a greyed "Delete…" and no why. `&` starts a mnemonic on both, so names are escaped.
 */
function menuLabel(item: TrayItem, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return item.label
  const label = item.label.replace(/&/g, '&&')
  return item.sublabel && !item.enabled ? `${label} — ${item.sublabel.replace(/&/g, '&&')}` : label
}
