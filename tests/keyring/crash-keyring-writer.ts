// Child process for crash-keyring.test.ts: opens the real profile stack with the REAL keyring (keytar under the
// private D-Bus session of scripts/with-keyring.sh, a throwaway service name) and changes profiles at random
// (create, rename, credential update, delete, import) until it is SIGKILLed.
//   node --import tsx tests/keyring/crash-keyring-writer.ts <dataDir> <service> <seed>
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createPrng } from '../../electron/simulator/prng'
import { openKeyringStack } from './crash-keyring-stack'

const MAX_PROFILES = 8
const KINDS = ['create', 'import', 'rename', 'update', 'update-token', 'delete'] as const
type Kind = (typeof KINDS)[number]
const say = (line: string): void => void process.stdout.write(line + '\n')
const key = (n: number) => `c0ffee00-1111-2222-3333-${String(n).padStart(12, '0')}`
const token = (n: number) => `crash.keyring.token.${String(n).padStart(8, '0')}.long-enough`

async function main(dataDir: string, service: string, seed: number): Promise<void> {
  const rng = createPrng(seed)
  const home = join(dataDir, 'home')
  await mkdir(home, { recursive: true })
  const tokensFile = join(home, `tokens-${seed}.json`)
  const { profiles } = await openKeyringStack(dataDir, service, tokensFile)
  say('ready')
  // Each run leans on one kind of change, so every kind is killed part-way several times.
  const focus = KINDS[seed % KINDS.length] ?? 'create'
  let n = seed * 1000
  for (;;) {
    n++
    const list = await profiles.list()
    const victim = list.length ? list[rng.int(0, list.length - 1)] : undefined
    let kind: Kind = rng.next() < 0.6 ? focus : rng.pick(KINDS)
    if (!victim) kind = 'create'
    else if (list.length >= MAX_PROFILES - 1 && (kind === 'create' || kind === 'import')) kind = 'delete'
    // Announced before each change, so the parent can aim its kill into the middle of one.
    say(`op ${kind}`)
    if (kind === 'create' || !victim) {
      await profiles.create({
        name: `P${n}`,
        projectId: '51734',
        location: 'Delhi',
        apiKey: key(n),
        authToken: token(n)
      })
    } else if (kind === 'import') {
      await writeFile(
        tokensFile,
        JSON.stringify({
          [`a${n}`]: { api_key: key(n), api_auth_token: token(n) },
          [`b${n}`]: { api_key: key(n + 1), api_auth_token: token(n + 1) }
        })
      )
      const preview = await profiles.pickImport('token-file')
      if (!preview) throw new Error('the import dialog returned nothing')
      await profiles.importProfiles({
        importId: preview.importId,
        entries: preview.entries.map((e) => ({
          alias: e.alias,
          name: `I${n}${e.alias}`,
          projectId: '51734',
          location: 'Delhi' as const
        }))
      })
    } else if (kind === 'rename') {
      await profiles.update({ profileId: victim.id, name: `R${n}` })
    } else if (kind === 'update') {
      await profiles.update({ profileId: victim.id, apiKey: key(n), authToken: token(n) })
    } else if (kind === 'update-token') {
      await profiles.update({ profileId: victim.id, authToken: token(n) }) // reads the old key first
    } else {
      await profiles.delete(victim.id)
    }
  }
}

const [dir, service, seedText] = process.argv.slice(2)
if (!dir || !service || !seedText) {
  process.stderr.write('usage: crash-keyring-writer.ts <dataDir> <service> <seed>\n')
  process.exit(2)
}
main(dir, service, Number(seedText)).catch((err: unknown) => {
  process.stderr.write(
    `crash-keyring-writer failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`
  )
  process.exit(1)
})
