// Secret-leak audit: with known canary secrets, drive every failure path through the real registry and
// services (each simulator fault, bad credentials, an expired token, an unusable keychain), then search every
// place a secret could surface: IPC replies, events, notifications, dialog requests, log lines and every file
// in the data folder. The renderer's DOM and storage are audited in tests/e2e/secret-leak.spec.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createE2EClient } from '../../electron/main/api/index'
import { createMain, type Main } from '../../electron/main/app/create-main'
import type { ConfirmRequest } from '../../electron/main/ports'
import { createLogger, SecretScrubber } from '../../electron/main/redact'
import { MemoryVault } from '../../electron/main/vault/memory-vault'
import type { CredentialVault, Credentials } from '../../electron/main/vault/credential-vault'
import { startSimulator, type FaultInput, type StartedSimulator } from '../../electron/simulator/index'

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
const KEY = 'c0ffee00-1eak-4a11-8bad-canary000001'.replace('1eak', '1ea0')
const TOKEN = `${b64({ alg: 'RS256' })}.${b64({ exp: 4102444800, sub: 'canary-token-subject' })}.Y2FuYXJ5LXNpZ25hdHVyZS1zZWNyZXQ`
const WRONG_TOKEN = `${b64({ alg: 'RS256' })}.${b64({ exp: 4102444800, sub: 'wrong-canary' })}.d3JvbmctY2FuYXJ5LXNpZw`
const CANARIES = [KEY, TOKEN, WRONG_TOKEN, TOKEN.split('.')[2]!, WRONG_TOKEN.split('.')[2]!]

/** A keychain that fails the way a broken Secret Service does, echoing what it was given. */
class BrokenVault implements CredentialVault {
  readonly kind = 'keychain' as const
  broken = false
  private readonly inner = new MemoryVault()
  private fail(what: string): never {
    throw new Error(`org.freedesktop.secrets: ${what} failed for ${KEY} / ${TOKEN}`)
  }
  async get(id: string) {
    if (this.broken) this.fail('get')
    return this.inner.get(id)
  }
  async set(id: string, c: Credentials) {
    if (this.broken) this.fail('set')
    return this.inner.set(id, c)
  }
  async delete(id: string) {
    if (this.broken) this.fail('delete')
    return this.inner.delete(id)
  }
  async listProfileIds() {
    if (this.broken) this.fail('list')
    return this.inner.listProfileIds()
  }
}

let sim: StartedSimulator
let main: Main<string>
let dataDir: string
const vault = new BrokenVault()
const places: { where: string; text: string }[] = []
const record = (where: string, value: unknown) =>
  places.push({ where, text: typeof value === 'string' ? value : JSON.stringify(value) })
let profileId = ''

async function call(channel: string, input: unknown): Promise<{ ok: boolean; error?: { code: string } }> {
  const env = await main.registry.dispatch(channel, input, 'audit')
  record(`reply ${channel}`, env)
  return env as { ok: boolean; error?: { code: string } }
}

beforeAll(async () => {
  sim = await startSimulator({ seed: 'empty', transitions: 'instant' })
  const account = sim.control.addAccount({
    apiKey: KEY,
    authToken: TOKEN,
    projects: [{ name: 'audit', isDefault: true }]
  })
  sim.control.addNodes({
    apiKey: KEY,
    projectId: account.projects[0]!.projectId,
    location: 'Delhi',
    count: 5,
    status: 'Running'
  })
  dataDir = mkdtempSync(join(tmpdir(), 'nodetray-audit-'))
  const scrubber = new SecretScrubber()
  main = await createMain<string>(
    {
      version: 'audit',
      platform: 'linux',
      preview: true,
      dataDir,
      homeDir: dataDir,
      vault,
      dialogs: {
        confirm: async (req: ConfirmRequest) => (record('dialog', req), req.cancelId),
        openFile: async (req) => (record('dialog', req), null),
        saveFile: async (req) => (record('dialog', req), null)
      },
      notifier: { show: (n) => record('notification', n) },
      clipboard: { writeText: (t) => record('clipboard', t) },
      window: { show: (nav) => record('window', nav ?? {}), quit: () => undefined },
      openExternal: async () => undefined,
      demo: null,
      scrubber,
      log: createLogger(scrubber, (line) => record('log', line)),
      createClient: (t, o) =>
        createE2EClient(t, { ...o, timeoutMs: 300, createTimeoutMs: 300, sleep: async () => undefined })
    },
    { isTrustedSender: () => true, describeSender: (s) => s }
  )
  main.events.subscribe((event, payload) => record(`event ${event}`, payload))
  const created = await main.registry.dispatch(
    'profiles:create',
    {
      name: 'Audit',
      projectId: String(account.projects[0]!.projectId),
      location: 'Delhi',
      apiBaseUrl: sim.baseUrl,
      apiKey: KEY,
      authToken: TOKEN
    },
    'audit'
  )
  if (!created.ok) throw new Error(`setup failed: ${JSON.stringify(created.error)}`)
  profileId = (created.value as { id: string }).id
})

