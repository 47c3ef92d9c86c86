import nodePath from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import {
  APP_SCHEME_PRIVILEGES,
  createAppRequestHandler,
  registerAppScheme,
  resolveAppRequest,
  serveAppScheme
} from './app-protocol'

const root = '/opt/Nodetray/resources/app.asar/out/renderer'

describe('app:// path resolver', () => {
  it('maps our page and its assets to files under out/renderer', () => {
    expect(resolveAppRequest(root, 'app://nodetray/index.html')).toBe(`${root}/index.html`)
    expect(resolveAppRequest(root, 'app://nodetray/')).toBe(`${root}/index.html`)
    expect(resolveAppRequest(root, 'app://nodetray/assets/index-abc.js?x=1#h')).toBe(`${root}/assets/index-abc.js`)
    expect(resolveAppRequest(root, 'app://nodetray/assets/a%20b.css')).toBe(`${root}/assets/a b.css`)
  })

  it('refuses every way out of out/renderer', () => {
    for (const url of [
      'app://nodetray/..%2f..%2f..%2fetc%2fpasswd',
      'app://nodetray/%2e%2e%2fmain%2findex.js',
      'app://nodetray/..%5c..%5cmain%5cindex.js',
      'app://nodetray/assets/%00.js',
      'app://nodetray/C:%5cWindows%5cwin.ini',
      'app://nodetray/%E0%A4%A',
      'app://evil/index.html',
      'app://nodetray:1/index.html',
      'file:///etc/passwd',
      'https://nodetray/index.html',
      'not a url'
    ]) {
      expect(resolveAppRequest(root, url), url).toBeNull()
    }
  })

  it('keeps dot segments the URL parser resolves inside the root', () => {
    // The URL parser itself folds /assets/%2e%2e/%2e%2e/ into /; the result is still a path under the root.
    expect(resolveAppRequest(root, 'app://nodetray/assets/%2e%2e/%2e%2e/main/index.js')).toBe(`${root}/main/index.js`)
  })

  it('holds on Windows paths too', () => {
    const winRoot = 'C:\\Program Files\\Nodetray\\resources\\app.asar\\out\\renderer'
    expect(resolveAppRequest(winRoot, 'app://nodetray/assets/x.js', nodePath.win32)).toBe(`${winRoot}\\assets\\x.js`)
    expect(resolveAppRequest(winRoot, 'app://nodetray/..%5cmain%5cindex.js', nodePath.win32)).toBeNull()
    expect(resolveAppRequest(winRoot, 'app://nodetray/D:/secret.txt', nodePath.win32)).toBeNull()
  })
})

describe('app:// request handler', () => {
  const files: Record<string, string> = {
    [`${root}/index.html`]:
      '<html><head><meta\n      http-equiv="Content-Security-Policy"\n      content="default-src \'self\'; frame-ancestors \'none\'"\n    /></head></html>',
    [`${root}/assets/app.js`]: 'export {}'
  }
  const read = vi.fn(async (file: string) => {
    const text = files[file]
    if (text === undefined) throw new Error('ENOENT')
    return new TextEncoder().encode(text)
  })
  const handler = createAppRequestHandler(root, read)

  it('answers files with their type (module scripts need a JavaScript MIME type)', async () => {
    const page = await handler({ url: 'app://nodetray/index.html', method: 'GET' })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    // The page's CSP also as a header, so frame-ancestors (ignored in a <meta>) applies.
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors 'none'")
    const js = await handler({ url: 'app://nodetray/assets/app.js', method: 'GET' })
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(await js.text()).toBe('export {}')
  })

  it('answers 404 without reading anything outside the root, and 404 for missing files', async () => {
    read.mockClear()
    expect((await handler({ url: 'app://nodetray/..%2fmain%2findex.js', method: 'GET' })).status).toBe(404)
    expect(read).not.toHaveBeenCalled()
    expect((await handler({ url: 'app://nodetray/missing.js', method: 'GET' })).status).toBe(404)
  })

  it('refuses writes', async () => {
    expect((await handler({ url: 'app://nodetray/index.html', method: 'POST' })).status).toBe(405)
  })
})

describe('scheme registration', () => {
  it('registers app:// as standard and secure without bypassing the CSP, and serves it', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }
    registerAppScheme(protocol)
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES])
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true })
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeUndefined()
    serveAppScheme(protocol, root, async () => new Uint8Array())
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })
})
