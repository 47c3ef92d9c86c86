// Rasterises a lucide icon (its shape list: paths, circles, rects, lines in a 24-unit box, drawn as 2-unit strokes
// with round caps and joins) into an alpha mask, and wraps it as a PNG. Pure Node, no image tools, so the window's
// row icons can be bitmaps made ahead of time and committed: a bitmap mask costs a frame far less to paint than an
// SVG one (docs/performance.md, tenth pass). Anti-aliasing comes from each pixel centre's distance to the nearest
// stroke.
import { decodePng, encodePng } from './png.mjs'

export type IconNode = [tag: string, attrs: Record<string, string | number>][]

const BOX = 24
const HALF_STROKE = 1
/** Curves and arcs become chords this long at most (design units). */
const STEP = 0.2

interface Segment {
  ax: number
  ay: number
  bx: number
  by: number
}

interface Shapes {
  strokes: Segment[]
  /** Filled discs (a circle with `fill`): centre and radius. */
  discs: { cx: number; cy: number; r: number }[]
}

const num = (v: string | number | undefined, name: string): number => {
  const n = typeof v === 'number' ? v : Number(v)
  if (v === undefined || !Number.isFinite(n)) throw new Error(`icon shape: "${name}" is not a number (${String(v)})`)
  return n
}

/** Adds a polyline's chords to `out`; `pts` is [x0, y0, x1, y1, …]. */
function addPolyline(out: Segment[], pts: number[]): void {
  for (let i = 2; i + 1 < pts.length; i += 2)
    out.push({ ax: pts[i - 2] as number, ay: pts[i - 1] as number, bx: pts[i] as number, by: pts[i + 1] as number })
}

function ellipsePoints(cx: number, cy: number, rx: number, ry: number, from: number, sweep: number): number[] {
  const n = Math.max(2, Math.ceil((Math.abs(sweep) * Math.max(rx, ry)) / STEP))
  const pts: number[] = []
  for (let i = 0; i <= n; i++) {
    const t = from + (sweep * i) / n
    pts.push(cx + rx * Math.cos(t), cy + ry * Math.sin(t))
  }
  return pts
}

function cubicPoints(p: number[]): number[] {
  const [x0, y0, x1, y1, x2, y2, x3, y3] = p as [number, number, number, number, number, number, number, number]
  const len = Math.hypot(x1 - x0, y1 - y0) + Math.hypot(x2 - x1, y2 - y1) + Math.hypot(x3 - x2, y3 - y2)
  const n = Math.max(2, Math.ceil(len / STEP))
  const pts: number[] = []
  for (let i = 0; i <= n; i++) {
    const t = i / n
    const u = 1 - t
    pts.push(
      u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
      u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3
    )
  }
  return pts
}

/** SVG's endpoint arc (rx ry rotation large-arc sweep x y) as points from (x0, y0), per SVG 1.1 appendix F.6.5. */
function arcPoints(x0: number, y0: number, a: number[]): number[] {
  let [rx, ry] = [Math.abs(a[0] as number), Math.abs(a[1] as number)]
  const phi = ((a[2] as number) * Math.PI) / 180
  const [large, sweep, x1, y1] = [a[3] !== 0, a[4] !== 0, a[5] as number, a[6] as number]
  if (rx === 0 || ry === 0 || (x0 === x1 && y0 === y1)) return [x0, y0, x1, y1]
  const cos = Math.cos(phi)
  const sin = Math.sin(phi)
  const dx = (x0 - x1) / 2
  const dy = (y0 - y1) / 2
  const xp = cos * dx + sin * dy
  const yp = -sin * dx + cos * dy
  const lambda = (xp * xp) / (rx * rx) + (yp * yp) / (ry * ry)
  if (lambda > 1) {
    rx *= Math.sqrt(lambda)
    ry *= Math.sqrt(lambda)
  }
  const num2 = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp
  const den = rx * rx * yp * yp + ry * ry * xp * xp
  const k = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num2 / den))
  const cxp = (k * rx * yp) / ry
  const cyp = (-k * ry * xp) / rx
  const cx = cos * cxp - sin * cyp + (x0 + x1) / 2
  const cy = sin * cxp + cos * cyp + (y0 + y1) / 2
  const angle = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)
  const theta = angle(1, 0, (xp - cxp) / rx, (yp - cyp) / ry)
  let delta = angle((xp - cxp) / rx, (yp - cyp) / ry, (-xp - cxp) / rx, (-yp - cyp) / ry)
  if (!sweep && delta > 0) delta -= 2 * Math.PI
  if (sweep && delta < 0) delta += 2 * Math.PI
  // Points on the unrotated ellipse around the origin, then rotated and moved to the centre.
  const local = ellipsePoints(0, 0, rx, ry, theta, delta)
  const pts: number[] = []
  for (let i = 0; i < local.length; i += 2) {
    const [ex, ey] = [local[i] as number, local[i + 1] as number]
    pts.push(cx + cos * ex - sin * ey, cy + sin * ex + cos * ey)
  }
  pts[pts.length - 2] = x1
  pts[pts.length - 1] = y1
  return pts
}

