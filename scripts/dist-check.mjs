// Packaging check without Electron: electron-builder `--linux dir --x64` against a stub Electron (a file holding
// only the fuse sentinel and Electron's default fuse wire), then assert what the packed app carries: the built
// app in the asar, no sources, keytar's native module unpacked AND built for the target architecture (read from
// its ELF/Mach-O/PE header), and the fuses electron-builder wrote into the binary. The output is not runnable.
//
// npmRebuild: electron-builder.yml keeps it ON so every target (mac arm64 and x64, each OS on its own runner)
// packs a keytar.node for its own architecture (prebuild-install fetches keytar's N-API prebuild per arch; node-gyp
// and Electron's headers are the fallback). Both need the network, which this build machine lacks, so this check
// turns the rebuild off for itself (-c.npmRebuild=false) and packs the host's x64 keytar.node: N-API, so the same
// binary serves Node and Electron. The architecture assertion below is what catches a wrong binary either way.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, openSync, readSync, closeSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkNativeArch } from './lib/native-arch.mjs'

const require = createRequire(import.meta.url)
const asar = require('@electron/asar')
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses')
// The wire's bytes: ASCII '1' on, '0' off (@electron/fuses' FuseState, not exported).
const ON = 0x31
const OFF = 0x30

// x64 by default (this machine's keytar.node); DIST_CHECK_ARCH=arm64 packs the same host module for arm64 and
// shows the architecture check failing, as it would for a cross-built Mac app without npmRebuild.
const TARGET_ARCH = process.env.DIST_CHECK_ARCH ?? 'x64'
if (!existsSync('out/main/index.js')) execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
const stub = mkdtempSync(join(tmpdir(), 'nodetray-electron-stub-'))
// electron-builder flips fuses in the binary after this sentinel. The wire starts as Electron 45's defaults
// ('1' on, '0' off) so the check below proves each fuse was really written, not merely left at a default.
const defaults = '101100011'
writeFileSync(
  join(stub, 'electron'),
  Buffer.concat([
    Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
    Buffer.from([1, defaults.length]),
    Buffer.from(defaults)
  ])
)
chmodSync(join(stub, 'electron'), 0o755)
const output = mkdtempSync(join(tmpdir(), 'nodetray-dist-'))

function head(file, bytes = 4096) {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(bytes)
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0))
  } finally {
    closeSync(fd)
  }
}

try {
  execFileSync(
    'npx',
    [
      'electron-builder',
      '--linux',
      'dir',
      `--${TARGET_ARCH}`,
      '--publish',
      'never',
      `-c.electronDist=${stub}`,
      `-c.directories.output=${output}`,
      '-c.npmRebuild=false'
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }
    }
  )
  const unpacked = join(output, TARGET_ARCH === 'x64' ? 'linux-unpacked' : `linux-${TARGET_ARCH}-unpacked`)
  const resources = join(unpacked, 'resources')
  const files = asar.listPackage(join(resources, 'app.asar')).map((f) => f.replace(/\\/g, '/'))
  const problems = []
  for (const must of [
    '/package.json',
    '/out/main/index.js',
    '/out/preload/index.js',
    '/out/renderer/index.html',
    '/node_modules/electron-updater/package.json'
  ]) {
    if (!files.includes(must)) problems.push(`app.asar lacks ${must}`)
  }
  for (const f of files) {
    if (/^\/(electron|renderer|shared|tests)\//.test(f) || f.includes('/preview/') || f.endsWith('.ts'))
      problems.push(`app.asar ships a source or preview file: ${f}`)
  }
  const keytarNode = join(resources, 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node')
  if (!existsSync(keytarNode)) problems.push('keytar.node is not unpacked from the asar')
  else problems.push(...checkNativeArch(head(keytarNode), TARGET_ARCH, 'keytar.node'))
  if (!existsSync(join(resources, 'icon.png'))) problems.push('the Linux window icon (resources/icon.png) is missing')

  const wire = await getCurrentFuseWire(join(unpacked, 'nodetray'))
  const want = {
    RunAsNode: false,
    EnableCookieEncryption: true,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true,
    GrantFileProtocolExtraPrivileges: false
  }
  for (const [fuse, on] of Object.entries(want)) {
    if (wire[FuseV1Options[fuse]] !== (on ? ON : OFF))
      problems.push(`fuse ${fuse} is not ${on ? 'on' : 'off'} in the packed binary`)
  }
  if (problems.length) {
    console.error(problems.join('\n'))
    process.exit(1)
  }
  console.log(
    `dist-check: app.asar holds ${files.length} entries incl. out/main, out/preload, out/renderer; keytar.node unpacked and built for ${TARGET_ARCH}; fuses as configured (file:// privileges off)`
  )
} finally {
  rmSync(stub, { recursive: true, force: true })
  rmSync(output, { recursive: true, force: true })
}
