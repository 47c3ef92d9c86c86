// Launch at login. macOS and Windows have app.setLoginItemSettings; Linux has no such API in Electron, so we
// write (or remove) an XDG autostart entry, ~/.config/autostart/nodetray.desktop, ourselves.
import { join } from 'node:path'
import type { Settings } from '../../../shared/domain/settings'
import type { SettingsService } from '../profiles/profiles.types'
import type { Logger } from '../redact'

export interface LoginItemDeps {
  app: {
    isPackaged: boolean
    setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean }): void
    getPath(name: 'exe'): string
  }
  platform: NodeJS.Platform
  env: { APPIMAGE?: string; XDG_CONFIG_HOME?: string }
  homeDir: string
  fs: {
    mkdir(path: string, opts: { recursive: true }): Promise<unknown>
    writeFile(path: string, data: string): Promise<void>
    rm(path: string, opts: { force: true }): Promise<void>
  }
  log: Logger
}

export const autostartPath = (deps: Pick<LoginItemDeps, 'env' | 'homeDir'>): string =>
  join(deps.env.XDG_CONFIG_HOME || join(deps.homeDir, '.config'), 'autostart', 'nodetray.desktop')

export async function applyLoginItem(
  deps: LoginItemDeps,
  settings: Pick<Settings, 'launchAtLogin' | 'startHidden'>
): Promise<void> {
  // An unpackaged run would register the bare electron binary as a login item.
  if (!deps.app.isPackaged) {
    deps.log.info('login item: skipped in an unpackaged build')
    return
  }
  if (deps.platform !== 'linux') {
    deps.app.setLoginItemSettings({
      openAtLogin: settings.launchAtLogin,
      // macOS only (and ignored from macOS 13 on); the startHidden setting hides the window everywhere anyway.
      ...(deps.platform === 'darwin' ? { openAsHidden: settings.launchAtLogin && settings.startHidden } : {})
    })
    return
  }
  const file = autostartPath(deps)
  if (!settings.launchAtLogin) {
    await deps.fs.rm(file, { force: true })
    return
  }
  // Inside an AppImage the exe path is a temporary mount; APPIMAGE is the file the user keeps.
  const exe = deps.env.APPIMAGE || deps.app.getPath('exe')
  await deps.fs.mkdir(join(file, '..'), { recursive: true })
  await deps.fs.writeFile(file, desktopEntry(exe))
}

export function desktopEntry(exe: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Nodetray',
    'Comment=E2E Networks nodes in your tray',
    `Exec=${quoteExec(exe)}`,
    'Icon=nodetray',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    ''
  ].join('\n')
}

/** Desktop Entry spec: quote the argument; inside quotes, escape ", `, $ and \ with a backslash. */
function quoteExec(arg: string): string {
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`
}

/** Applies now and on every change of the two settings involved; returns the unsubscribe. */
export function bindLoginItem(deps: LoginItemDeps, settings: Pick<SettingsService, 'get' | 'onChanged'>): () => void {
  let last = ''
  const apply = (s: Settings) => {
    const key = `${s.launchAtLogin}:${s.startHidden}`
    if (key === last) return
    last = key
    applyLoginItem(deps, s).catch((e: unknown) =>
      deps.log.warn('login item: could not apply', { error: e instanceof Error ? e.message : String(e) })
    )
  }
  apply(settings.get())
  return settings.onChanged(apply)
}