const ARGS: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 }

/** The stroke of an SVG path's `d`, as chords. Throws on anything it does not understand rather than drawing it wrong. */
export function pathSegments(d: string): Segment[] {
  const out: Segment[] = []
  let at = 0
  const skip = () => {
    while (at < d.length && /[\s,]/.test(d[at] as string)) at++
  }
  const readNumber = (): number | null => {
    skip()
    const m = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(d.slice(at))
    if (!m) return null
    at += m[0].length
    return Number(m[0])
  }
  // An arc's two flags are one character each and may touch what follows ("a2 2 0 011 1").
  const readFlag = (): number | null => {
    skip()
    const c = d[at]
    if (c !== '0' && c !== '1') return null
    at++
    return Number(c)
  }
  let [x, y, startX, startY] = [0, 0, 0, 0]
  // The last control point and the command that set it, for S and T's reflection.
  let [cx, cy] = [0, 0]
  let prev = ''
  let cmd = ''
  let poly: number[] = []
  const flush = () => {
    addPolyline(out, poly)
    poly = []
  }
  for (skip(); at < d.length; skip()) {
    const c = d[at] as string
    if (/[a-zA-Z]/.test(c)) {
      cmd = c
      at++
      if (!(cmd.toUpperCase() in ARGS)) throw new Error(`icon path: unknown command "${cmd}" in "${d}"`)
    } else if (cmd === '') throw new Error(`icon path: numbers before a command in "${d}"`)
    const upper = cmd.toUpperCase()
    const rel = cmd !== upper
    const n = ARGS[upper] as number
    if (upper === 'Z') {
      poly.push(startX, startY)
      ;[x, y] = [startX, startY]
      flush()
      poly.push(x, y)
      cmd = ''
      prev = 'Z'
      continue
    }
    const a: number[] = []
    for (let k = 0; k < n; k++) {
      const v = upper === 'A' && (k === 3 || k === 4) ? readFlag() : readNumber()
      if (v === null) throw new Error(`icon path: "${cmd}" wants ${n} numbers in "${d}"`)
      a.push(v)
    }
    const ox = rel ? x : 0
    const oy = rel ? y : 0
    let [px, py] = [cx, cy]
    switch (upper) {
      case 'M':
        flush()
        ;[x, y] = [ox + (a[0] as number), oy + (a[1] as number)]
        ;[startX, startY] = [x, y]
        poly.push(x, y)
        // Further pairs after a moveto are linetos.
        cmd = rel ? 'l' : 'L'
        ;[px, py] = [x, y]
        break
      case 'L':
      case 'T': {
        const [nx, ny] = [ox + (a[0] as number), oy + (a[1] as number)]
        if (upper === 'T') {
          const [qx, qy] = /[QT]/.test(prev) ? [2 * x - cx, 2 * y - cy] : [x, y]
          poly.push(...quadAsCubic(x, y, qx, qy, nx, ny).slice(2))
          ;[px, py] = [qx, qy]
        } else {
          poly.push(nx, ny)
          ;[px, py] = [nx, ny]
        }
        ;[x, y] = [nx, ny]
        break
      }
      case 'H':
        x = ox + (a[0] as number)
        poly.push(x, y)
        ;[px, py] = [x, y]
        break
      case 'V':
        y = oy + (a[0] as number)
        poly.push(x, y)
        ;[px, py] = [x, y]
        break
      case 'C':
      case 'S': {
        const [x1, y1] = upper === 'C' ? [ox + (a[0] as number), oy + (a[1] as number)] : reflect()
        const rest = upper === 'C' ? a.slice(2) : a
        const [x2, y2, nx, ny] = [
          ox + (rest[0] as number),
          oy + (rest[1] as number),
          ox + (rest[2] as number),
          oy + (rest[3] as number)
        ]
        poly.push(...cubicPoints([x, y, x1, y1, x2, y2, nx, ny]).slice(2))
        ;[px, py, x, y] = [x2, y2, nx, ny]
        break
      }
      case 'Q': {
        const [qx, qy, nx, ny] = [
          ox + (a[0] as number),
          oy + (a[1] as number),
          ox + (a[2] as number),
          oy + (a[3] as number)
        ]
        poly.push(...quadAsCubic(x, y, qx, qy, nx, ny).slice(2))
        ;[px, py, x, y] = [qx, qy, nx, ny]
        break
      }
      case 'A': {
        const [nx, ny] = [ox + (a[5] as number), oy + (a[6] as number)]
        poly.push(...arcPoints(x, y, [...a.slice(0, 5), nx, ny]).slice(2))
        ;[x, y] = [nx, ny]
        ;[px, py] = [x, y]
        break
      }
    }
    prev = upper
    ;[cx, cy] = [px, py]
  }
  flush()
  return out

  // S's first control point: the last C or S's second one mirrored through the current point, else the point itself.
  function reflect(): [number, number] {
    return /[CS]/.test(prev) ? [2 * x - cx, 2 * y - cy] : [x, y]
  }
}

