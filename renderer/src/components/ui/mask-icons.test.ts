import { describe, expect, it } from 'vitest'
import { iconSvg, installMaskIcons } from './mask-icons'

describe('mask icons', () => {
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

  it('adds one stylesheet with a mask image for each icon', () => {
    installMaskIcons()
    installMaskIcons()
    const sheets = document.querySelectorAll('style[data-mask-icons]')
    expect(sheets).toHaveLength(1)
    const names = ['copy', 'menu', 'flask', 'lock', 'shield', 'server', 'key', 'sliders', 'search', 'layers']
    for (const name of [...names, 'refresh', 'pause', 'play', 'plus'])
      expect(sheets[0]?.textContent).toMatch(
        new RegExp(`\\.ticon-${name}\\{--ticon:url\\("data:image/svg\\+xml,%3Csvg`)
      )
  })
})
