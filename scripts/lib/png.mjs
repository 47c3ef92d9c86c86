// PNG writing and reading for the project's own drawn images (scripts/make-icons.mjs, scripts/make-mask-icons.ts) and
// the tests that check them: 8-bit, unfiltered rows, one IDAT. Deterministic for a given zlib: same pixels, same bytes.
import { crc32, deflateSync, inflateSync } from 'node:zlib'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** PNG colour types by channels a pixel: grey + alpha, or RGBA. */
const COLOUR_TYPE = { 2: 4, 4: 6 }

function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

export function encodePng(width, height, channels, pixels) {
  const colourType = COLOUR_TYPE[channels]
  if (colourType === undefined) throw new Error(`PNG: ${channels} channels a pixel are not written here`)
  if (pixels.length !== width * height * channels) throw new Error('PNG: pixel data does not match the size')
  const stride = width * channels
  const raw = Buffer.alloc((stride + 1) * height)
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1) // filter 0
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, colourType, 0, 0, 0], 8) // 8-bit, deflate, no filter variants, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

export function decodePng(png) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('PNG: not a PNG')
  let width = 0
  let height = 0
  let channels = 0
  const idat = []
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at)
    const type = png.toString('latin1', at + 4, at + 8)
    const data = png.subarray(at + 8, at + 8 + len)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      channels = Number(Object.keys(COLOUR_TYPE).find((c) => COLOUR_TYPE[c] === data[9]) ?? 0)
      if (data[8] !== 8 || channels === 0) throw new Error('PNG: only 8-bit grey + alpha or RGBA is read here')
    } else if (type === 'IDAT') idat.push(data)
    at += 12 + len
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const pixels = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    if (raw[y * (stride + 1)] !== 0) throw new Error('PNG: filtered rows are not read here')
    raw.copy(pixels, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1))
  }
  return { width, height, channels, pixels }
}
