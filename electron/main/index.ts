// The Electron shell: lifecycle, window, tray and the ipcMain binding around the services of createMain().
// Everything here is thin glue; the behaviour lives in services that are tested without Electron.
import {
  app,
  BrowserWindow,
  globalShortcut,
  Menu,
  nativeImage,
  net,
  powerMonitor,
  nativeTheme,
  protocol,
  screen,
  session,
  Tray,
  type IpcMainInvokeEvent
} from 'electron'
import { autoUpdater } from 'electron-updater'
import { execFile } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { EventName, EventPayloads, Navigation } from '../../shared/ipc/contract'
import { createMain, type Main } from './app/create-main'
import type { WindowPort } from './ports'
import { createDemoBackend } from './demo/demo-backend'
import { showDemoIfNothingSetUp } from './profiles'
import { bindRegistryToIpcMain } from './shell/ipc-main-binding'
import { createSenderCheck, describeIpcSender } from './ipc/sender'
import { createRotatingLog } from './logging/rotating-file'
import { createLogger, SecretScrubber } from './redact'
import { createAppIdentity } from './shell/app-identity'
import { registerAppScheme, serveAppScheme } from './shell/app-protocol'
import { runSelfCheck } from './shell/self-check'
import {
  createElectronDialogs,
  createElectronNotifier,
  electronClipboard,
  openExternalSafely
} from './shell/electron-ports'
import { bindLoginItem } from './shell/login-item'
import { bindPowerEvents } from './shell/power-events'
import { denyAllPermissions, hardenApp } from './shell/security'
import { acquireSingleInstance } from './shell/single-instance'
import { createTrayAdapter, type TrayAdapter } from './shell/tray-adapter'
import { createDbusNameQuery, detectTrayHost } from './shell/tray-host'
import { trayIconDir, trayIconPath, windowIconPath } from './shell/tray-icons'
import { createMainWindow } from './shell/window'
import {
  asRect,
  bindGlanceShortcut,
  createPopoverBrowserWindow,
  createTrayPopover,
  type TrayPopover
} from './shell/tray-window'
import { createWindowLifecycle } from './shell/window-lifecycle'
import { systemClock } from './ports'
import { createAppUpdates } from './updates/electron-updater-adapter'
import { RESTART_TO_UPDATE_ID, withUpdateItem } from './updates/tray-item'
import { updateSupport } from './updates/update-support'
import { createKeytarVault, KEYCHAIN_SERVICE, keychainServiceFromEnv } from './vault/keytar-vault'

// The Electron suite (tests/electron) runs each launch on a fresh data folder. Unpackaged builds only: a
// signed, packaged app never lets its environment move its data.
if (!app.isPackaged && process.env.NODETRAY_USER_DATA_DIR) app.setPath('userData', process.env.NODETRAY_USER_DATA_DIR)

let mainWindow: BrowserWindow | null = null
let tray: TrayAdapter | null = null
const trustedIds = new Set<number>()
const trustedOrigin = { url: '' }
// The tray popover: its own window and page (tray.html), trusted the same way as the main window's.
let popoverWindow: BrowserWindow | null = null
let popover: TrayPopover | null = null
let unbindGlanceShortcut: () => void = () => undefined
const popoverIds = new Set<number>()
const popoverOrigin = { url: '' }

const lifecycle = createWindowLifecycle({
  app,
  platform: process.platform,
  hasTray: () => tray !== null,
  quitOnClose: () => services?.settings.get().quitOnClose ?? false,
  startHidden: () => services?.settings.get().startHidden ?? false,
  getWindow: () => mainWindow
})
let services: Main<IpcMainInvokeEvent> | null = null

/** Main → renderer events through one typed send that skips a destroyed window. */
function send<E extends EventName>(event: E, payload: EventPayloads[E]): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload)
  if (popoverWindow && !popoverWindow.isDestroyed()) popoverWindow.webContents.send(event, payload)
}

