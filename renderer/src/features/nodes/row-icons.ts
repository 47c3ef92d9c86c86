// The icons every row repeats (copy, menu, demo flask, lock, shield) as CSS mask images rather than React SVG
// trees. A lucide icon is two components and an <svg> with two to four children, each with a dozen attributes;
// fifteen rows of three of them were a third of the list's first render and added layout objects to its first
// layout. Here each row's icon is one empty <span>; the shapes are lucide's own, turned into data URLs once when the
// module loads, so the look follows the icon set. The toolbar's few icons stay lucide components.
import * as copy from 'lucide-react/icons/copy'
import * as ellipsis from 'lucide-react/icons/ellipsis'
import * as flask from 'lucide-react/icons/flask-conical'
import * as lock from 'lucide-react/icons/lock'
import * as shield from 'lucide-react/icons/shield-check'

type IconNode = [tag: string, attrs: Record<string, string | number>][]
/** Every per-icon module also exports the shape it draws; its typings only declare the component. */
type IconModule = { __iconData?: { node: IconNode } }

export type RowIconName = 'copy' | 'menu' | 'flask' | 'lock' | 'shield'

const SOURCES: Record<RowIconName, IconModule> = {
  copy: copy as unknown as IconModule,
  menu: ellipsis as unknown as IconModule,
  flask: flask as unknown as IconModule,
  lock: lock as unknown as IconModule,
  shield: shield as unknown as IconModule
}

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
  return (Object.keys(SOURCES) as RowIconName[])
    .map((name) => {
      const node = SOURCES[name].__iconData?.node ?? []
      return `.ticon-${name}{--ticon:url("data:image/svg+xml,${encodeURIComponent(iconSvg(node))}")}`
    })
    .join('\n')
}

let installed = false

/** Adds the icons' mask images to the page once (a few hundred bytes of CSS, before the first render). */
export function installRowIcons(): void {
  if (installed || typeof document === 'undefined') return
  installed = true
  const style = document.createElement('style')
  style.dataset.rowIcons = ''
  style.textContent = css()
  document.head.appendChild(style)
}