afterAll(async () => {
  await main?.dispose()
  await sim?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const FAULTS: FaultInput[] = [
  { kind: 'http429', html: true },
  { kind: 'http429', html: true, applyChange: true },
  { kind: 'http5xx', status: 500, body: 'html' },
  { kind: 'http5xx', status: 502, body: 'json' },
  { kind: 'http5xx', status: 503, body: 'html' },
  { kind: 'http5xx', status: 504, body: 'json' },
  { kind: 'errorsInside200' },
  { kind: 'statusCodeBody', status: 400 },
  { kind: 'statusCodeBody', status: 429 },
  { kind: 'drop' },
  { kind: 'hang' }
]

describe('secret-leak audit', () => {
  it('drives every failure path and finds no secret anywhere', async () => {
    const nodeId =
      (main.nodes.snapshot().find((p) => p.profileId === profileId)?.nodes[0]?.id ?? 0) ||
      (await main.nodes.refresh(profileId), main.nodes.snapshot()[0]!.nodes[0]!.id)
    let paths = 0
    for (const fault of FAULTS) {
      const ops: [string, unknown][] = [
        ['nodes:refresh', { profileId }],
        ['nodes:detail', { profileId, nodeId }],
        ['nodes:action', { profileId, nodeId, action: 'reboot' }],
        ['catalog:os', { profileId }],
        ['catalog:create-options', { profileId }],
        ['profiles:check-credentials', { profileId }],
        [
          'nodes:create',
          {
            profileId,
            requestId: crypto.randomUUID(),
            name: `leak-${paths}`,
            plan: 'C3-4vCPU-8RAM-100DISK-C3.8GB-Ubuntu-24.04-Delhi',
            image: 'Ubuntu-24.04-Distro',
            count: 1,
            sshKeys: [],
            backups: false,
            ipv6: false
          }
        ]
      ]
      for (const [channel, input] of ops) {
        sim.control.clearFaults()
        sim.control.injectFault({ ...fault, times: 3 })
        await call(channel, input)
        paths++
      }
    }
    sim.control.clearFaults()
    // Bad credentials typed into the form, and a stored profile whose token the server no longer accepts.
    expect(
      (await call('profiles:check-credentials', { apiKey: KEY, authToken: WRONG_TOKEN, apiBaseUrl: sim.baseUrl })).ok
    ).toBe(false)
    sim.control.expireToken(TOKEN)
    await call('nodes:refresh', { profileId })
    await call('nodes:detail', { profileId, nodeId })
    paths += 3
    // The keychain stops working.
    vault.broken = true
    await call('profiles:create', {
      name: 'Second',
      projectId: '42',
      location: 'Chennai',
      apiBaseUrl: sim.baseUrl,
      apiKey: KEY,
      authToken: TOKEN
    })
    await call('profiles:update', { profileId, apiKey: KEY, authToken: TOKEN })
    await call('profiles:delete', { profileId })
    await call('profiles:list', {})
    await call('nodes:refresh', { profileId })
    paths += 5
    vault.broken = false
    record('snapshot', main.nodes.snapshot())
    record('tray', main.tray.model())
    await main.dispose()

    const files: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name)
        if (statSync(p).isDirectory()) walk(p)
        else files.push(p)
      }
    }
    walk(dataDir)
    for (const f of files) record(`file ${f.slice(dataDir.length)}`, readFileSync(f, 'latin1'))

    const hits = places.filter((p) => CANARIES.some((c) => p.text.includes(c)))
    const kinds = new Set(places.map((p) => p.where.split(' ')[0]))
    console.log(
      `secret-leak audit: ${paths} failure paths driven, ${places.length} places searched (${[...kinds].join(', ')}; ${files.length} files), ${hits.length} hits`
    )
    expect(hits.map((h) => h.where)).toEqual([])
    // The audit only means something if the failures really happened and were recorded.
    expect(places.filter((p) => p.where.startsWith('reply') && p.text.includes('"ok":false')).length).toBeGreaterThan(
      60
    )
    expect(places.some((p) => p.where === 'log')).toBe(true)
    expect(files.length).toBeGreaterThan(0)
  }, 120_000)
})
