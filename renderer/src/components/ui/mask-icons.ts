// The icons of the window's first screen (the list's rows, its toolbar, the header's tabs) as CSS mask images
// rather than React SVG trees. A lucide icon is two components and an <svg> with two to ten children, each with a
// dozen attributes; the rows' icons were a third of the list's first render, and the first layout's cost follows the
// element count. Here an icon is one empty <span class="ticon ticon-NAME"> (or the ::before of an element with
// "ticon-before"). The masks are bitmaps of lucide's own shapes, made ahead of time (mask-icons.data.ts, written by
// scripts/make-mask-icons.ts): an SVG mask is a document of its own that every frame drawing it paints again, which
// cost the list about a fifth of each frame (docs/performance.md, tenth pass). Other screens keep lucide
// components; `Button` and `Tabs` take either.
import { MASK_ICON_PNGS } from './mask-icons.data'

export type MaskIconName = keyof typeof MASK_ICON_PNGS

function css(): string {
  return (Object.keys(MASK_ICON_PNGS) as MaskIconName[])
    .map((name) => `.ticon-${name}{--ticon:url("${MASK_ICON_PNGS[name]}")}`)
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