function ensureWindow(show: boolean): BrowserWindow {
  if (mainWindow && !mainWindow.isDestroyed()) return mainWindow
  const iconPath = windowIconPath({
    platform: process.platform,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath()
  })
  const created = createMainWindow({
    show,
    ...(iconPath ? { iconPath } : {}),
    ...(process.env.ELECTRON_RENDERER_URL && !app.isPackaged ? { devServerUrl: process.env.ELECTRON_RENDERER_URL } : {})
  })
  mainWindow = created.window
  trustedOrigin.url = created.trustedUrl
  trustedIds.add(created.window.webContents.id)
  const id = created.window.webContents.id
  created.window.on('closed', () => {
    trustedIds.delete(id)
    mainWindow = null
  })
  created.window.on('focus', () => services?.nodes.poke())
  lifecycle.attach(created.window)
  return created.window
}

const windowPort: WindowPort = {
  show(nav?: Navigation) {
    ensureWindow(true)
    lifecycle.reveal()
    if (nav) send('app:navigated', nav)
  },
  quit() {
    lifecycle.markQuitting()
    app.quit()
  }
}

/** `npm start` from a checkout (never the installed app): open on the demo sandbox while nothing is set up. */
const startsOnDemo = (): boolean => !app.isPackaged && process.argv.includes('--demo=on')

