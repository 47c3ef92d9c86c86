// Pure prerequisite checks, shared by npm's preinstall (install-check.mjs) and `npm test` (scripts/test-all.mjs).
// Plain JavaScript with no dependencies: the preinstall runs before anything else is installed.

/** Parses /etc/os-release text into its ID and ID_LIKE words. */
export function parseOsRelease(text) {
  const fields = {}
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim())
    if (m) fields[m[1]] = m[2].replace(/^["']|["']$/g, '')
  }
  const words = (s) => (s ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  return { id: words(fields.ID)[0] ?? '', idLike: words(fields.ID_LIKE) }
}

/** The package list entry for this distribution: ID first, then ID_LIKE in order; null when unknown. */
export function distroFor(osReleaseText, list) {
  const { id, idLike } = parseOsRelease(osReleaseText)
  const entries = Object.entries(list.distros)
  for (const word of [id, ...idLike]) {
    const hit = entries.find(([key, d]) => key === word || d.like.includes(word))
    if (hit) return { key: hit[0], ...hit[1] }
  }
  return null
}

/** The one line `npm install` prints when keytar's build would fail for want of libsecret's headers, else null. */
export function libsecretMessage({ platform, osReleaseText, libsecretFound, list }) {
  if (platform !== 'linux' || libsecretFound) return null
  const distro = distroFor(osReleaseText, list)
  const how = distro
    ? `${distro.install} ${distro.build.join(' ')}`
    : "your distribution's libsecret development package (the one that provides libsecret-1.pc)"
  return `nodetray: keytar needs libsecret's headers and pkg-config cannot find libsecret-1. Install first: ${how} — then run npm install again.`
}

/**
 * What `npm test` lacks on this machine. found: { chromium, dbusRunSession, gnomeKeyring } (booleans).
 * Outside CI a missing part skips its step; in CI (CI=true) it fails it.
 * Returns { missing: [{ step, what, install }], skip: step[], fail: step[], lines: string[] }.
 */
export function testPrereqs({ platform, ci, osReleaseText, found, list }) {
  const distro = platform === 'linux' ? distroFor(osReleaseText, list) : null
  const missing = []
  if (!found.chromium) {
    const system = distro && distro.browser.length ? `${distro.install} ${distro.browser.join(' ')}` : null
    missing.push({
      step: 'e2e',
      what: 'Chromium for the browser tests',
      install: system ? `${system}   (or, where the network allows: ${list.playwrightBrowser})` : list.playwrightBrowser
    })
  }
  // On macOS and Windows keytar talks to Keychain / Credential Manager: nothing to install.
  if (platform === 'linux') {
    const tools = [!found.dbusRunSession && 'dbus-run-session', !found.gnomeKeyring && 'gnome-keyring-daemon'].filter(
      Boolean
    )
    if (tools.length) {
      missing.push({
        step: 'keyring',
        what: `${tools.join(' and ')} for the keyring tests`,
        install: distro
          ? `${distro.install} ${distro.keyring.join(' ')}`
          : "your distribution's gnome-keyring and dbus packages"
      })
    }
  }
  const steps = missing.map((m) => m.step)
  const lines = []
  if (missing.length) {
    lines.push(`prerequisites: ${missing.length} missing`)
    for (const m of missing) lines.push(`  missing: ${m.what}`, `    install: ${m.install}`)
    lines.push(
      ci
        ? `  CI=true: everything is required, so ${steps.join(', ')} fail${steps.length === 1 ? 's' : ''}`
        : `  skipped: ${steps.join(', ')} (install the above to run ${steps.length === 1 ? 'it' : 'them'}; CI requires ${steps.length === 1 ? 'it' : 'them'})`
    )
  } else lines.push('prerequisites: all present')
  return { missing, skip: ci ? [] : steps, fail: ci ? steps : [], lines }
}
