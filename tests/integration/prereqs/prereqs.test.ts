// The fresh-machine checks: npm install's libsecret check, npm test's prerequisite block, and the one package list.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { libsecretMessage, testPrereqs, type SystemPackages } from '../../../scripts/prereqs/checks.mjs'

const root = resolve(__dirname, '../../..')
const list = JSON.parse(readFileSync(join(root, 'scripts/prereqs/system-packages.json'), 'utf8')) as SystemPackages

const osRelease = {
  debian: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n',
  ubuntu: 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n',
  mint: 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n',
  fedora: 'NAME="Fedora Linux"\nID=fedora\n',
  rocky: 'NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\n',
  arch: 'NAME="Arch Linux"\nID=arch\n',
  manjaro: 'NAME="Manjaro Linux"\nID=manjaro\nID_LIKE=arch\n',
  gentoo: 'NAME=Gentoo\nID=gentoo\n'
}

describe('npm install: libsecret check', () => {
  const message = (text: string, platform = 'linux', libsecretFound = false) =>
    libsecretMessage({ platform, osReleaseText: text, libsecretFound, list })

  it.each([
    ['debian', 'sudo apt-get install -y libsecret-1-dev'],
    ['ubuntu', 'sudo apt-get install -y libsecret-1-dev'],
    ['mint', 'sudo apt-get install -y libsecret-1-dev'],
    ['fedora', 'sudo dnf install -y libsecret-devel'],
    ['rocky', 'sudo dnf install -y libsecret-devel'],
    ['arch', 'sudo pacman -S --needed libsecret'],
    ['manjaro', 'sudo pacman -S --needed libsecret']
  ] as const)('names the package for %s in one line', (distro, command) => {
    const line = message(osRelease[distro])
    expect(line).toContain(`Install first: ${command} — `)
    expect(line).not.toContain('\n')
  })

  it('an unknown distribution gets the pkg-config name to look for', () => {
    expect(message(osRelease.gentoo)).toContain('provides libsecret-1.pc')
  })

  it('says nothing when libsecret is found, or off Linux', () => {
    expect(message(osRelease.debian, 'linux', true)).toBeNull()
    expect(message('', 'darwin')).toBeNull()
    expect(message('', 'win32')).toBeNull()
  })
})

describe('npm test: prerequisite block', () => {
  const all = { chromium: true, dbusRunSession: true, gnomeKeyring: true }
  const check = (found: Partial<typeof all>, { ci = false, platform = 'linux', text = osRelease.debian } = {}) =>
    testPrereqs({ platform, ci, osReleaseText: text, found: { ...all, ...found }, list })

  it('missing Chromium on Debian: the apt command and the Playwright one; skipped locally', () => {
    const r = check({ chromium: false })
    expect(r.lines.join('\n')).toContain('install: sudo apt-get install -y chromium')
    expect(r.lines.join('\n')).toContain('npx playwright install chromium')
    expect(r.skip).toEqual(['e2e'])
    expect(r.fail).toEqual([])
    expect(r.lines.at(-1)).toMatch(/^ {2}skipped: e2e/)
  })

  it('missing Chromium where the distribution has no usable package: only Playwright', () => {
    const r = check({ chromium: false }, { text: osRelease.fedora })
    expect(r.missing[0]?.install).toBe('npx playwright install chromium')
  })

  it('missing keyring tools: names them and the packages that bring them', () => {
    const r = check({ dbusRunSession: false, gnomeKeyring: false })
    expect(r.missing).toEqual([
      {
        step: 'keyring',
        what: 'dbus-run-session and gnome-keyring-daemon for the keyring tests',
        install: 'sudo apt-get install -y gnome-keyring dbus-daemon dbus-x11'
      }
    ])
    expect(r.skip).toEqual(['keyring'])
  })

  it('in CI every missing part fails instead of skipping', () => {
    const r = check({ chromium: false, gnomeKeyring: false }, { ci: true })
    expect(r.skip).toEqual([])
    expect(r.fail).toEqual(['e2e', 'keyring'])
    expect(r.lines.at(-1)).toContain('CI=true: everything is required')
  })

  it('on macOS and Windows the keyring needs no D-Bus tools', () => {
    for (const platform of ['darwin', 'win32']) {
      expect(check({ dbusRunSession: false, gnomeKeyring: false }, { platform, text: '' }).missing).toEqual([])
    }
  })

  it('everything present: one line, nothing skipped', () => {
    expect(check({})).toEqual({ missing: [], skip: [], fail: [], lines: ['prerequisites: all present'] })
  })
})

describe('one package list', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const quickStart = readme.slice(
    readme.indexOf('## Quick start'),
    readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1)
  )

  it.each(['debian', 'ubuntu', 'fedora'])("the README's quick start quotes the %s packages", (key) => {
    const d = list.distros[key]!
    expect(quickStart).toContain(`\`${d.install} ${[...d.build, ...d.browser, ...d.keyring].join(' ')}\``)
  })

  it('the quick start keeps exactly two commands', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(quickStart)?.[1] ?? ''
    expect(
      block
        .trim()
        .split('\n')
        .map((l) => l.split('#')[0]!.trim())
    ).toEqual(['npm install && npm start', 'npm test'])
  })

  it('.ci/run installs from the same list', () => {
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toContain('require("./scripts/prereqs/system-packages.json")')
  })
})

// A real `npm install` in a throwaway project: the check runs before a dependency's install script.
describe.runIf(process.platform === 'linux')('npm install with the check (real run)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nodetray-prereqs-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const install = (pkgConfigExit: number) => {
    const project = join(dir, `p${pkgConfigExit}`)
    const marker = join(project, 'native-built')
    mkdirSync(join(project, 'fake-native'), { recursive: true })
    cpSync(join(root, 'scripts/prereqs'), join(project, 'prereqs'), { recursive: true })
    cpSync(join(root, '.npmrc'), join(project, '.npmrc'))
    writeFileSync(
      join(project, 'fake-native/package.json'),
      JSON.stringify({
        name: 'fake-native',
        version: '1.0.0',
        scripts: { install: `node -e "require('fs').writeFileSync('${marker}', '')"` }
      })
    )
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({
        name: 'throwaway',
        version: '0.0.0',
        private: true,
        dependencies: { 'fake-native': 'file:fake-native-1.0.0.tgz' },
        devDependencies: { 'nodetray-prereqs': 'file:prereqs' }
      })
    )
    // A tarball, like keytar from the registry (a file: folder would be linked, and linked scripts run last).
    const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', project], {
      cwd: join(project, 'fake-native'),
      encoding: 'utf8'
    })
    expect(packed.status).toBe(0)
    const bin = join(project, 'bin')
    mkdirSync(bin)
    writeFileSync(join(bin, 'pkg-config'), `#!/bin/sh\nexit ${pkgConfigExit}\n`, { mode: 0o755 })
    const r = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, NODETRAY_SKIP_PREREQS: '' }
    })
    return { status: r.status, stderr: r.stderr, built: existsSync(marker) }
  }

  it('without libsecret: stops before the native build and names the package', () => {
    const expected = libsecretMessage({
      platform: 'linux',
      osReleaseText: readFileSync('/etc/os-release', 'utf8'),
      libsecretFound: false,
      list
    })
    const r = install(1)
    expect(r.status).not.toBe(0)
    expect(r.stderr).toContain(expected)
    expect(r.built).toBe(false)
  })

  it('with libsecret: the install goes on and the native build runs', () => {
    const r = install(0)
    expect(r.stderr).not.toContain('nodetray:')
    expect(r.status).toBe(0)
    expect(r.built).toBe(true)
  })
})
