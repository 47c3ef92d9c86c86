import { describe, expect, it } from 'vitest'
import { POPOVER_GAP, popoverPosition, taskbarEdge, type DisplayArea, type Rect } from './popover-position'

const SIZE = { width: 380, height: 560 }
const G = POPOVER_GAP

const display = (bounds: Rect, workArea: Rect): DisplayArea => ({ bounds, workArea })
const rect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height })
const inside = (r: Rect, area: Rect) =>
  r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height

// 1920 × 1080 screens; taskbars 40 px, the macOS menu bar 25 px.
const macMain = display(rect(0, 0, 1440, 900), rect(0, 25, 1440, 800))
const winBottom = display(rect(0, 0, 1920, 1080), rect(0, 0, 1920, 1040))
const winTop = display(rect(0, 0, 1920, 1080), rect(0, 40, 1920, 1040))
const winLeft = display(rect(0, 0, 1920, 1080), rect(60, 0, 1860, 1080))
const winRight = display(rect(0, 0, 1920, 1080), rect(0, 0, 1860, 1080))

describe('popoverPosition', () => {
  it('macOS: hangs under the menu-bar icon, centred on it', () => {
    const r = popoverPosition({ platform: 'darwin', displays: [macMain], tray: rect(1000, 0, 22, 24), size: SIZE })
    expect(r).toEqual({ x: 1011 - 190, y: 25 + G, width: 380, height: 560 })
  })

  it('macOS: an icon near the right edge keeps the popover on screen', () => {
    const r = popoverPosition({ platform: 'darwin', displays: [macMain], tray: rect(1410, 0, 22, 24), size: SIZE })
    expect(r.x).toBe(1440 - 380 - G)
    expect(inside(r, macMain.workArea)).toBe(true)
  })

  it('macOS: on a second display placed left of the main one, opens on that display', () => {
    const left = display(rect(-1920, 0, 1920, 1080), rect(-1920, 25, 1920, 1055))
    const r = popoverPosition({
      platform: 'darwin',
      displays: [macMain, left],
      tray: rect(-300, 0, 22, 24),
      size: SIZE
    })
    expect(inside(r, left.workArea)).toBe(true)
    expect(r.y).toBe(25 + G)
  })

  it('Windows, taskbar at the bottom: above the icon', () => {
    const r = popoverPosition({ platform: 'win32', displays: [winBottom], tray: rect(1700, 1044, 32, 32), size: SIZE })
    expect(r).toEqual({ x: 1716 - 190, y: 1040 - 560 - G, width: 380, height: 560 })
  })

  it('Windows, taskbar at the top: below the icon', () => {
    const r = popoverPosition({ platform: 'win32', displays: [winTop], tray: rect(1700, 4, 32, 32), size: SIZE })
    expect(r.y).toBe(40 + G)
    expect(r.x).toBe(1716 - 190)
  })

  it('Windows, taskbar on the left: beside the icon, vertically centred', () => {
    const r = popoverPosition({ platform: 'win32', displays: [winLeft], tray: rect(14, 900, 32, 32), size: SIZE })
    expect(r.x).toBe(60 + G)
    expect(r.y).toBe(1080 - 560 - G) // centred on 916 would overflow the bottom: clamped
    expect(inside(r, winLeft.workArea)).toBe(true)
  })

  it('Windows, taskbar on the right: left of the icon', () => {
    const r = popoverPosition({ platform: 'win32', displays: [winRight], tray: rect(1874, 300, 32, 32), size: SIZE })
    expect(r).toEqual({ x: 1860 - 380 - G, y: 316 - 280, width: 380, height: 560 })
  })

  it('Windows, auto-hidden taskbar (work area = display): picks the edge nearest the icon', () => {
    const full = display(rect(0, 0, 1920, 1080), rect(0, 0, 1920, 1080))
    const r = popoverPosition({ platform: 'win32', displays: [full], tray: rect(1700, 1050, 32, 30), size: SIZE })
    expect(r.y + r.height).toBeLessThanOrEqual(1050 - G)
  })

  it('Windows, two monitors: the icon on the secondary (right) monitor opens there, inside its work area', () => {
    const second = display(rect(1920, 0, 2560, 1440), rect(1920, 0, 2560, 1400))
    const r = popoverPosition({
      platform: 'win32',
      displays: [winBottom, second],
      tray: rect(4400, 1404, 32, 32),
      size: SIZE
    })
    expect(inside(r, second.workArea)).toBe(true)
    expect(r.x).toBe(1920 + 2560 - 380 - G)
    expect(r.y).toBe(1400 - 560 - G)
  })

  it('a display stacked above the main one (negative y) is handled like any other', () => {
    const above = display(rect(0, -1080, 1920, 1080), rect(0, -1080, 1920, 1040))
    const r = popoverPosition({
      platform: 'win32',
      displays: [winBottom, above],
      tray: rect(1700, -36, 32, 32),
      size: SIZE
    })
    expect(inside(r, above.workArea)).toBe(true)
  })

  it('a short work area shrinks the height to fit', () => {
    const small = display(rect(0, 0, 1280, 480), rect(0, 0, 1280, 440))
    const r = popoverPosition({ platform: 'win32', displays: [small], tray: rect(1200, 444, 32, 32), size: SIZE })
    expect(r.height).toBe(440 - 2 * G)
    expect(inside(r, small.workArea)).toBe(true)
  })

  it('Linux without icon bounds: anchors at the pointer, else the top-right corner', () => {
    const linux = display(rect(0, 0, 1920, 1080), rect(0, 32, 1920, 1048))
    const none = rect(0, 0, 0, 0)
    const atPointer = popoverPosition({
      platform: 'linux',
      displays: [linux],
      tray: none,
      cursor: { x: 1800, y: 10 },
      size: SIZE
    })
    expect(atPointer).toEqual({ x: 1920 - 380 - G, y: 32 + G, width: 380, height: 560 })
    const corner = popoverPosition({ platform: 'linux', displays: [linux], tray: none, size: SIZE })
    expect(corner).toEqual({ x: 1920 - 380 - G, y: 32 + G, width: 380, height: 560 })
  })

  it('an icon outside every display (stale bounds after unplugging) falls back to the nearest display', () => {
    const r = popoverPosition({ platform: 'win32', displays: [winBottom], tray: rect(5000, 1044, 32, 32), size: SIZE })
    expect(inside(r, winBottom.workArea)).toBe(true)
  })
})

describe('taskbarEdge', () => {
  it('reads the edge from the gap between display and work area', () => {
    expect([winBottom, winTop, winLeft, winRight].map(taskbarEdge)).toEqual(['bottom', 'top', 'left', 'right'])
    expect(taskbarEdge(display(rect(0, 0, 10, 10), rect(0, 0, 10, 10)))).toBeNull()
  })
})
