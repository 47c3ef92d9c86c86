import { describe, expect, it } from 'vitest'
import { MASK_ICON_PNGS } from '../renderer/src/components/ui/mask-icons.data'
import { decodeAlphaPng, rasterizeIcon } from './lib/icon-raster'
import { MASK_ICON_SIZE, MASK_ICON_SOURCES } from './make-mask-icons'

const committed = MASK_ICON_PNGS as Record<string, string>

describe('the window’s mask icons (mask-icons.data.ts)', () => {
  it('has a bitmap for every icon the generator knows, and no other', () => {
    expect(Object.keys(committed).sort()).toEqual(Object.keys(MASK_ICON_SOURCES).sort())
  })

  // Compared pixel by pixel, not byte by byte: another zlib may compress the same bitmap differently.
  it.each(Object.keys(MASK_ICON_SOURCES))('%s is lucide’s current shape (else run `npm run icons:mask`)', (name) => {
    const node = MASK_ICON_SOURCES[name]?.__iconData?.node
    expect(node).toBeDefined()
    const fresh = rasterizeIcon(node ?? [], MASK_ICON_SIZE)
    const url = committed[name] ?? ''
    expect(url.startsWith('data:image/png;base64,')).toBe(true)
    const { size, alpha } = decodeAlphaPng(Buffer.from(url.slice('data:image/png;base64,'.length), 'base64'))
    expect(size).toBe(MASK_ICON_SIZE)
    const off = alpha.reduce((n, v, i) => n + (Math.abs(v - (fresh[i] as number)) > 1 ? 1 : 0), 0)
    expect(off).toBe(0)
    // Not blank: a shape with a few hundred covered pixels.
    expect(alpha.filter((v) => v > 128).length).toBeGreaterThan(100)
  })
})
