// Packaging check without Electron: electron-builder `--linux dir` against a stub Electron (an empty executable
// file), then assert the asar holds the built app and keytar's native module is unpacked. The output is not
// runnable; it proves the packaging config (files, asarUnpack, fuses config parse) is right.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const asar = require('@electron/asar')

if (!existsSync('out/main/index.js')) execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
const stub = mkdtempSync(join(tmpdir(), 'nodetray-electron-stub-'))
// electron-builder flips fuses in the binary and looks for this sentinel first; the rest can be anything.
writeFileSync(
  join(stub, 'electron'),
  Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 9]), Buffer.alloc(9, 0x30)])
)
chmodSync(join(stub, 'electron'), 0o755)
const output = mkdtempSync(join(tmpdir(), 'nodetray-dist-'))
try {
  execFileSync(
    'npx',
    [
      'electron-builder',
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${stub}`,
      `-c.directories.output=${output}`
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }
    }
  )
  const resources = join(output, 'linux-unpacked', 'resources')
  const files = asar.listPackage(join(resources, 'app.asar')).map((f) => f.replace(/\\/g, '/'))
  const problems = []
  for (const must of ['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html']) {
    if (!files.includes(must)) problems.push(`app.asar lacks ${must}`)
  }
  for (const f of files) {
    if (/^\/(electron|renderer|shared|tests)\//.test(f) || f.includes('/preview/') || f.endsWith('.ts'))
      problems.push(`app.asar ships a source or preview file: ${f}`)
  }
  const keytarNode = join(resources, 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node')
  if (!existsSync(keytarNode)) problems.push('keytar.node is not unpacked from the asar')
  if (problems.length) {
    console.error(problems.join('\n'))
    process.exit(1)
  }
  console.log(
    `dist-check: app.asar holds ${files.length} entries incl. out/main, out/preload, out/renderer; keytar.node unpacked`
  )
} finally {
  rmSync(stub, { recursive: true, force: true })
  rmSync(output, { recursive: true, force: true })
}
