// Test kit for the profile stack: temp data folders, a fake clock, dialogs and API client, failing fakes.
// Imported by *.test.ts only.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Project } from '../../shared/domain/resources'
import type { ApiTarget, ClientFactory, E2EClient } from '../../electron/main/api/client.types'
import type { DemoBackend, DemoConnection, Dialogs, FileRequest } from '../../electron/main/ports'
import { SecretScrubber, createLogger } from '../../electron/main/redact'
import { MemoryVault } from '../../electron/main/vault/memory-vault'
import type { CredentialVault, Credentials } from '../../electron/main/vault/credential-vault'
import type { DiskFs } from '../../electron/main/profiles/atomic-file'
import { createProfileStack } from '../../electron/main/profiles/index'
import { FakeClock } from './fake-clock'

export const NOW = Date.parse('2027-01-10T12:00:00Z')
const DAY = 86_400_000

export function makeJwt(payload: Record<string, unknown>): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(payload)}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`
}
export const tokenExpiringInDays = (days: number, extra = 'x') =>
  makeJwt({ exp: Math.floor((NOW + days * DAY) / 1000), sub: extra })

export const KEY_A = 'aaaa1111-2222-3333-4444-55556666a1b2'
export const TOKEN_A = tokenExpiringInDays(300, 'alpha-subject')
export const KEY_B = 'bbbb1111-2222-3333-4444-55556666c3d4'
export const TOKEN_B = tokenExpiringInDays(200, 'bravo-subject')
export const SECRETS = [KEY_A, TOKEN_A, KEY_B, TOKEN_B]

/** The shared FakeClock, started at NOW. */
export const fakeClock = (start = NOW): FakeClock => new FakeClock(start)

export function fakeDialogs() {
  const state: { open: string | null; save: string | null; requests: FileRequest[] } = {
    open: null,
    save: null,
    requests: []
  }
  const dialogs: Dialogs = {
    confirm: async () => 0,
    openFile: async (req) => {
      state.requests.push(req)
      return state.open
    },
    saveFile: async (req) => {
      state.requests.push(req)
      return state.save
    }
  }
  return { dialogs, state }
}

export const PROJECTS: Project[] = [{ projectId: 51734, name: 'default-project', isDefault: true }]

export function fakeClientFactory() {
  const targets: ApiTarget[] = []
  const behaviour: { checkError: Error | null } = { checkError: null }
  const factory: ClientFactory = (target) => {
    targets.push(target)
    const client: Partial<E2EClient> = {
      checkCredentials: async () => {
        if (behaviour.checkError) throw behaviour.checkError
      },
      listProjects: async () => PROJECTS
    }
    return client as E2EClient
  }
  return { factory, targets, behaviour }
}

/** A vault whose writes or deletes can be made to fail. */
export class FlakyVault extends MemoryVault {
  failSet: Error | null = null
  failDelete: Error | null = null
  failSetAfter: number | null = null
  private sets = 0
  override async set(id: string, c: Credentials): Promise<void> {
    this.sets++
    if (this.failSet) throw this.failSet
    if (this.failSetAfter !== null && this.sets > this.failSetAfter) throw new Error('keychain gave up')
    return super.set(id, c)
  }
  override async delete(id: string): Promise<boolean> {
    if (this.failDelete) throw this.failDelete
    return super.delete(id)
  }
}

export function fakeDemo(): DemoBackend & { starts: number } {
  const conn: DemoConnection = {
    baseUrl: 'http://127.0.0.1:45678/myaccount/api/v1',
    apiKey: 'demo0000-1111-2222-3333-444455556666',
    authToken: makeJwt({ exp: Math.floor((NOW + 3650 * DAY) / 1000), sub: 'demo' }),
    projects: [
      { projectId: 1001, name: 'Demo shop', location: 'Delhi' },
      { projectId: 1002, name: 'Demo lab', location: 'Chennai' }
    ]
  }
  const demo = {
    starts: 0,
    async ensureStarted() {
      demo.starts++
      return conn
    },
    async stop() {}
  }
  return demo
}

export async function tempDir(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'nodetray-profiles-'))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

export async function stack(opts: {
  dataDir: string
  vault?: CredentialVault
  demo?: DemoBackend | null
  fs?: DiskFs
  clock?: FakeClock
  allowApiHosts?: readonly string[]
  keychainWaitMs?: number
  keychainWriteMs?: number
  /** The real API client, for tests that watch what reaches a server. */
  createClient?: ClientFactory
}) {
  const clock = opts.clock ?? fakeClock()
  const vault: CredentialVault = opts.vault ?? new FlakyVault()
  const d = fakeDialogs()
  const client = fakeClientFactory()
  const scrubber = new SecretScrubber()
  const lines: string[] = []
  const log = createLogger(scrubber, (l) => lines.push(l))
  const s = await createProfileStack({
    dataDir: opts.dataDir,
    homeDir: join(opts.dataDir, 'home'),
    vault,
    dialogs: d.dialogs,
    demo: opts.demo ?? null,
    createClient: opts.createClient ?? client.factory,
    clock,
    scrubber,
    log,
    fs: opts.fs,
    allowApiHosts: opts.allowApiHosts ?? ['127.0.0.1'],
    ...(opts.keychainWaitMs !== undefined ? { keychainWaitMs: opts.keychainWaitMs } : {}),
    ...(opts.keychainWriteMs !== undefined ? { keychainWriteMs: opts.keychainWriteMs } : {})
  })
  return { ...s, vault, clock, dialogs: d.state, client, scrubber, lines }
}

export const input = (name: string, key = KEY_A, token = TOKEN_A) => ({
  name,
  projectId: '51734',
  location: 'Delhi' as const,
  apiKey: key,
  authToken: token
})

/** Every file under `dir` with its content, for "no secret on disk" checks. */
export async function readAllFiles(dir: string): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = []
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...(await readAllFiles(p)))
    else out.push({ path: p, text: await readFile(p, 'utf8') })
  }
  return out
}

export async function rejection(
  p: Promise<unknown>
): Promise<{ code?: string; message: string; field?: string; hint?: string }> {
  try {
    await p
  } catch (e) {
    const data = (e as { data?: { code: string; message: string; field?: string; hint?: string } }).data
    return data ?? { message: String(e) }
  }
  throw new Error('expected the call to fail')
}

/** The keychain entries of one profile: `<id>` (older files) or `<id>.<random>` (see profile-mutations.ts). */
export async function entriesOf(vault: CredentialVault, profileId: string): Promise<string[]> {
  return (await vault.listProfileIds()).filter((a) => a === profileId || a.startsWith(`${profileId}.`))
}

/** The secrets a profile's one keychain entry holds; fails when it has more than one. */
export async function secretOf(vault: CredentialVault, profileId: string): Promise<Credentials | null> {
  const entries = await entriesOf(vault, profileId)
  if (entries.length > 1) throw new Error(`${profileId} has ${entries.length} keychain entries`)
  return entries[0] ? vault.get(entries[0]) : null
}

/** Profile ids owning the vault's entries, sorted. */
export async function owners(vault: CredentialVault): Promise<string[]> {
  return (await vault.listProfileIds()).map((a) => a.split('.')[0] ?? a).sort()
}
