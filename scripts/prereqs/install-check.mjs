// npm's preinstall for the nodetray-prereqs dev dependency. npm runs every dependency's preinstall before any
// install script, so this stops `npm install` before keytar's node-gyp build when libsecret's headers are missing.
// (The root package's own preinstall runs only after its dependencies are built, too late for this.)
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { libsecretMessage } from './checks.mjs'

const read = (path) => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

if (process.env.NODETRAY_SKIP_PREREQS !== '1' && process.platform === 'linux') {
  const list = JSON.parse(read(new URL('./system-packages.json', import.meta.url)))
  const message = libsecretMessage({
    platform: process.platform,
    osReleaseText: read('/etc/os-release') || read('/usr/lib/os-release'),
    libsecretFound: spawnSync('pkg-config', ['--exists', 'libsecret-1'], { stdio: 'ignore' }).status === 0,
    list
  })
  if (message) {
    console.error(message)
    process.exit(1)
  }
}
