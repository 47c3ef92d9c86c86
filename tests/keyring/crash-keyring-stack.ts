// The profile stack the crash test's children open: the real keyring (keytar, a throwaway service name), no API, no
// demo, logs dropped. The writer passes the token file its imports read.
import { join } from 'node:path'
import { systemClock } from '../../electron/main/ports'
import { createProfileStack } from '../../electron/main/profiles/index'
import { createLogger, SecretScrubber } from '../../electron/main/redact'
import { createKeytarVault } from '../../electron/main/vault/keytar-vault'

export function openKeyringStack(dataDir: string, service: string, importFile: string | null = null) {
  const scrubber = new SecretScrubber()
  return createProfileStack({
    dataDir,
    homeDir: join(dataDir, 'home'),
    vault: createKeytarVault({ service }),
    dialogs: { confirm: async () => 0, openFile: async () => importFile, saveFile: async () => null },
    demo: null,
    createClient: () => {
      throw new Error('the crash test never calls the API')
    },
    clock: systemClock,
    scrubber,
    log: createLogger(scrubber, () => undefined)
  })
}
