// The StatusNotifier host query against a real session bus (dbus-run-session) with the real gdbus / dbus-send,
// so the replies the parser reads are the tools' own. Skipped where D-Bus is not installed.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const hasBus = spawnSync('dbus-run-session', ['--', 'true']).status === 0

describe.skipIf(!hasBus)('tray host on a real session bus', () => {
  it('a bus without a StatusNotifierWatcher (GNOME without the extension) reads as missing, even on "KDE"', () => {
    const probe = join(__dirname, '../support/tray-host-probe.ts')
    const run = spawnSync('dbus-run-session', ['--', process.execPath, '--import', 'tsx', probe], {
      encoding: 'utf8',
      timeout: 30_000
    })
    expect(run.status, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}')).toEqual({
      watcher: false,
      bus: true,
      host: 'missing'
    })
  })
})
