import { describe, expect, it, vi } from 'vitest'
import { BrowserWindow } from 'electron'
import { denyAllPermissions, hardenWebContents } from './security'
import { createMainWindow } from './window'

describe('security baseline', () => {
  it('creates the window isolated and sandboxed, loading our page from app://, never file://', () => {
    const loadFile = vi.fn(() => Promise.resolve())
    const loadURL = vi.fn(() => Promise.resolve())
    vi.mocked(BrowserWindow).mockImplementation(function (this: Record<string, unknown>) {
      Object.assign(this, { loadFile, loadURL, once: vi.fn(), show: vi.fn() })
    } as never)
    const { trustedUrl } = createMainWindow({ show: true, iconPath: '/opt/Nodetray/resources/icon.png' })
    const options = vi.mocked(BrowserWindow).mock.calls[0]![0]!
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false
    })
    expect(options.webPreferences?.preload).toMatch(/preload[\\/]index\.js$/)
    expect(trustedUrl).toBe('app://nodetray/index.html')
    expect(loadURL).toHaveBeenCalledWith('app://nodetray/index.html')
    expect(loadFile).not.toHaveBeenCalled()
    expect(options.icon).toBe('/opt/Nodetray/resources/icon.png')
  })

  it('denies window.open and prevents navigation, redirects and webviews', () => {
    const listeners = new Map<string, (e: { preventDefault(): void }) => void>()
    let openHandler: (() => { action: string }) | null = null
    hardenWebContents({
      setWindowOpenHandler: (h: () => { action: string }) => void (openHandler = h),
      on: (name: string, l: (e: { preventDefault(): void }) => void) => void listeners.set(name, l)
    } as never)
    expect(openHandler!()).toEqual({ action: 'deny' })
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() }
      listeners.get(name)!(e)
      expect(e.preventDefault, name).toHaveBeenCalled()
    }
  })

  it('refuses every permission request', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null
    let checkFn: (() => boolean) | null = null
    denyAllPermissions({
      setPermissionRequestHandler: (h: never) => void (request = h),
      setPermissionCheckHandler: (h: never) => void (checkFn = h)
    } as never)
    const cb = vi.fn()
    request!(null, 'media', cb)
    expect(cb).toHaveBeenCalledWith(false)
    expect(checkFn!()).toBe(false)
  })
})
