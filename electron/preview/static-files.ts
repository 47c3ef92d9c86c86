// Serves the built renderer. index.html gets the preview bridge injected as a same-origin script that runs
// before the app's module, so the strict CSP (script-src 'self') stays exactly as shipped.
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2'
}

export interface StaticFile {
  status: number
  type: string
  body: Buffer | string
}

export async function readRendererFile(rendererDir: string, urlPath: string): Promise<StaticFile> {
  // `/tray` is the tray popover's own entry, served like `/` (with the bridge; the same secret handling).
  const rel =
    urlPath === '/' || urlPath === ''
      ? 'index.html'
      : urlPath === '/tray'
        ? 'tray.html'
        : decodeURIComponent(urlPath.replace(/^\/+/, ''))
  const full = normalize(join(rendererDir, rel))
  if (!full.startsWith(normalize(rendererDir) + sep)) return { status: 404, type: 'text/plain', body: 'not found' }
  try {
    const body = await readFile(full)
    if (rel === 'index.html' || rel === 'tray.html') {
      const html = body
        .toString('utf8')
        .replace('<head>', '<head>\n    <script defer src="./preview-bridge.js"></script>')
      return { status: 200, type: TYPES['.html'] as string, body: html }
    }
    return { status: 200, type: TYPES[extname(full)] ?? 'application/octet-stream', body }
  } catch {
    return { status: 404, type: 'text/plain', body: 'not found' }
  }
}

/** Bundles bridge.ts for the browser once per host start (esbuild, a few ms). */
export async function buildBridgeScript(): Promise<string> {
  const esbuild = await import('esbuild')
  const result = await esbuild.build({
    entryPoints: [join(__dirname, 'bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent'
  })
  const out = result.outputFiles[0]
  if (!out) throw new Error('bridge build produced nothing')
  return out.text
}
