// Child process for crash-keyring.test.ts: what a fresh start finds after a kill, with the REAL keyring. A child of
// its own each time, because gnome-keyring 42 can abort when a client is killed mid-call (scripts/with-keyring.sh
// starts it again) and libsecret in a long-lived process keeps talking to the daemon that is gone.
//   node <bundle> <dataDir> <service> check   → one JSON line: entries before the sweep, the sweep, the list, after
//   node <bundle> <dataDir> <service> probe   → {"up":true} once the keyring answers, else {"up":false}
//   node <bundle> <dataDir> <service> clear   → deletes every entry of the service
import keytar from 'keytar'
import { openKeyringStack } from './crash-keyring-stack'

const say = (value: unknown): void => void process.stdout.write(JSON.stringify(value) + '\n')
const accounts = async (service: string) => (await keytar.findCredentials(service)).map((c) => c.account)

async function check(dataDir: string, service: string): Promise<void> {
  const before = await accounts(service)
  const { profiles } = await openKeyringStack(dataDir, service)
  const sweep = await profiles.keychainSweep()
  const list = (await profiles.list()).map((p) => ({
    name: p.name,
    secret: p.credentials.secret,
    hasCredentials: p.credentials.hasCredentials
  }))
  say({ up: true, before, sweep, list, after: await accounts(service), notices: profiles.notices })
}

async function main(dataDir: string, service: string, mode: string): Promise<void> {
  try {
    if (mode === 'check') return await check(dataDir, service)
    if (mode === 'clear') {
      for (const a of await accounts(service)) await keytar.deletePassword(service, a)
      return say({ up: true })
    }
    await accounts(service)
    say({ up: true })
  } catch {
    // The daemon is down (it aborted on the kill): say so; the test waits for it and asks again.
    say({ up: false })
  }
}

const [dataDir, service, mode] = process.argv.slice(2)
void main(dataDir ?? '', service ?? '', mode ?? 'probe').then(() => process.exit(0))
