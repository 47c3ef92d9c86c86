/** An 8-bit PNG of unfiltered rows: `channels` 2 (grey + alpha) or 4 (RGBA), `pixels` row by row. */
export function encodePng(width: number, height: number, channels: 2 | 4, pixels: Uint8Array): Buffer
/** Reads what encodePng writes (8-bit grey + alpha or RGBA, unfiltered rows); throws on anything else. */
export function decodePng(png: Buffer): { width: number; height: number; channels: 2 | 4; pixels: Buffer }
