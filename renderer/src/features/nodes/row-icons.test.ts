import { describe, expect, it } from 'vitest'
import { iconSvg, installRowIcons } from './row-icons'

describe('row icons', () => {
  it('draws a shape as lucide does, without its React keys', () => {
    const svg = iconSvg([
      ['rect', { width: '14', height: '14', x: '8', y: '8', key: 'a' }],
      ['path', { d: 'M4 16c-1.1 0-2-.9-2-2', key: 'b' }]
    ])
    expect(svg).toContain('viewBox="0 0 24 24"')
    expect(svg).toContain('stroke-width="2"')
    expect(svg).toContain('<rect width="14" height="14" x="8" y="8"/>')
    expect(svg).toContain('<path d="M4 16c-1.1 0-2-.9-2-2"/>')
    expect(svg).not.toContain('key=')
  })

  it('adds one stylesheet with a mask image for each row icon', () => {
    installRowIcons()
    installRowIcons()
    const sheets = document.querySelectorAll('style[data-row-icons]')
    expect(sheets).toHaveLength(1)
    for (const name of ['copy', 'menu', 'flask', 'lock', 'shield'])
      expect(sheets[0]?.textContent).toMatch(
        new RegExp(`\\.ticon-${name}\\{--ticon:url\\("data:image/svg\\+xml,%3Csvg`)
      )
  })
})
