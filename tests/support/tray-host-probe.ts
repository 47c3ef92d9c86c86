// Run inside a private session bus by tests/integration/tray-host-dbus.test.ts: asks the real bus, with the real
// gdbus / dbus-send, what the tray-host detection asks at start, and prints one JSON line.
import { execFile } from 'node:child_process'
import { createDbusNameQuery, detectTrayHost } from '../../electron/main/shell/tray-host'

const query = createDbusNameQuery(execFile)
async function main(): Promise<void> {
  const watcher = await query('org.kde.StatusNotifierWatcher')
  const bus = await query('org.freedesktop.DBus')
  const host = await detectTrayHost({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'KDE' }, hasOwner: query })
  process.stdout.write(`${JSON.stringify({ watcher, bus, host })}\n`)
}
void main()
