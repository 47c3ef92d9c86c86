// Child process for locked-keychain.test.ts, run inside its own D-Bus session and gnome-keyring (so locking the
// login collection touches no other test): saves three profiles, locks the collection over D-Bus, then starts
// main (createMain) the way the app does and times it up to the answers of profiles:list and the tray model.
// Prints one JSON line.
// With mode "no-dbus", the collection stays unlocked but main starts without a D-Bus session address, as on a
// desktop with no Secret Service.
//   node --import tsx tests/keyring/locked-start.ts <dataDir> <service> [locked|no-dbus]
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { createMain } from '../../electron/main/app/create-main'
import { systemClock } from '../../electron/main/ports'
import { createProfileStack } from '../../electron/main/profiles/index'
import { input, KEY_B, TOKEN_B } from '../support/profiles-kit'
import { createLogger, SecretScrubber } from '../../electron/main/redact'
import { createKeytarVault } from '../../electron/main/vault/keytar-vault'
import type { ProfileView } from '../../shared/domain/profile'

async function main(dataDir: string, service: string, mode: string): Promise<void> {
  const scrubber = new SecretScrubber()
  const log = createLogger(scrubber, () => undefined)
  const noClient = () => {
    throw new Error('no API in this test')
  }
  const dialogs = { confirm: async () => 0, openFile: async () => null, saveFile: async () => null }
  const setup = await createProfileStack({
    dataDir,
    homeDir: dataDir,
    vault: createKeytarVault({ service }),
    dialogs,
    demo: null,
    createClient: noClient,
    clock: systemClock,
    scrubber,
    log
  })
  for (const [name, key, token] of [
    ['Alpha', undefined, undefined],
    ['Bravo', KEY_B, TOKEN_B],
    ['Charlie', undefined, undefined]
  ] as const)
    await setup.profiles.create(input(name, key, token))

  if (mode === 'no-dbus') delete process.env.DBUS_SESSION_BUS_ADDRESS
  else
    execFileSync('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service.Lock',
      'array:objpath:/org/freedesktop/secrets/collection/login'
    ])

  const started = performance.now()
  const main = await createMain<string>(
    {
      version: 'locked-start',
      platform: process.platform,
      preview: false,
      dataDir,
      homeDir: join(dataDir, 'home'),
      vault: createKeytarVault({ service }),
      dialogs,
      notifier: { show: () => undefined },
      clipboard: { writeText: () => undefined },
      window: { show: () => undefined, quit: () => undefined },
      openExternal: async () => undefined,
      demo: null,
      scrubber,
      log,
      createClient: noClient
    },
    { isTrustedSender: () => true, describeSender: () => 'locked-start' }
  )
  const listed = await main.registry.dispatch('profiles:list', {}, 'window')
  const tray = main.tray.model()
  const startMs = performance.now() - started
  if (!listed.ok) throw new Error(`profiles:list failed: ${listed.error.message}`)
  const profiles = listed.value as ProfileView[]
  const sweep = await main.profiles.keychainSweep()
  // "Try again": the keychain is asked again; with no one to answer an unlock prompt it stays locked.
  const retried = await main.registry.dispatch('profiles:retry-keychain', {}, 'window')
  const after = retried.ok ? (retried.value as ProfileView[]) : []
  process.stdout.write(
    JSON.stringify({
      startMs: Math.round(startMs),
      trayItems: tray.items.length,
      secrets: profiles.map((p) => [p.name, p.credentials.secret, p.credentials.hasCredentials]),
      hint: profiles[0]?.credentials.keychainHint ?? null,
      sweep,
      afterRetry: after.map((p) => p.credentials.secret),
      notices: main.profiles.notices.map((n) => n.message)
    }) + '\n'
  )
  await main.dispose()
}

const [dir, service, mode = 'locked'] = process.argv.slice(2)
if (!dir || !service) {
  process.stderr.write('usage: locked-start.ts <dataDir> <service>\n')
  process.exit(2)
}
main(dir, service, mode).then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`locked-start failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  }
)
