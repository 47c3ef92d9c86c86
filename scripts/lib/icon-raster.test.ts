import { describe, expect, it } from 'vitest'
import { decodeAlphaPng, encodeAlphaPng, pathSegments, rasterizeIcon, type IconNode } from './icon-raster'

// At 24 px a design unit is one pixel, whose centre is at (i + 0.5, j + 0.5).
const at = (alpha: Uint8Array, x: number, y: number) => alpha[y * 24 + x] as number

describe('icon rasteriser', () => {
  it('draws a line as a 2-unit stroke with round caps', () => {
    const a = rasterizeIcon([['path', { d: 'M2 12H22' }]], 24)
    expect(at(a, 12, 11)).toBe(255)
    expect(at(a, 12, 12)).toBe(255)
    expect(at(a, 12, 10)).toBe(0)
    expect(at(a, 12, 13)).toBe(0)
    // The cap reaches a unit past the end, rounded: half a pixel out is mostly covered, one and a half is not.
    expect(at(a, 1, 11)).toBeGreaterThan(150)
    expect(at(a, 0, 11)).toBe(0)
  })

  it('follows relative commands, arcs and curves through the points they pass', () => {
    // An arc from (4, 12) to (20, 12), clockwise on screen: the upper half of a circle of radius 8 around (12, 12).
    const arc = rasterizeIcon([['path', { d: 'M4 12a8 8 0 0 1 16 0' }]], 24)
    expect(at(arc, 12, 4)).toBeGreaterThan(200)
    expect(at(arc, 12, 19)).toBe(0)
    // The same arc the other way round is the lower half.
    const lower = rasterizeIcon([['path', { d: 'M4 12A8 8 0 0 0 20 12' }]], 24)
    expect(at(lower, 12, 19)).toBeGreaterThan(200)
    expect(at(lower, 12, 4)).toBe(0)
    // A quadratic through (12, 7) at its middle; v and h move from the current point; z closes to the start.
    const quad = rasterizeIcon([['path', { d: 'M2 12Q12 2 22 12' }]], 24)
    expect(at(quad, 12, 6)).toBeGreaterThan(200)
    // Arc flags may touch the next number, as minifiers write them.
    expect(pathSegments('M4 12a8 8 0 0116 0')).toEqual(pathSegments('M4 12a8 8 0 0 1 16 0'))
    const box = pathSegments('M4 4h10v10z')
    expect(box.at(-1)).toEqual({ ax: 14, ay: 14, bx: 4, by: 4 })
  })

  it('rounds a rectangle’s corners and fills a circle that asks for it', () => {
    const rect = rasterizeIcon([['rect', { x: 2, y: 2, width: 20, height: 20, rx: 6 }]], 24)
    expect(at(rect, 12, 2)).toBe(255)
    expect(at(rect, 2, 2)).toBe(0)
    const ring = rasterizeIcon([['circle', { cx: 12, cy: 12, r: 6 }]], 24)
    const disc = rasterizeIcon([['circle', { cx: 12, cy: 12, r: 6, fill: 'currentColor' }]], 24)
    expect(at(ring, 12, 12)).toBe(0)
    expect(at(disc, 12, 12)).toBe(255)
  })

  it('refuses shapes it would draw wrong', () => {
    expect(() => rasterizeIcon([['ellipse', { cx: 12, cy: 12, rx: 4, ry: 2 }]] as IconNode, 24)).toThrow(/<ellipse>/)
    expect(() => pathSegments('M2 2 X 4')).toThrow(/unknown command "X"/)
    expect(() => pathSegments('M2 2 L4')).toThrow(/wants 2 numbers/)
  })

  it('writes a PNG whose alpha reads back as drawn', () => {
    const alpha = rasterizeIcon([['circle', { cx: 12, cy: 12, r: 8 }]], 24)
    const png = encodeAlphaPng(alpha, 24)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    const back = decodeAlphaPng(png)
    expect(back.size).toBe(24)
    expect(back.alpha).toEqual(alpha)
  })
})
