// Draws Nodetray's tray and app icons procedurally, so they are reproducible and need no image tools:
// shapes are signed-distance functions, rasterised with distance-based anti-aliasing into RGBA buffers, encoded
// as PNG (scripts/lib/png.mjs) and wrapped in ICO containers. Deterministic: same script, same bytes.
//   node scripts/make-icons.mjs            writes resources/icon.png, icon.ico, icons/NxN.png, icons/tray/*
// macOS .icns is not drawn: electron-builder derives it from the 1024 px resources/icon.png.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { encodePng } from './lib/png.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const RES = join(ROOT, 'resources')

// ── shapes (signed distance, negative inside, in design units) ────────────────────────────────────────────
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r
const roundRect = (x0, y0, x1, y1, r) => {
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2,
    hx = (x1 - x0) / 2 - r,
    hy = (y1 - y0) / 2 - r
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx,
      qy = Math.abs(y - cy) - hy
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
  }
}
const capsule = (ax, ay, bx, by, r) => (x, y) => {
  const px = x - ax,
    py = y - ay,
    dx = bx - ax,
    dy = by - ay
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - dx * h, py - dy * h) - r
}
const ring = (cx, cy, r, width) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2
const union =
  (...s) =>
  (x, y) =>
    Math.min(...s.map((f) => f(x, y)))
const subtract = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y))
const grow = (s, d) => (x, y) => s(x, y) - d
const shift = (s, dx, dy) => (x, y) => s(x - dx, y - dy)

// ── canvas: premultiplied float RGBA, painted in design units scaled to pixels ─────────────────────────────
function canvas(size, units) {
  const px = new Float64Array(size * size * 4)
  const scale = size / units
  // Coverage from distance: a pixel is half covered where the edge crosses its centre. `soft` widens the
  // ramp (in pixels) for shadows.
  const each = (shape, fn, soft = 1) => {
    for (let j = 0; j < size; j++)
      for (let i = 0; i < size; i++) {
        const x = (i + 0.5) / scale,
          y = (j + 0.5) / scale
        const cov = Math.max(0, Math.min(1, 0.5 - (shape(x, y) * scale) / soft))
        if (cov > 0) fn((j * size + i) * 4, cov, x, y)
      }
  }
  return {
    size,
    px,
    fill(shape, color, soft) {
      each(
        shape,
        (k, cov, x, y) => {
          const [r, g, b, a = 1] = typeof color === 'function' ? color(x, y) : color
          const sa = cov * a
          px[k] = r * sa + px[k] * (1 - sa)
          px[k + 1] = g * sa + px[k + 1] * (1 - sa)
          px[k + 2] = b * sa + px[k + 2] * (1 - sa)
          px[k + 3] = sa + px[k + 3] * (1 - sa)
        },
        soft
      )
    },
    /** Destination-out: punch a transparent hole (used for gaps around badges and LED holes). */
    clear(shape) {
      each(shape, (k, cov) => {
        for (let c = 0; c < 4; c++) px[k + c] *= 1 - cov
      })
    },
    /** Multiplies alpha everywhere (the dimmed "offline" glyph). */
    fade(factor) {
      for (let k = 0; k < px.length; k++) px[k] *= factor
    },
    rgba() {
      const out = Buffer.alloc(size * size * 4)
      for (let k = 0; k < px.length; k += 4) {
        const a = px[k + 3]
        out[k + 3] = Math.round(a * 255)
        for (let c = 0; c < 3; c++) out[k + c] = a > 0 ? Math.round(Math.min(1, px[k + c] / a) * 255) : 0
      }
      return out
    }
  }
}

const hex = (h, a = 1) => [
  parseInt(h.slice(1, 3), 16) / 255,
  parseInt(h.slice(3, 5), 16) / 255,
  parseInt(h.slice(5, 7), 16) / 255,
  a
]

// ── PNG and ICO encoding ───────────────────────────────────────────────────────────────────────────────────
const png = (size, rgba) => encodePng(size, size, 4, rgba)
/** ICO with PNG-compressed entries (Windows Vista and later read these). */
function ico(images) {
  const header = Buffer.alloc(6 + images.length * 16)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, data }, i) => {
    const e = 6 + i * 16
    header.writeUInt8(size >= 256 ? 0 : size, e)
    header.writeUInt8(size >= 256 ? 0 : size, e + 1)
    header.writeUInt16LE(1, e + 4) // planes
    header.writeUInt16LE(32, e + 6) // bits per pixel
    header.writeUInt32LE(data.length, e + 8)
    header.writeUInt32LE(offset, e + 12)
    offset += data.length
  })
  return Buffer.concat([header, ...images.map((i) => i.data)])
}

// ── tray glyph: a two-unit server with a status badge, on a 32-unit grid ───────────────────────────────────
const BADGE = { x: 24.5, y: 24.5, r: 6.5 }
const upper = roundRect(2, 4, 27, 14, 2.5)
const lower = roundRect(2, 17, 27, 27, 2.5)
const details = union(circle(7, 9, 1.9), capsule(12, 9, 21, 9, 1.1), circle(7, 22, 1.9), capsule(12, 22, 14.5, 22, 1.1))
const server = subtract(union(upper, lower), details)
const badgeHalo = circle(BADGE.x, BADGE.y, BADGE.r + 2.2)
const badgeDot = circle(BADGE.x, BADGE.y, BADGE.r)
const bang = union(capsule(BADGE.x, BADGE.y - 3.4, BADGE.x, BADGE.y + 0.6, 1.15), circle(BADGE.x, BADGE.y + 3.3, 1.2))
const slash = capsule(4, 29, 28, 3, 1.6)
const slashHalo = capsule(4, 29, 28, 3, 3.6)

