// The renderer is served from app://nodetray/ (a privileged standard scheme) instead of file://, so the page is
// an ordinary secure origin and the grantFileProtocolExtraPrivileges fuse can stay off: script in the page cannot
// read file:// paths. Only files under out/renderer are ever answered; everything else is a 404.
import nodePath from 'node:path'
import type { CustomScheme, Protocol } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'nodetray'
/** The one page the window loads; sender validation (ipc/sender.ts) accepts exactly this origin and path. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** Registered before `ready`: standard (relative URLs, storage), secure context, module scripts; no CSP bypass. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true }
}

type PathApi = Pick<typeof nodePath, 'resolve' | 'sep'>

/**
 * Maps an app:// URL to a file inside rendererDir, or null. Decodes once, then refuses any `.`/`..` segment,
 * backslash, drive or NUL, and finally checks the resolved path is still inside the root (belt and braces).
 */
export function resolveAppRequest(rendererDir: string, requestUrl: string, path: PathApi = nodePath): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (/[\\\0:]/.test(pathname)) return null
  const segments = pathname.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '.' || s === '..')) return null
  if (segments.length === 0) segments.push('index.html')
  const root = path.resolve(rendererDir)
  const full = path.resolve(root, ...segments)
  return full.startsWith(root + path.sep) ? full : null
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2'
}

export function contentType(file: string): string {
  return TYPES[nodePath.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The page's own CSP (its <meta>), repeated as a header: the same policy, and `frame-ancestors`, which a <meta>
 * cannot set, takes effect. One source of truth, so the two never drift apart.
 */
export function metaCsp(html: string): string | null {
  return /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1] ?? null
}

/** The protocol.handle callback over an injected reader (Electron's fs reads inside the asar). */
export function createAppRequestHandler(
  rendererDir: string,
  readFile: (file: string) => Promise<Uint8Array>
): (request: { url: string; method: string }) => Promise<Response> {
  return async (request) => {
    const notFound = () => new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } })
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 })
    const file = resolveAppRequest(rendererDir, request.url)
    if (!file) return notFound()
    try {
      const body = await readFile(file)
      const headers: Record<string, string> = { 'content-type': contentType(file), 'x-content-type-options': 'nosniff' }
      const csp = file.endsWith('.html') ? metaCsp(new TextDecoder().decode(body)) : null
      if (csp) headers['content-security-policy'] = csp
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers })
    } catch {
      return notFound()
    }
  }
}

/** Must run before app `ready`. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
}

/** After `ready`: answer app:// from rendererDir. */
export function serveAppScheme(
  protocol: Pick<Protocol, 'handle'>,
  rendererDir: string,
  readFile: (file: string) => Promise<Uint8Array>
): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir, readFile))
}