function quadAsCubic(x0: number, y0: number, qx: number, qy: number, x1: number, y1: number): number[] {
  return cubicPoints([
    x0,
    y0,
    x0 + (2 / 3) * (qx - x0),
    y0 + (2 / 3) * (qy - y0),
    x1 + (2 / 3) * (qx - x1),
    y1 + (2 / 3) * (qy - y1),
    x1,
    y1
  ])
}

function roundRectPoints(x: number, y: number, w: number, h: number, rx: number, ry: number): number[] {
  rx = Math.min(rx, w / 2)
  ry = Math.min(ry, h / 2)
  const q = Math.PI / 2
  return [
    ...ellipsePoints(x + w - rx, y + ry, rx, ry, -q, q),
    ...ellipsePoints(x + w - rx, y + h - ry, rx, ry, 0, q),
    ...ellipsePoints(x + rx, y + h - ry, rx, ry, q, q),
    ...ellipsePoints(x + rx, y + ry, rx, ry, 2 * q, q),
    x + w - rx,
    y
  ]
}

/** Every shape of the icon as stroke chords and filled discs. */
export function iconShapes(node: IconNode): Shapes {
  const strokes: Segment[] = []
  const discs: Shapes['discs'] = []
  for (const [tag, a] of node) {
    switch (tag) {
      case 'path':
        strokes.push(...pathSegments(String(a.d ?? '')))
        break
      case 'line':
        strokes.push({ ax: num(a.x1, 'x1'), ay: num(a.y1, 'y1'), bx: num(a.x2, 'x2'), by: num(a.y2, 'y2') })
        break
      case 'circle': {
        const [cx, cy, r] = [num(a.cx, 'cx'), num(a.cy, 'cy'), num(a.r, 'r')]
        addPolyline(strokes, ellipsePoints(cx, cy, r, r, 0, 2 * Math.PI))
        if (a.fill !== undefined && a.fill !== 'none') discs.push({ cx, cy, r })
        break
      }
      case 'rect': {
        const rx = a.rx ?? a.ry ?? 0
        const ry = a.ry ?? a.rx ?? 0
        const pts = roundRectPoints(
          num(a.x ?? 0, 'x'),
          num(a.y ?? 0, 'y'),
          num(a.width, 'width'),
          num(a.height, 'height'),
          num(rx, 'rx'),
          num(ry, 'ry')
        )
        addPolyline(strokes, pts)
        break
      }
      default:
        throw new Error(`icon shape: <${tag}> is not drawn by this rasteriser`)
    }
  }
  return { strokes, discs }
}

function distanceToSegment(x: number, y: number, s: Segment): number {
  const dx = s.bx - s.ax
  const dy = s.by - s.ay
  const len2 = dx * dx + dy * dy
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - s.ax) * dx + (y - s.ay) * dy) / len2))
  return Math.hypot(x - s.ax - dx * t, y - s.ay - dy * t)
}

/** The icon's coverage, one byte a pixel (0 transparent, 255 covered), `size` × `size`, rows top to bottom. */
export function rasterizeIcon(node: IconNode, size: number): Uint8Array {
  const { strokes, discs } = iconShapes(node)
  const scale = size / BOX
  const alpha = new Uint8Array(size * size)
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) {
      const x = (i + 0.5) / scale
      const y = (j + 0.5) / scale
      let d = Infinity
      for (const s of strokes) d = Math.min(d, distanceToSegment(x, y, s) - HALF_STROKE)
      for (const c of discs) d = Math.min(d, Math.hypot(x - c.cx, y - c.cy) - c.r)
      // Half covered where the edge crosses the pixel's centre, over one pixel's width.
      const cov = Math.max(0, Math.min(1, 0.5 - d * scale))
      alpha[j * size + i] = Math.round(cov * 255)
    }
  return alpha
}

/** A grey-and-alpha PNG (black, with the coverage as alpha): all a mask image uses. */
export function encodeAlphaPng(alpha: Uint8Array, size: number): Buffer {
  const pixels = new Uint8Array(size * size * 2)
  for (let i = 0; i < alpha.length; i++) pixels[i * 2 + 1] = alpha[i] as number
  return encodePng(size, size, 2, pixels)
}

/** The alpha of a square grey-and-alpha PNG, to compare bitmaps whatever zlib compressed them to. */
export function decodeAlphaPng(png: Buffer): { size: number; alpha: Uint8Array } {
  const { width, height, channels, pixels } = decodePng(png)
  if (channels !== 2 || width !== height) throw new Error('not a square grey-and-alpha PNG')
  return { size: width, alpha: Uint8Array.from(pixels.filter((_, i) => i % 2 === 1)) }
}
