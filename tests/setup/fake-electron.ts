// A small, stateful stand-in for the parts of Electron the shell uses. It is plain data plus vi.fn()s,
// so tests can assert calls (setContextMenu, showMessageBox, ...) without an Electron binary.
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

export type Handler = (event: unknown, ...args: unknown[]) => unknown

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>()
  handle = vi.fn((channel: string, fn: Handler) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, fn)
  })
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel)
  })
  /** Test-only: what ipcRenderer.invoke would do. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const fn = this.handlers.get(channel)
    if (!fn) throw new Error(`No handler registered for '${channel}'`)
    return fn(event, ...args)
  }
}

export function createFakeElectron() {
  const ipcMain = new FakeIpcMain()
  const appEvents = new EventEmitter()
  const app = Object.assign(appEvents, {
    getVersion: vi.fn(() => '0.0.0-test'),
    getName: vi.fn(() => 'Nodetray'),
    getPath: vi.fn((name: string) => `/tmp/nodetray-test/${name}`),
    isPackaged: false,
    quit: vi.fn(),
    exit: vi.fn(),
    focus: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    requestSingleInstanceLock: vi.fn(() => true),
    setLoginItemSettings: vi.fn(),
    getLoginItemSettings: vi.fn(() => ({ openAtLogin: false })),
    setAppUserModelId: vi.fn(),
    dock: { hide: vi.fn(), show: vi.fn(() => Promise.resolve()) }
  })
  const Menu = {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ items: template })),
    setApplicationMenu: vi.fn()
  }
  const nativeImage = {
    createFromPath: vi.fn((p: string) => ({ path: p, isEmpty: () => false, setTemplateImage: vi.fn() })),
    createEmpty: vi.fn(() => ({ isEmpty: () => true }))
  }
  const dialog = {
    showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
    showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true, filePath: undefined }))
  }
  const shell = { openExternal: vi.fn(() => Promise.resolve()) }
  const clipboard = { writeText: vi.fn() }
  const powerMonitor = Object.assign(new EventEmitter(), { getSystemIdleState: vi.fn(() => 'active') })
  class Notification extends EventEmitter {
    static isSupported = vi.fn(() => true)
    static instances: Notification[] = []
    show = vi.fn()
    constructor(readonly options: { title: string; body: string }) {
      super()
      Notification.instances.push(this)
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() }
    }
  }
  const BrowserWindow = vi.fn()
  const Tray = vi.fn()
  const contextBridge = { exposeInMainWorld: vi.fn() }
  const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() }
  const webContents = { fromId: vi.fn(), getAllWebContents: vi.fn(() => []) }
  return {
    default: {},
    app,
    ipcMain,
    Menu,
    nativeImage,
    dialog,
    shell,
    clipboard,
    powerMonitor,
    Notification,
    session,
    BrowserWindow,
    Tray,
    contextBridge,
    ipcRenderer,
    webContents
  }
}
