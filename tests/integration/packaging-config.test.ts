// What electron-builder.yml promises each OS, checked where it can be here (the installers are built in CI).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { autostartPath } from '../../electron/main/shell/login-item'

interface BuilderConfig {
  appId: string
  npmRebuild?: boolean
  publish?: { provider: string }
  mac: Record<string, unknown>
  win: Record<string, unknown>
  linux: { executableName: string; syncDesktopName?: boolean }
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { desktopName?: string }
const rawYml = readFileSync('electron-builder.yml', 'utf8')

describe('packaging configuration', () => {
  it('prepares native modules (keytar) for each target architecture', () => {
    expect(config.npmRebuild).not.toBe(false)
  })

  it('macOS: hardened runtime, notarization, and entitlements holding only the JIT exception', () => {
    expect(config.mac.hardenedRuntime).toBe(true)
    expect(config.mac.notarize).toBe(true)
    const plist = readFileSync(String(config.mac.entitlements), 'utf8')
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])
    expect(keys).toEqual(['com.apple.security.cs.allow-jit'])
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements)
  })

  it('never holds a signing secret: certificates and passwords come from the environment', () => {
    for (const platform of [config.mac, config.win]) {
      expect(platform).not.toHaveProperty('cscLink')
      expect(platform).not.toHaveProperty('cscKeyPassword')
    }
    expect(rawYml).not.toMatch(/^\s*(cscLink|cscKeyPassword|identity|password):/m)
  })

  it("Linux: the desktop entry's StartupWMClass is the window's class (desktopName), one name everywhere", () => {
    expect(pkg.desktopName).toBe(`${config.linux.executableName}.desktop`)
    expect(config.linux.syncDesktopName).toBe(true)
    expect(autostartPath({ env: {}, homeDir: '/home/u' })).toBe(`/home/u/.config/autostart/${pkg.desktopName}`)
  })

  it('publishes releases (and the update feed) to GitHub', () => {
    expect(config.publish?.provider).toBe('github')
  })
})