async function start(): Promise<void> {
  if (process.argv.includes('--self-check')) {
    const req = createRequire(__filename)
    const result = runSelfCheck({ resolve: (id) => req.resolve(id), require: (id) => req(id) as unknown })
    process.stdout.write(`${JSON.stringify(result)}\n`)
    app.exit(result.keytar === 'loaded' ? 0 : 1)
    return
  }
  if (!acquireSingleInstance(app, () => windowPort.show())) return
  const identity = createAppIdentity(app, process.platform)
  identity.ensure()
  hardenApp(app)
  registerAppScheme(protocol)
  await app.whenReady()
  // Asked now, awaited before the tray is made: on Linux a missing StatusNotifier host makes `new Tray` invisible.
  const trayHost = detectTrayHost({
    platform: process.platform,
    env: process.env,
    hasOwner: createDbusNameQuery(execFile)
  })
  denyAllPermissions(session.defaultSession)
  // out/main/index.js → out/renderer; Electron's fs reads inside app.asar.
  serveAppScheme(protocol, join(__dirname, '../renderer'), (file) => readFile(file))
  if (process.platform !== 'darwin') Menu.setApplicationMenu(null)

  const dataDir = app.getPath('userData')
  const logFile = join(app.getPath('logs'), 'nodetray.log')
  await mkdir(app.getPath('logs'), { recursive: true })
  const scrubber = new SecretScrubber()
  // Every line is scrubbed before it is written; nothing else in main writes logs.
  // Rotates at 1 MiB, keeps 3 old files; one ordered writer that never throws into callers.
  const log = createLogger(scrubber, createRotatingLog({ file: logFile }).write)

  const updates = createAppUpdates({
    support: updateSupport({ platform: process.platform, isPackaged: app.isPackaged, env: process.env }),
    clock: systemClock,
    isOnline: () => net.isOnline(),
    updater: () => autoUpdater,
    log
  })
  const main = await createMain<IpcMainInvokeEvent>(
    {
      updates,
      version: app.getVersion(),
      platform: process.platform,
      preview: false,
      dataDir,
      homeDir: homedir(),
      // NODETRAY_KEYCHAIN_SERVICE: the Electron test suite keeps its entries apart from the installed app's.
      vault: createKeytarVault({ service: keychainServiceFromEnv(process.env, KEYCHAIN_SERVICE) }),
      dialogs: createElectronDialogs(() => mainWindow),
      notifier: createElectronNotifier(
        (profileId, nodeId) => windowPort.show(profileId && nodeId ? { view: 'node', profileId, nodeId } : undefined),
        identity
      ),
      clipboard: electronClipboard,
      window: windowPort,
      openExternal: openExternalSafely,
      demo: createDemoBackend({ transitions: 'fast' }),
      startsOnDemo: startsOnDemo(),
      scrubber,
      log
    },
    {
      isTrustedSender: (() => {
        const fromWindow = createSenderCheck(trustedIds, trustedOrigin)
        const fromPopover = createSenderCheck(popoverIds, popoverOrigin)
        return (e: IpcMainInvokeEvent) => fromWindow(e) || fromPopover(e)
      })(),
      describeSender: describeIpcSender
    }
  )
  services = main
  // `npm start` (the README's quick start) passes --demo=on: a fresh checkout opens on the demo sandbox. The
  // installed app never gets the flag, so for its users the demo stays opt-in on the first-run screen.
  if (startsOnDemo()) await showDemoIfNothingSetUp(main.profiles, main.settings)
  bindRegistryToIpcMain(main.registry)
  main.events.subscribe((event, payload) => send(event, payload))

  try {
    if ((await trayHost) === 'missing')
      throw new Error('no StatusNotifier host (GNOME without the AppIndicator extension?)')
    const iconDir = trayIconDir({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath()
    })
    tray = createTrayAdapter({
      createTray: (image) => new Tray(image),
      buildMenu: (template) => Menu.buildFromTemplate(template),
      onMenuOpened: () => main.tray.menuOpened(),
      onClick: (bounds) => popover?.toggle(asRect(bounds)),
      loadIcon: (state) => {
        const image = nativeImage.createFromPath(trayIconPath(state, process.platform, iconDir))
        if (process.platform === 'darwin') image.setTemplateImage(true)
        return image
      },
      platform: process.platform,
      onActivate: (itemId) => void (itemId === RESTART_TO_UPDATE_ID ? updates.restart() : main.tray.activate(itemId))
    })
    // "Restart to update" joins the controller's model once an update is downloaded.
    const renderTray = () => tray?.render(withUpdateItem(main.tray.model(), updates.status()))
    // The popover is made hidden now and kept current, so a click only places and shows it.
    const createdPopover = createPopoverBrowserWindow({
      dark: nativeTheme.shouldUseDarkColors,
      ...(process.env.ELECTRON_RENDERER_URL && !app.isPackaged
        ? { devServerUrl: process.env.ELECTRON_RENDERER_URL }
        : {})
    })
    popoverWindow = createdPopover.window
    popoverOrigin.url = createdPopover.trustedUrl
    popoverIds.add(createdPopover.window.webContents.id)
    popover = createTrayPopover({
      window: createdPopover.window,
      platform: process.platform,
      displays: () => screen.getAllDisplays().map((d) => ({ bounds: d.bounds, workArea: d.workArea })),
      cursor: () => screen.getCursorScreenPoint(),
      now: () => Date.now(),
      onShown: () => main.tray.menuOpened()
    })
    // The page reports its content height; a short list makes a short popover.
    createdPopover.window.webContents.on('preferred-size-changed', (_e, size) => popover?.fit(size.height))
    main.tray.setGlance({ show: () => popover?.show() })
    unbindGlanceShortcut = bindGlanceShortcut({
      shortcuts: globalShortcut,
      settings: main.settings,
      toggle: () => popover?.toggle(),
      warn: (message) => log.warn(message)
    })
    // The hidden popover keeps the app alive, so window-all-closed no longer comes: quit-on-close is done here.
    app.on('browser-window-created', (_e, w) => {
      if (w !== popoverWindow) w.on('closed', () => main.settings.get().quitOnClose && app.quit())
    })
    renderTray()
    main.tray.onChanged(renderTray)
    updates.onChanged(renderTray)
  } catch (err) {
    // No tray (e.g. GNOME without an AppIndicator extension): the window stays the way in, and closing it quits.
    tray = null
    log.warn('tray unavailable; the window stays open', { error: err instanceof Error ? err.message : String(err) })
  }

  bindPowerEvents(powerMonitor, main.nodes)
  bindLoginItem(
    { app, platform: process.platform, env: process.env, homeDir: homedir(), fs: { mkdir, writeFile, rm }, log },
    main.settings
  )

  ensureWindow(lifecycle.startVisible())
  updates.start()
  app.on('window-all-closed', () => {
    if (!tray || main.settings.get().quitOnClose) app.quit()
  })
  app.on('before-quit', () => {
    popover?.allowClose()
    unbindGlanceShortcut()
    updates.stop()
    tray?.dispose()
    void main.dispose()
  })
}

start().catch((err: unknown) => {
  process.stderr.write(`Nodetray failed to start: ${err instanceof Error ? err.message : String(err)}\n`)
  app.exit(1)
})
