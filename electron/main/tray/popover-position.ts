// Where the tray popover goes: a pure function of the displays, their work areas and the tray icon's bounds,
// so every OS, taskbar edge and multi-monitor layout is tested without Electron.

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface DisplayArea {
  bounds: Rect
  /** The display minus the menu bar, dock or taskbar. */
  workArea: Rect
}

export type TaskbarEdge = 'top' | 'bottom' | 'left' | 'right'

export interface PopoverPlacementInput {
  platform: NodeJS.Platform
  displays: DisplayArea[]
  /** The icon's bounds; all zero where the platform does not tell (Linux app indicators). */
  tray: Rect
  /** Where the pointer was when the popover was asked for; the fallback anchor when the icon has no bounds. */
  cursor?: { x: number; y: number }
  /** Wanted size; the height shrinks to fit the work area. */
  size: { width: number; height: number }
}

/** Space between the icon (or the work area's edge) and the popover. */
export const POPOVER_GAP = 6

const centerOf = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })
const contains = (r: Rect, p: { x: number; y: number }) =>
  p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height
const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(v, max))

function distanceTo(r: Rect, p: { x: number; y: number }): number {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width))
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height))
  return dx * dx + dy * dy
}

const hasBounds = (r: Rect) => r.width > 0 && r.height > 0

/** The display holding the anchor point, else the nearest one. */
export function displayFor(displays: DisplayArea[], point: { x: number; y: number }): DisplayArea {
  const first = displays[0]
  if (!first) throw new Error('popoverPosition needs at least one display')
  return (
    displays.find((d) => contains(d.bounds, point)) ??
    displays.reduce((best, d) => (distanceTo(d.bounds, point) < distanceTo(best.bounds, point) ? d : best), first)
  )
}

/** Which edge the taskbar (or menu bar) takes from the display; null when it hides and takes nothing. */
export function taskbarEdge(d: DisplayArea): TaskbarEdge | null {
  const b = d.bounds
  const w = d.workArea
  if (w.y > b.y) return 'top'
  if (w.y + w.height < b.y + b.height) return 'bottom'
  if (w.x > b.x) return 'left'
  if (w.x + w.width < b.x + b.width) return 'right'
  return null
}

/** The edge nearest to a point: where a hidden taskbar (or the icon) must be. */
function nearestEdge(b: Rect, p: { x: number; y: number }): TaskbarEdge {
  const gaps: [TaskbarEdge, number][] = [
    ['top', p.y - b.y],
    ['bottom', b.y + b.height - p.y],
    ['left', p.x - b.x],
    ['right', b.x + b.width - p.x]
  ]
  return gaps.reduce((best, g) => (g[1] < best[1] ? g : best))[0]
}

export function popoverPosition(input: PopoverPlacementInput): Rect {
  const anchorRect: Rect = hasBounds(input.tray)
    ? input.tray
    : input.cursor
      ? { x: input.cursor.x, y: input.cursor.y, width: 0, height: 0 }
      : { x: 0, y: 0, width: 0, height: 0 }
  const anchor = centerOf(anchorRect)
  const display = displayFor(input.displays, anchor)
  const area = display.workArea
  const width = Math.min(input.size.width, area.width - 2 * POPOVER_GAP)
  const height = Math.min(input.size.height, area.height - 2 * POPOVER_GAP)

  // Without an icon or pointer position (some Linux panels), the top-right corner is where tray menus live.
  if (!hasBounds(input.tray) && !input.cursor) {
    return { x: area.x + area.width - width - POPOVER_GAP, y: area.y + POPOVER_GAP, width, height }
  }

  // macOS: the menu bar is always on top; the popover hangs under the icon.
  const edge: TaskbarEdge =
    input.platform === 'darwin' ? 'top' : (taskbarEdge(display) ?? nearestEdge(display.bounds, anchor))

  let x: number
  let y: number
  switch (edge) {
    case 'top':
      x = anchor.x - width / 2
      y = Math.max(area.y, anchorRect.y + anchorRect.height) + POPOVER_GAP
      break
    case 'bottom':
      x = anchor.x - width / 2
      y = Math.min(area.y + area.height, anchorRect.y) - height - POPOVER_GAP
      break
    case 'left':
      x = Math.max(area.x, anchorRect.x + anchorRect.width) + POPOVER_GAP
      y = anchor.y - height / 2
      break
    case 'right':
      x = Math.min(area.x + area.width, anchorRect.x) - width - POPOVER_GAP
      y = anchor.y - height / 2
      break
  }

  return {
    x: Math.round(clamp(x, area.x + POPOVER_GAP, area.x + area.width - width - POPOVER_GAP)),
    y: Math.round(clamp(y, area.y + POPOVER_GAP, area.y + area.height - height - POPOVER_GAP)),
    width: Math.round(width),
    height: Math.round(height)
  }
}
