import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodePng } from '../../../scripts/lib/png.mjs'
import type { TrayIconState } from '../../../shared/domain/tray'
import { trayIconDir, trayIconPath, windowIconPath } from './tray-icons'

const STATES: TrayIconState[] = ['ok', 'changing', 'error', 'offline']
const dir = trayIconDir({ isPackaged: false, resourcesPath: '/unused', appPath: join(__dirname, '../../..') })

/** Width, height and straight RGBA pixels of a PNG written by scripts/make-icons.mjs. */
function readPng(file: string): { width: number; height: number; pixels: Buffer } {
  const { width, height, channels, pixels } = decodePng(readFileSync(file))
  expect(channels).toBe(4)
  return { width, height, pixels }
}

describe('tray icons', () => {
  it('resolves packaged icons under resources/tray', () => {
    expect(
      trayIconPath(
        'ok',
        'darwin',
        trayIconDir({ isPackaged: true, resourcesPath: '/Applications/Nodetray.app/Contents/Resources', appPath: '' })
      )
    ).toBe('/Applications/Nodetray.app/Contents/Resources/tray/tray-okTemplate.png')
    expect(trayIconPath('error', 'win32', 'C:/r/tray')).toMatch(/tray-error\.ico$/)
    expect(trayIconPath('offline', 'linux', '/r/tray')).toBe('/r/tray/tray-offline.png')
  })

  it.each(STATES)('macOS %s: a black-and-alpha Template image at 16 px with a 32 px @2x sibling', (state) => {
    const file = trayIconPath(state, 'darwin', dir)
    expect(file).toMatch(/Template\.png$/) // Electron treats only names ending in "Template" as template images
    for (const [path, size] of [
      [file, 16],
      [file.replace('.png', '@2x.png'), 32]
    ] as const) {
      const png = readPng(path)
      expect([png.width, png.height]).toEqual([size, size])
      let opaque = 0
      for (let k = 0; k < png.pixels.length; k += 4) {
        if (png.pixels[k + 3]! > 0) expect([png.pixels[k], png.pixels[k + 1], png.pixels[k + 2]]).toEqual([0, 0, 0])
        if (png.pixels[k + 3]! > 100) opaque++ // offline is dimmed to ~45 % on purpose
      }
      expect(opaque).toBeGreaterThan(size * size * 0.15) // drawn, not blank
    }
  })

  it.each(STATES)('Linux %s: a coloured 22 px PNG with a 44 px @2x and both light and dark pixels', (state) => {
    const file = trayIconPath(state, 'linux', dir)
    expect(readPng(file).width).toBe(22)
    const png = readPng(file.replace('.png', '@2x.png'))
    expect(png.width).toBe(44)
    let light = 0
    let dark = 0
    for (let k = 0; k < png.pixels.length; k += 4) {
      if (png.pixels[k + 3]! < 100) continue // offline is dimmed to ~55 % on purpose
      const lum = (png.pixels[k]! + png.pixels[k + 1]! + png.pixels[k + 2]!) / 3
      if (lum > 170) light++
      if (lum < 70) dark++
    }
    // A light body with a dark outline: something stays visible on a dark panel and on a light one.
    expect(light).toBeGreaterThan(40)
    expect(dark).toBeGreaterThan(40)
  })

  it.each(STATES)('Windows %s: an ICO holding 16, 20, 24 and 32 px images', (state) => {
    const b = readFileSync(trayIconPath(state, 'win32', dir))
    expect(b.readUInt16LE(2)).toBe(1)
    const count = b.readUInt16LE(4)
    expect(Array.from({ length: count }, (_, i) => b.readUInt8(6 + i * 16))).toEqual([16, 20, 24, 32])
  })

  it('ships app icons for every platform', () => {
    const res = join(__dirname, '../../../resources')
    expect(readPng(join(res, 'icon.png')).width).toBe(1024)
    for (const s of [16, 32, 48, 64, 128, 256, 512]) expect(readPng(join(res, 'icons', `${s}x${s}.png`)).width).toBe(s)
    expect(existsSync(join(res, 'icon.ico'))).toBe(true)
  })
})

describe('window icon', () => {
  const where = { isPackaged: false, resourcesPath: '/opt/Nodetray/resources', appPath: join(__dirname, '../../..') }
  it('Linux gets a real 256 px PNG, unpackaged from the repo and packaged from resources/icon.png', () => {
    const dev = windowIconPath({ ...where, platform: 'linux' })!
    expect(readPng(dev).width).toBe(256)
    expect(windowIconPath({ ...where, platform: 'linux', isPackaged: true })).toBe('/opt/Nodetray/resources/icon.png')
  })
  it('macOS and Windows use the bundle / exe icon', () => {
    expect(windowIconPath({ ...where, platform: 'darwin' })).toBeUndefined()
    expect(windowIconPath({ ...where, platform: 'win32' })).toBeUndefined()
  })
})
