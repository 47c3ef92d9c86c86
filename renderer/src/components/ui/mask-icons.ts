// The icons of the window's first screen (the list's rows, its toolbar, the header's tabs) as CSS mask images
// rather than React SVG trees. A lucide icon is two components and an <svg> with two to ten children, each with a
// dozen attributes; the rows' icons were a third of the list's first render, and the first layout's cost follows the
// element count. Here an icon is one empty <span class="ticon ticon-NAME"> (or the ::before of an element with
// "ticon-before"); the shapes are lucide's own, turned into data URLs once, so the look follows the icon set. Other
// screens keep lucide components; `Button` and `Tabs` take either.
import * as copy from 'lucide-react/icons/copy'
import * as ellipsis from 'lucide-react/icons/ellipsis'
import * as flask from 'lucide-react/icons/flask-conical'
import * as keyRound from 'lucide-react/icons/key-round'
import * as layers from 'lucide-react/icons/layers'
import * as lock from 'lucide-react/icons/lock'
import * as pause from 'lucide-react/icons/pause'
import * as play from 'lucide-react/icons/play'
import * as plus from 'lucide-react/icons/plus'
import * as refresh from 'lucide-react/icons/refresh-cw'
import * as search from 'lucide-react/icons/search'
import * as server from 'lucide-react/icons/server'
import * as shield from 'lucide-react/icons/shield-check'
import * as sliders from 'lucide-react/icons/sliders-horizontal'

type IconNode = [tag: string, attrs: Record<string, string | number>][]
/** Every per-icon module also exports the shape it draws; its typings only declare the component. */
type IconModule = { __iconData?: { node: IconNode } }

const SOURCES = {
  copy: copy as unknown as IconModule,
  menu: ellipsis as unknown as IconModule,
  flask: flask as unknown as IconModule,
  lock: lock as unknown as IconModule,
  shield: shield as unknown as IconModule,
  server: server as unknown as IconModule,
  key: keyRound as unknown as IconModule,
  sliders: sliders as unknown as IconModule,
  search: search as unknown as IconModule,
  layers: layers as unknown as IconModule,
  refresh: refresh as unknown as IconModule,
  pause: pause as unknown as IconModule,
  play: play as unknown as IconModule,
  plus: plus as unknown as IconModule
} satisfies Record<string, IconModule>

export type MaskIconName = keyof typeof SOURCES

const escapeAttr = (v: string | number) =>
  String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** The icon as lucide draws it (24-unit box, 2-unit round strokes), black on transparent: a mask's alpha. */
export function iconSvg(node: IconNode): string {
  const children = node
    .map(([tag, attrs]) => {
      const list = Object.entries(attrs)
        .filter(([k]) => k !== 'key')
        .map(([k, v]) => `${k}="${escapeAttr(v)}"`)
        .join(' ')
      return `<${tag} ${list}/>`
    })
    .join('')
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="#000" ' +
    `stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${children}</svg>`
  )
}

function css(): string {
  return (Object.keys(SOURCES) as MaskIconName[])
    .map((name) => {
      const node = SOURCES[name].__iconData?.node ?? []
      return `.ticon-${name}{--ticon:url("data:image/svg+xml,${encodeURIComponent(iconSvg(node))}")}`
    })
    .join('\n')
}

let installed = false

/** Adds the icons' mask images to the page once (a few kilobytes of CSS, before the first render). */
export function installMaskIcons(): void {
  if (installed || typeof document === 'undefined') return
  installed = true
  const style = document.createElement('style')
  style.dataset.maskIcons = ''
  style.textContent = css()
  document.head.appendChild(style)
}
