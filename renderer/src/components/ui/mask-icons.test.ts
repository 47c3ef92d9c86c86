import { describe, expect, it } from 'vitest'
import { installMaskIcons } from './mask-icons'

describe('mask icons', () => {
  it('adds one stylesheet with a bitmap mask for each icon', () => {
    installMaskIcons()
    installMaskIcons()
    const sheets = document.querySelectorAll('style[data-mask-icons]')
    expect(sheets).toHaveLength(1)
    const names = ['copy', 'menu', 'flask', 'lock', 'shield', 'server', 'key', 'sliders', 'search', 'layers']
    for (const name of [...names, 'refresh', 'pause', 'play', 'plus'])
      expect(sheets[0]?.textContent).toMatch(
        new RegExp(`\\.ticon-${name}\\{--ticon:url\\("data:image/png;base64,iVBOR`)
      )
  })
})
