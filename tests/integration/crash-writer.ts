// Child process for crash-safety.test.ts: opens the real profile stack on a data folder and changes profiles in a
// tight loop until it is killed. Before each write it prints what the file will hold ("intent"), after the write
// resolves what it holds now ("committed"), so the parent can tell an old version from a new one from a torn one.
//   tsx tests/integration/crash-writer.ts <dataDir>
import { join } from 'node:path'
import { systemClock } from '../../electron/main/ports'
import type { ClientFactory } from '../../electron/main/api/client.types'
import { createProfileStack } from '../../electron/main/profiles/index'
import { createLogger, SecretScrubber } from '../../electron/main/redact'
import { MemoryVault } from '../../electron/main/vault/memory-vault'
import { generationOf, namesHash } from './crash-identity'

const MAX_EXTRAS = 15
const KEY = 'c0ffee00-1111-2222-3333-444455556666'
const TOKEN = 'crash.writer.token.that-is-long-enough'

const say = (line: string): void => void process.stdout.write(line + '\n')

async function main(dataDir: string): Promise<void> {
  const noClient: ClientFactory = () => {
    throw new Error('the crash writer never calls the API')
  }
  const scrubber = new SecretScrubber()
  const { profiles } = await createProfileStack({
    dataDir,
    homeDir: join(dataDir, 'home'),
    vault: new MemoryVault(),
    dialogs: { confirm: async () => 0, openFile: async () => null, saveFile: async () => null },
    demo: null,
    createClient: noClient,
    clock: systemClock,
    scrubber,
    log: createLogger(scrubber, (line) => process.stderr.write(line + '\n'))
  })
  const base = { projectId: '51734', location: 'Delhi' as const, apiKey: KEY, authToken: TOKEN }
  let list = await profiles.list()
  let gen = generationOf(list.map((p) => p.name))
  say(`ready ${gen} ${namesHash(list.map((p) => p.name))}`)

  for (;;) {
    gen++
    const names = list.map((p) => p.name)
    const extras = list.filter((p) => p.name.startsWith('Extra '))
    const main = list.find((p) => p.name.startsWith('Gen '))
    let write: () => Promise<unknown>
    let next: string[]
    if (!main) {
      next = [...names, `Gen ${gen}`]
      write = () => profiles.create({ ...base, name: `Gen ${gen}` })
    } else if (gen % 5 === 0 && extras.length < MAX_EXTRAS) {
      next = [...names, `Extra ${gen}`]
      write = () => profiles.create({ ...base, name: `Extra ${gen}` })
    } else if (gen % 5 === 0 && extras[0]) {
      const victim = extras[0]
      next = names.filter((n) => n !== victim.name)
      write = () => profiles.delete(victim.id)
    } else if (gen % 3 === 0 && extras.length) {
      const renamed = extras[gen % extras.length] ?? extras[0]
      if (!renamed) throw new Error('no extra to rename')
      next = names.map((n) => (n === renamed.name ? `Extra ${gen}` : n))
      write = () => profiles.update({ profileId: renamed.id, name: `Extra ${gen}` })
    } else {
      next = names.map((n) => (n === main.name ? `Gen ${gen}` : n))
      write = () => profiles.update({ profileId: main.id, name: `Gen ${gen}`, color: gen % 2 ? '#ef4444' : '#22c55e' })
    }
    say(`intent ${gen} ${namesHash(next)}`)
    await write()
    list = await profiles.list()
    const now = list.map((p) => p.name)
    if (namesHash(now) !== namesHash(next)) throw new Error(`generation ${gen} holds ${JSON.stringify(now)}`)
    say(`committed ${gen} ${namesHash(now)}`)
  }
}

const dir = process.argv[2]
if (!dir) {
  process.stderr.write('usage: crash-writer.ts <dataDir>\n')
  process.exit(2)
}
main(dir).catch((err: unknown) => {
  process.stderr.write(`crash-writer failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