/** Per state: how the badge looks. Template images cannot use colour, so the states differ by shape too. */
function badgeShape(state) {
  if (state === 'ok') return badgeDot
  if (state === 'changing') return union(ring(BADGE.x, BADGE.y, BADGE.r - 1.2, 2.4), circle(BADGE.x, BADGE.y, 1.8))
  if (state === 'error') return subtract(badgeDot, bang)
  return null // offline: the glyph is dimmed and struck through instead
}

/** macOS menu-bar template: black plus alpha only; the system tints it for light and dark menu bars. */
function drawTemplate(state, size) {
  const c = canvas(size, 32)
  const black = hex('#000000')
  c.fill(server, black)
  if (state === 'offline') {
    c.fade(0.45)
    c.clear(slashHalo)
    c.fill(slash, black)
    return c
  }
  c.clear(badgeHalo)
  c.fill(badgeShape(state), black)
  return c
}

const STATE_COLOR = { ok: '#22c55e', changing: '#f59e0b', error: '#ef4444', offline: '#9ca3af' }

/** Linux and Windows: a light glyph with a dark outline, so it reads on dark and light panels alike. */
function drawColour(state, size) {
  const c = canvas(size, 32)
  const outline = hex('#1f2933')
  const body = hex('#e5e9f0')
  c.fill(grow(union(upper, lower), 1.3), outline)
  c.fill(server, body)
  if (state === 'offline') {
    c.fade(0.55)
    c.clear(slashHalo)
    c.fill(grow(slash, 1.1), outline)
    c.fill(slash, hex(STATE_COLOR.offline))
    return c
  }
  c.clear(badgeHalo)
  c.fill(grow(badgeDot, 1.3), outline)
  c.fill(badgeDot, hex(STATE_COLOR[state]))
  if (state === 'error') c.fill(bang, hex('#ffffff'))
  if (state === 'changing') c.fill(circle(BADGE.x, BADGE.y, 2.2), outline)
  return c
}

// ── app icon: the same server, three units tall, on a blue rounded square (1024-unit grid) ────────────────
function drawAppIcon(size) {
  const c = canvas(size, 1024)
  const top = hex('#3b82f6'),
    bottom = hex('#1e3a8a')
  const gradient = (_x, y) => {
    const t = Math.max(0, Math.min(1, (y - 100) / 824))
    return top.map((v, i) => v + (bottom[i] - v) * t)
  }
  const tile = roundRect(100, 100, 924, 924, 185)
  c.fill(shift(tile, 0, 14), [0, 0, 0, 0.35], Math.max(1, size / 40)) // soft drop shadow
  c.fill(tile, gradient)
  c.fill(roundRect(100, 100, 924, 512, 185), (_x, y) => [1, 1, 1, 0.08 * Math.max(0, 1 - (y - 100) / 412)]) // top sheen
  const white = hex('#f8fafc')
  const rows = [300, 470, 640]
  for (const [i, y] of rows.entries()) {
    c.fill(roundRect(262, y, 762, y + 130, 38), white)
    c.fill(circle(337, y + 65, 24), i === 0 ? hex('#22c55e') : gradient)
    c.fill(capsule(415, y + 65, i === 2 ? 470 : 600, y + 65, 13), gradient)
  }
  const badge = { x: 735, y: 740, r: 128 }
  c.fill(circle(badge.x, badge.y, badge.r + 34), gradient)
  c.fill(circle(badge.x, badge.y, badge.r), hex('#22c55e'))
  c.fill(union(capsule(677, 742, 718, 784, 20), capsule(718, 784, 795, 700, 20)), white)
  return c
}

// ── write everything ───────────────────────────────────────────────────────────────────────────────────────
function write(rel, data) {
  const file = join(RES, rel)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, data)
  return rel
}
const pngOf = (c) => png(c.size, c.rgba())
const written = []
for (const state of ['ok', 'changing', 'error', 'offline']) {
  written.push(write(`icons/tray/tray-${state}Template.png`, pngOf(drawTemplate(state, 16))))
  written.push(write(`icons/tray/tray-${state}Template@2x.png`, pngOf(drawTemplate(state, 32))))
  written.push(write(`icons/tray/tray-${state}.png`, pngOf(drawColour(state, 22))))
  written.push(write(`icons/tray/tray-${state}@2x.png`, pngOf(drawColour(state, 44))))
  written.push(
    write(
      `icons/tray/tray-${state}.ico`,
      ico([16, 20, 24, 32].map((s) => ({ size: s, data: pngOf(drawColour(state, s)) })))
    )
  )
}
const app = new Map([16, 24, 32, 48, 64, 128, 256, 512, 1024].map((s) => [s, pngOf(drawAppIcon(s))]))
written.push(write('icon.png', app.get(1024)))
for (const [s, data] of app) written.push(write(`icons/${s}x${s}.png`, data))
written.push(write('icon.ico', ico([16, 24, 32, 48, 64, 128, 256].map((s) => ({ size: s, data: app.get(s) })))))
console.log(`make-icons: wrote ${written.length} files under resources/`)
