// Is there anywhere for a tray icon to show? On Linux, Electron's Tray is a StatusNotifierItem: it appears only
// when a StatusNotifier host runs (KDE, most panels, GNOME *with* the AppIndicator extension). Without one,
// `new Tray()` does not throw; the icon is simply invisible, and a hidden window would leave the app
// unreachable. So ask the session bus whether `org.kde.StatusNotifierWatcher` has an owner.
import type { execFile as ExecFile } from 'node:child_process'

export const WATCHER_NAME = 'org.kde.StatusNotifierWatcher'

/** true / false when the bus answered; null when it could not be asked (no D-Bus tools, no session bus). */
export type NameHasOwner = (name: string) => Promise<boolean | null>

export type TrayHost = 'available' | 'missing'

export interface TrayHostInput {
  platform: NodeJS.Platform
  env: { XDG_CURRENT_DESKTOP?: string | undefined }
  hasOwner: NameHasOwner
}

/** macOS and Windows always have a tray. Linux: the watcher's owner decides; unknown counts as missing on GNOME only. */
export async function detectTrayHost(input: TrayHostInput): Promise<TrayHost> {
  if (input.platform !== 'linux') return 'available'
  const owned = await input.hasOwner(WATCHER_NAME).catch(() => null)
  if (owned !== null) return owned ? 'available' : 'missing'
  // Could not ask: plain GNOME has no tray, every other desktop we know of has one.
  const desktops = (input.env.XDG_CURRENT_DESKTOP ?? '').toLowerCase().split(':')
  return desktops.includes('gnome') ? 'missing' : 'available'
}

/** Parses `gdbus call … NameHasOwner` ("(true,)") or `dbus-send --print-reply` ("boolean true"). */
export function parseHasOwnerReply(stdout: string): boolean | null {
  if (/\(true,\)|boolean true/.test(stdout)) return true
  if (/\(false,\)|boolean false/.test(stdout)) return false
  return null
}

/** NameHasOwner through gdbus, then dbus-send; each with a short timeout so start-up never waits on the bus. */
export function createDbusNameQuery(execFile: typeof ExecFile, timeoutMs = 1500): NameHasOwner {
  const run = (cmd: string, args: string[]) =>
    new Promise<boolean | null>((resolve) => {
      execFile(cmd, args, { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout) =>
        resolve(err ? null : parseHasOwnerReply(String(stdout)))
      )
    })
  return async (name) =>
    (await run('gdbus', [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.DBus',
      '--object-path',
      '/org/freedesktop/DBus',
      '--method',
      'org.freedesktop.DBus.NameHasOwner',
      name
    ])) ??
    (await run('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${name}`
    ]))
}
