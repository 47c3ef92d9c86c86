// Electronegativity over the sources that ship (main, preload, renderer page), then a check of the built app.
// Fails on any HIGH or MEDIUM finding that security/electronegativity-accepted.json does not justify.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import runElectronegativity from '@doyensec/electronegativity'
import { parse as parseYaml } from 'yaml'

const stage = mkdtempSync(join(tmpdir(), 'nodetray-scan-'))
const notTests = (src) => !/\.test\.tsx?$/.test(src)
try {
  cpSync('electron/main', join(stage, 'src/electron/main'), { recursive: true, filter: notTests })
  cpSync('electron/preload', join(stage, 'src/electron/preload'), { recursive: true, filter: notTests })
  cpSync('renderer/index.html', join(stage, 'src/renderer/index.html'))
  cpSync('renderer/tray.html', join(stage, 'src/renderer/tray.html'))
  cpSync('renderer/src', join(stage, 'src/renderer/src'), { recursive: true, filter: notTests })
  cpSync('package.json', join(stage, 'src/package.json'))
  // The library API, not the CLI: the CLI writes its CSV header and rows with two racing writeFile calls, so the
  // file could come out with rows missing or torn.
  const { issues } = await runElectronegativity({
    input: join(stage, 'src'),
    isRelative: true,
    electronVersionOverride: '45.5.0'
  })
  const accepted = JSON.parse(readFileSync('security/electronegativity-accepted.json', 'utf8')).accepted
  const findings = issues.map((i) => ({
    check: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file,
    location: `${i.location.line}:${i.location.column}`
  }))
  const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')
  const unjustified = serious.filter((f) => !accepted.some((a) => a.check === f.check && a.file === f.file))
  const count = (s) => findings.filter((f) => f.severity === s).length
  console.log(
    `electronegativity: ${findings.length} findings (high ${count('HIGH')}, medium ${count('MEDIUM')}, low ${count('LOW')}, informational ${count('INFORMATIONAL')}); ${serious.length - unjustified.length} high/medium justified, ${unjustified.length} unjustified`
  )
  for (const f of findings)
    console.log(
      `  ${f.severity.padEnd(13)} ${f.check} ${f.file}:${f.location}${unjustified.includes(f) ? '  <-- UNJUSTIFIED' : ''}`
    )

  // The built app must carry the baseline too, not only the sources.
  const problems = []
  if (!existsSync('out/main/index.js')) problems.push('out/main/index.js missing: run npm run build first')
  else {
    const mainJs = readFileSync('out/main/index.js', 'utf8')
    for (const needle of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'setWindowOpenHandler',
      '"will-navigate"',
      'setPermissionRequestHandler',
      'requestSingleInstanceLock',
      'isAllowedExternalUrl',
      // The page comes from the privileged app:// scheme through protocol.handle, never from file://.
      'registerSchemesAsPrivileged',
      'protocol.handle("app"',
      'app://nodetray/index.html'
    ]) {
      if (!mainJs.includes(needle)) problems.push(`built main lacks ${needle}`)
    }
    if (/\.loadFile\(/.test(mainJs)) problems.push('built main loads a file:// page (loadFile)')
    // Privileges only count when registered before ready; the handler must be in place before the window loads.
    const at = (re) => mainJs.search(re)
    const registered = at(/(?<!function )registerAppScheme\(/)
    const ready = at(/app\.whenReady\(\)/)
    if (registered < 0 || ready < 0 || registered > ready)
      problems.push('the app:// scheme is not registered before ready')
    if (/bypassCSP:\s*true/.test(mainJs)) problems.push('the app:// scheme bypasses the CSP')
    // Both pages: the window (index.html) and the tray popover (tray.html).
    for (const page of ['index.html', 'tray.html']) {
      const html = readFileSync(join('out/renderer', page), 'utf8')
      if (!/http-equiv="Content-Security-Policy"[^>]*script-src 'self'[;"]/.test(html))
        problems.push(`built renderer ${page} has no strict CSP`)
      if (/unsafe-eval|script-src[^;"]*unsafe-inline/.test(html))
        problems.push(`built renderer ${page} CSP allows inline or eval scripts`)
    }
    const preload = readFileSync('out/preload/index.js', 'utf8')
    if (/require\((?!"electron"\))/.test(preload))
      problems.push('sandboxed preload requires something other than electron')
  }
  // The fuses electron-builder writes into the binary (dist-check reads them back from the packed binary).
  const fuses = parseYaml(readFileSync('electron-builder.yml', 'utf8'))?.electronFuses ?? {}
  for (const [fuse, want] of Object.entries({
    grantFileProtocolExtraPrivileges: false,
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true
  })) {
    if (fuses[fuse] !== want) problems.push(`electron-builder.yml: fuse ${fuse} must be ${want}`)
  }
  console.log(
    `built app: ${problems.length === 0 ? 'sandbox, contextIsolation, no nodeIntegration, CSP, page from app:// (file:// fuse off), navigation/window.open denied, openExternal allow-listed: ok' : problems.join('; ')}`
  )
  process.exitCode = unjustified.length === 0 && problems.length === 0 ? 0 : 1
} finally {
  rmSync(stage, { recursive: true, force: true })
}
