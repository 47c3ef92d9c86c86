// Fault soak: 1,000 seeded, mixed user operations through the registry of a real createMain while ~20 % of the
// simulator's requests fail in every way E2E fails. Afterwards, with the faults cleared: no node was created twice,
// no profile or secret was lost or orphaned, and what main shows matches the simulator's truth.
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionAvailability, deleteAvailability } from '../../shared/domain/node-rules'
import { normalizeStatus } from '../../shared/domain/node-status'
import type { NodeAction, NodeSummary } from '../../shared/domain/node'
import type { Location } from '../../shared/domain/location'
import type { Envelope } from '../../shared/ipc/envelope'
import type { InvokeInput } from '../../shared/ipc/contract'
import { createE2EClient } from '../../electron/main/api/index'
import { ProfileFileV2Schema, secretRefOf } from '../../electron/main/profiles/profile-file.schema'
import type { FaultInput, SimAccountInfo } from '../../electron/simulator/index'
import { seededRandom, startMainHarness, valueOf, type MainHarness, type Rng } from './harness'

const OPERATIONS = Number(process.env.SOAK_OPS ?? 1000)
// SOAK_SEED=n runs another seed (timing still varies a run). Seed 4 met, in 2 of 3 runs, the Creating node kept
// after another profile deleted it (fixed in engine.ts applyList).
const SEED = Number(process.env.SOAK_SEED ?? 0x50a6)
const FAULT_SHARE = 0.2
const SOAK_TIMEOUT_MS = 400

type CreateInput = InvokeInput<'nodes:create'>
interface Scope {
  projectId: number
  location: Location
}
interface ExpectedProfile extends Scope {
  name: string
  color: string
}

/** Every non-latency fault the simulator knows except tokenExpiry (it expires the token for good; tested below). */
const FAULTS: FaultInput[] = [
  { kind: 'http429', html: true, applyChange: true },
  { kind: 'http429', html: true },
  ...([500, 502, 503, 504] as const).flatMap((status) => [
    { kind: 'http5xx' as const, status, body: 'html' as const },
    { kind: 'http5xx' as const, status, body: 'json' as const }
  ]),
  { kind: 'errorsInside200' },
  { kind: 'statusCodeBody', status: 400 },
  { kind: 'statusCodeBody', status: 429 },
  { kind: 'drop' },
  { kind: 'hang' }
]

/** The first matching fault wins, so each gets p with (1 - p)^n = 1 - FAULT_SHARE: about 20 % of calls fail. */
function injectSoakFaults(h: MainHarness): void {
  const p = 1 - Math.pow(1 - FAULT_SHARE, 1 / FAULTS.length)
  h.sim.control.injectFault({ kind: 'latency', ms: 20, jitterMs: 40, probability: 0.05 })
  for (const f of FAULTS) h.sim.control.injectFault({ ...f, probability: p })
}

const expectedNames = (name: string, count: number): string[] =>
  count > 1 ? Array.from({ length: count }, (_, i) => `${name}-${i + 1}`) : [name]

const tally = (map: Map<string, number>, key: string, by = 1): void => void map.set(key, (map.get(key) ?? 0) + by)
const show = (map: Map<string, number>): string =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}=${v}`)
    .join(' ') || 'none'

let h: MainHarness
let account: SimAccountInfo
let scopes: Scope[]
const planFor = new Map<Location, { slug: string; image: string }>()
const committedSkus = new Map<string, number[]>()

beforeAll(async () => {
  h = await startMainHarness({
    createClient: (t, o) =>
      createE2EClient(t, {
        ...o,
        timeoutMs: SOAK_TIMEOUT_MS,
        createTimeoutMs: SOAK_TIMEOUT_MS,
        sleep: async () => undefined
      })
  })
  account = h.sim.control.addAccount({ projects: [{ name: 'soak-a' }, { name: 'soak-b' }] })
  const [a, b] = account.projects
  if (!a || !b) throw new Error('the soak account has no projects')
  scopes = [
    { projectId: a.projectId, location: 'Delhi' },
    { projectId: a.projectId, location: 'Chennai' },
    { projectId: b.projectId, location: 'Delhi' }
  ]
  const horizon = Date.parse(h.sim.control.now()) + 30 * 86_400_000
  for (const [i, s] of scopes.entries()) {
    const ids = h.sim.control.addNodes({
      apiKey: account.apiKey,
      ...s,
      count: 6,
      status: 'mixed',
      namePrefix: `seed${i}`
    })
    // Two committed nodes per scope, for renewal settings.
    for (const id of ids.slice(0, 2))
      h.sim.control.setNode({ nodeId: id, committedEndsAt: horizon, committedStatus: 'hourly_billing' })
  }
}, 30_000)

afterAll(async () => {
  await h?.close()
})

describe('fault soak against the simulator', () => {
  it('1,000 mixed operations under ~20 % faults: no duplicate node, no lost profile, main matches the truth', async () => {
    const started = Date.now()
    const rng: Rng = seededRandom(SEED)
    const expected = new Map<string, ExpectedProfile>()
    const opsByKind = new Map<string, number>()
    const errorsByCode = new Map<string, number>()
    const faultsSeen = new Map<string, number>()
    const createOutcomes = new Map<string, number>()
    const creates: CreateInput[] = []
    const postsByRequest = new Map<string, number>()
    /** Per requestId: how many attempts failed in a way that lets Retry post again (nothing made, or unknown). */
    const repostable = new Map<string, number>()
    /** Every node id ever seen under a name we asked for: a node made twice shows even if one was deleted later. */
    const everSeen = new Map<string, Set<number>>()
    const askedNames = new Set<string>()
    /** Accepted node actions, to explain a pending entry that never settled. */
    const accepted: { op: number; profileId: string; nodeId: number; action: string }[] = []
    /**
     * Confirmed deletes, for the notes only: a node deleted by one profile while another (same project) still waits
     * for it to run or stop is not an excuse; main settles such a wait with its next list (engine.ts applyList).
     */
    const deleted: { op: number; profileId: string; nodeId: number }[] = []
    let logCursor = 0
    let nameSeq = 0
    let internalErrors = 0

    const newSecrets = (): { apiKey: string; authToken: string } => ({
      apiKey: account.apiKey,
      authToken: account.authToken
    })

    // Setup profiles and the catalog with no faults: a user's first run.
    for (const [i, s] of scopes.entries()) {
      const p = valueOf(
        await h.call('profiles:create', {
          name: `Soak ${i}`,
          projectId: String(s.projectId),
          location: s.location,
          apiBaseUrl: h.sim.baseUrl,
          color: '#3b82f6',
          ...newSecrets()
        }),
        'creating a soak profile'
      )
      expected.set(p.id, { name: p.name, color: p.color, ...s })
      if (planFor.has(s.location)) continue
      const os = valueOf(await h.call('catalog:os', { profileId: p.id }), 'catalog:os')[0]?.versions[0]
      if (!os) throw new Error('the simulator catalog has no OS')
      const plans = valueOf(await h.call('catalog:plans', { profileId: p.id, ...os }), 'catalog:plans')
      const plan = plans.find((x) => x.available && !x.requiresDisk)
      if (!plan) throw new Error(`no plan without a disk choice in ${s.location}`)
      planFor.set(s.location, { slug: plan.slug, image: plan.image })
      for (const x of plans)
        committedSkus.set(
          `${s.location}:${x.sku}`,
          x.committed.map((c) => c.id)
        )
    }
    valueOf(await h.call('nodes:refresh', {}), 'first refresh')
    h.sim.control.clearLog()
    injectSoakFaults(h)

    /** New log entries since the last look: faults by kind, and POST nodes/ charged to the create that sent them. */
    const drainLog = (requestId: string | null): void => {
      const entries = h.sim.control.requestLog({ sinceSeq: logCursor })
      for (const e of entries) {
        logCursor = Math.max(logCursor, e.seq)
        if (e.fault)
          tally(faultsSeen, e.fault === 'http5xx' || e.fault === 'statusCodeBody' ? `${e.fault}:${e.status}` : e.fault)
        if (e.method === 'POST' && e.route === 'nodes/') {
          const key = requestId ?? 'outside-a-create'
          postsByRequest.set(key, (postsByRequest.get(key) ?? 0) + 1)
        }
      }
    }
    const scanTruth = (): void => {
      for (const s of scopes) {
        for (const n of h.sim.control.getNodes({ apiKey: account.apiKey, ...s })) {
          if (!askedNames.has(n.name)) continue
          const ids = everSeen.get(n.name) ?? new Set<number>()
          ids.add(n.id)
          everSeen.set(n.name, ids)
        }
      }
    }
    const noteCreate = (input: CreateInput, env: Envelope<unknown>): void => {
      const outcome = env.ok ? null : env.error.createOutcome
      if (outcome === 'not_created' || outcome === 'unknown') tally(repostable, input.requestId)
    }
    const record = <T>(kind: string, env: Envelope<T>): env is { ok: true; value: T } => {
      tally(opsByKind, kind)
      if (!env.ok) {
        tally(errorsByCode, env.error.code)
        if (env.error.code === 'INTERNAL') internalErrors++
      }
      return env.ok
    }
    const userProfileIds = (): string[] => [...expected.keys()]
    const nodesOf = (profileId: string): { nodes: NodeSummary[]; pending: Record<string, unknown> } => {
      const view = h.main.nodes.snapshot().find((v) => v.profileId === profileId)
      return { nodes: view?.nodes ?? [], pending: view?.pending ?? {} }
    }

    let retry: CreateInput | null = null
    for (let op = 0; op < OPERATIONS; op++) {
      // A user pressing Retry on the create that just failed: same requestId.
      if (retry) {
        const input: CreateInput = retry
        retry = null
        const env = await h.call('nodes:create', input)
        drainLog(input.requestId)
        noteCreate(input, env)
        if (record('create-retry', env)) tally(createOutcomes, `retry-${env.value.outcome}`)
        scanTruth()
        continue
      }
      const profileId = rng.pick(userProfileIds())
      const profile = expected.get(profileId)
      if (!profile) throw new Error('lost track of a profile')
      const roll = rng.next()
      let requestId: string | null = null

      if (roll < 0.14) {
        const env = await h.call('nodes:refresh', rng.chance(0.5) ? { profileId } : {})
        record('refresh', env)
      } else if (roll < 0.22) {
        const node = rng.chance(0.9) ? nodesOf(profileId).nodes[0] : undefined
        const env = await h.call('nodes:detail', { profileId, nodeId: node?.id ?? 999_999 })
        record('detail', env)
      } else if (roll < 0.36) {
        const plan = planFor.get(profile.location)
        if (!plan) throw new Error('no plan for the location')
        const input: CreateInput = {
          profileId,
          requestId: randomUUID(),
          name: `soak-${SEED.toString(16)}-${++nameSeq}`,
          plan: plan.slug,
          image: plan.image,
          count: rng.chance(0.2) ? 2 : 1,
          sshKeys: [],
          backups: false,
          ipv6: false
        }
        requestId = input.requestId
        creates.push(input)
        for (const n of expectedNames(input.name, input.count)) askedNames.add(n)
        // Now and then a double-clicked Create: two calls with one requestId at the same time.
        const double = rng.chance(0.1)
        const [env, twin] = await Promise.all([
          h.call('nodes:create', input),
          double ? h.call('nodes:create', input) : null
        ])
        if (twin && !twin.ok) tally(errorsByCode, twin.error.code)
        // Both calls of a double click share one attempt, so only one of them counts towards a Retry.
        noteCreate(input, env)
        if (record(double ? 'create-double-click' : 'create', env)) tally(createOutcomes, env.value.outcome)
        else if (rng.chance(0.6)) retry = input
      } else if (roll < 0.62) {
        const { nodes, pending } = nodesOf(profileId)
        const power: NodeAction[] = ['power_on', 'power_off', 'reboot']
        const locks: NodeAction[] = ['lock_vm', 'unlock_vm']
        const wanted = roll < 0.52 ? power : locks
        const choices = nodes.flatMap((n) =>
          pending[String(n.id)] ? [] : wanted.filter((a) => actionAvailability(n, a).allowed).map((a) => ({ n, a }))
        )
        if (choices.length === 0) {
          record('refresh', await h.call('nodes:refresh', { profileId }))
        } else {
          const { n, a } = rng.pick(choices)
          if (record(a, await h.call('nodes:action', { profileId, nodeId: n.id, action: a })))
            accepted.push({ op, profileId, nodeId: n.id, action: a })
        }
      } else if (roll < 0.7) {
        const { nodes, pending } = nodesOf(profileId)
        const deletable = nodes.filter((n) => !pending[String(n.id)] && deleteAvailability(n).allowed)
        const n = deletable.length && nodes.length > 3 ? rng.pick(deletable) : undefined
        if (!n) record('refresh', await h.call('nodes:refresh', { profileId }))
        else if (
          record(
            'delete',
            await h.call('nodes:delete', { profileId, nodeId: n.id, confirmName: n.name, reserveIp: rng.chance(0.2) })
          )
        )
          deleted.push({ op, profileId, nodeId: n.id })
      } else if (roll < 0.76) {
        const { nodes, pending } = nodesOf(profileId)
        const committed = nodes.filter((n) => n.isCommitted && !pending[String(n.id)])
        const n = committed.length ? rng.pick(committed) : undefined
        const sku = n ? rng.pick([...(committedSkus.get(`${profile.location}:${n.plan}`) ?? []), 0]) : 0
        if (!n) record('refresh', await h.call('nodes:refresh', { profileId }))
        else if (sku > 0)
          record(
            'committed-renew',
            await h.call('nodes:committed-settings', {
              profileId,
              nodeId: n.id,
              mode: 'auto_renew',
              committedPlanId: sku
            })
          )
        else
          record(
            'committed-hourly',
            await h.call('nodes:committed-settings', {
              profileId,
              nodeId: n.id,
              mode: rng.pick(['hourly_billing', 'auto_terminate'] as const)
            })
          )
      } else if (roll < 0.83) {
        const name = `Soak renamed ${++nameSeq}`
        if (record('profile-rename', await h.call('profiles:update', { profileId, name })))
          expected.set(profileId, { ...profile, name })
      } else if (roll < 0.89) {
        const color = `#${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}`
        if (record('profile-colour', await h.call('profiles:update', { profileId, color })))
          expected.set(profileId, { ...profile, color })
      } else if (roll < 0.95) {
        const s = rng.pick(scopes)
        const env = await h.call('profiles:create', {
          name: `Soak profile ${++nameSeq}`,
          projectId: String(s.projectId),
          location: s.location,
          apiBaseUrl: h.sim.baseUrl,
          ...newSecrets()
        })
        if (record('profile-create', env))
          expected.set(env.value.id, { name: env.value.name, color: env.value.color, ...s })
      } else if (roll < 0.985) {
        if (expected.size <= 2) record('snapshot', await h.call('nodes:snapshot', {}))
        else if (record('profile-delete', await h.call('profiles:delete', { profileId }))) expected.delete(profileId)
      } else {
        record('tray-model', await h.call('tray:model', {}))
      }
      drainLog(requestId)
      scanTruth()
    }
    const opsDone = [...opsByKind.values()].reduce((a, b) => a + b, 0)

    // ---- faults off: one more look, then compare with the truth -------------------------------------------------
    h.sim.control.clearFaults()
    drainLog(null)
    valueOf(await h.call('nodes:refresh', {}), 'final refresh')
    valueOf(await h.call('nodes:refresh', {}), 'second final refresh')

    // Duplicates: no asked-for name was ever held by two nodes; a requestId posts again only after an attempt that
    // proved nothing was made (not_created) or could not tell (unknown: Retry checks by name before posting).
    scanTruth()
    let duplicates = 0
    for (const ids of everSeen.values()) if (ids.size > 1) duplicates += ids.size - 1
    const postTotal = [...postsByRequest.values()].reduce((a, b) => a + b, 0)
    const reposted = [...postsByRequest].filter(([, n]) => n > 1).length
    const postsBeyondAllowed = [...postsByRequest].filter(([id, n]) => n > 1 + (repostable.get(id) ?? 0))
    const distinctRequestIds = new Set(creates.map((c) => c.requestId)).size

    // Profiles: the file parses, holds exactly the expected profiles, and the vault holds exactly their secrets.
    const file = ProfileFileV2Schema.parse(JSON.parse(await h.readProfileFile()))
    ProfileFileV2Schema.parse(JSON.parse(await readFile(join(h.dataDir, 'profiles.json.bak'), 'utf8')))
    const onDisk = new Map(
      file.profiles.map((p) => [
        p.id,
        { name: p.name, color: p.color, projectId: Number(p.projectId), location: p.location }
      ])
    )
    const lost = [...expected.keys()].filter((id) => !onDisk.has(id)).length
    const extra = [...onDisk.keys()].filter((id) => !expected.has(id)).length
    // Each profile names its keychain entry (secretRef, see profile-mutations.ts).
    const refOf = new Map(file.profiles.map((p) => [p.id, secretRefOf(p)]))
    const vaultIds = (await h.vault.listProfileIds()).sort()
    const orphans = vaultIds.filter((ref) => ![...refOf.values()].includes(ref)).length
    let secretsWrong = 0
    for (const id of expected.keys()) {
      const c = await h.vault.get(refOf.get(id) ?? id)
      if (c?.apiKey !== account.apiKey || c.authToken !== account.authToken) secretsWrong++
    }

    // State: every profile main shows equals the simulator's nodes (ids, normalised status, lock) with no error.
    const conn = await h.demo.ensureStarted()
    const listed = await h.main.profiles.list()
    const snapshot = h.main.nodes.snapshot()
    let mismatches = 0
    let overtakenPending = 0
    const mismatchNotes: string[] = []
    for (const p of listed) {
      const apiKey = p.isDemo ? conn.apiKey : account.apiKey
      const truth = h.sim.control
        .getNodes({ apiKey, projectId: Number(p.projectId), location: p.location })
        .map((n) => `${n.id}:${normalizeStatus(n.status)}:${n.isLocked ? 'locked' : 'open'}`)
        .sort()
      const view = snapshot.find((v) => v.profileId === p.id)
      const shown = (view?.nodes ?? []).map((n) => `${n.id}:${n.status}:${n.isLocked ? 'locked' : 'open'}`).sort()
      const stale = view?.error
        ? `error ${view.error.code}`
        : view?.source !== 'live'
          ? `source ${String(view?.source)}`
          : ''
      // A pending action that another profile on the same project overtook (e.g. our reboot, then their power off
      // before our next list) waits for PENDING_TIMEOUT_MS; counted apart and reported, every other one is a mismatch.
      const overtaken = (a: { nodeId: number }): boolean => {
        const mine = accepted.filter((x) => x.nodeId === a.nodeId && x.profileId === p.id).at(-1)
        return (
          mine !== undefined && accepted.some((x) => x.nodeId === a.nodeId && x.profileId !== p.id && x.op > mine.op)
        )
      }
      const pendingList = Object.values(view?.pending ?? {})
      overtakenPending += pendingList.filter(overtaken).length
      const pending = pendingList.filter((a) => !overtaken(a)).length
      if (JSON.stringify(truth) !== JSON.stringify(shown) || stale || pending) {
        mismatches++
        const pendingNotes = Object.values(view?.pending ?? {}).map((a) => {
          const calls = h.sim.control
            .requestLog({ path: `nodes/${a.nodeId}/actions/` })
            .map((e) => `${e.method} ${e.route} ${e.status}${e.fault ? ` ${e.fault}` : ''}`)
          const byUs = accepted
            .filter((x) => x.nodeId === a.nodeId)
            .map((x) => `op${x.op} ${x.action} by ${x.profileId === p.id ? 'this profile' : x.profileId}`)
          const deletes = deleted
            .filter((x) => x.nodeId === a.nodeId)
            .map((x) => `op${x.op} by ${x.profileId === p.id ? 'this profile' : x.profileId}`)
          return `${a.kind} on ${a.nodeId} since ${a.startedAt}; sim saw [${calls.join(', ')}]; accepted [${byUs.join(', ')}]; deleted [${deletes.join(', ')}]`
        })
        mismatchNotes.push(
          `${p.name}: shown [${shown.join(' ')}] truth [${truth.join(' ')}] ${stale} pending: ${pendingNotes.join('; ') || 'none'}`
        )
      }
    }
    const runtimesWithoutProfile = snapshot.filter((v) => !listed.some((p) => p.id === v.profileId)).length
    const secretInLog = h.logLines.filter((l) => l.includes(account.apiKey) || l.includes(account.authToken)).length
    const wall = ((Date.now() - started) / 1000).toFixed(1)

    console.log(
      `fault-soak: ${opsDone} operations in ${wall} s (seed ${SEED}); ops ${show(opsByKind)}; ` +
        `faults injected ${show(faultsSeen)} (of ${h.sim.control.countRequests({})} requests); errors ${show(errorsByCode)}; ` +
        `creates ${show(createOutcomes)}, ${distinctRequestIds} requestIds, ${postTotal} POST nodes/ ` +
        `(${reposted} requestIds posted again by Retry after not_created/unknown); ` +
        `duplicates ${duplicates}, profiles lost ${lost} (extra ${extra}, orphan secrets ${orphans}), mismatches ${mismatches} ` +
        `(pending actions overtaken by another profile's change: ${overtakenPending})`
    )
    if (mismatchNotes.length) console.log(`fault-soak mismatches:\n  ${mismatchNotes.join('\n  ')}`)

    expect(opsDone).toBe(OPERATIONS)
    // Every fault kind fired at least once.
    for (const kind of [
      'http429',
      'http5xx:500',
      'http5xx:502',
      'http5xx:503',
      'http5xx:504',
      'errorsInside200',
      'statusCodeBody:400',
      'statusCodeBody:429',
      'drop',
      'hang'
    ]) {
      expect(faultsSeen.get(kind) ?? 0, `fault ${kind} never fired`).toBeGreaterThan(0)
    }
    expect(duplicates).toBe(0)
    expect(postsBeyondAllowed).toEqual([])
    expect(postsByRequest.get('outside-a-create') ?? 0).toBe(0)
    expect(postTotal).toBeLessThanOrEqual(distinctRequestIds + [...repostable.values()].reduce((a, b) => a + b, 0))
    expect(lost).toBe(0)
    expect(extra).toBe(0)
    expect(orphans).toBe(0)
    expect(secretsWrong).toBe(0)
    expect(vaultIds).toEqual([...expected.keys()].map((id) => refOf.get(id) ?? id).sort())
    for (const [id, want] of expected) expect(onDisk.get(id), `profile ${id} on disk`).toEqual(want)
    expect(mismatchNotes).toEqual([])
    expect(runtimesWithoutProfile).toBe(0)
    expect(internalErrors).toBe(0)
    expect(secretInLog).toBe(0)
  }, 120_000)

  it('an expired token mid-run shows as an AUTH error on that profile only, with the profile and its secrets kept', async () => {
    const other = h.sim.control.addAccount({ projects: [{ name: 'expiring' }] })
    const project = other.projects[0]
    if (!project) throw new Error('no project')
    const p = valueOf(
      await h.call('profiles:create', {
        name: 'Expiring token',
        projectId: String(project.projectId),
        location: 'Delhi',
        apiBaseUrl: h.sim.baseUrl,
        apiKey: other.apiKey,
        authToken: other.authToken
      }),
      'creating the profile'
    )
    h.sim.control.addNodes({ apiKey: other.apiKey, projectId: project.projectId, location: 'Delhi', count: 2 })
    valueOf(await h.call('nodes:refresh', { profileId: p.id }), 'refresh before expiry')
    expect(h.main.nodes.snapshot().find((v) => v.profileId === p.id)?.nodes).toHaveLength(2)

    // Pollers paused, so the one-shot fault meets this profile's list call and no other account's token.
    valueOf(await h.call('poller:set-paused', { paused: true }), 'pausing')
    h.sim.control.injectFault({ kind: 'tokenExpiry', route: 'GET nodes/', times: 1 })
    valueOf(await h.call('nodes:refresh', { profileId: p.id }), 'refresh at expiry')
    valueOf(await h.call('nodes:refresh', {}), 'refresh of every profile after the expiry')
    const views = h.main.nodes.snapshot()
    const hit = views.find((v) => v.profileId === p.id)
    // The last list stays on screen, marked stale because of the credentials.
    expect(hit?.error).toMatchObject({ code: 'AUTH', reason: 'auth' })
    expect(hit?.nodes).toHaveLength(2)
    expect(JSON.stringify(hit)).not.toContain(other.authToken)
    // Exactly one profile was hit (the fault fired once).
    expect(views.filter((v) => v.error !== null).map((v) => v.profileId)).toEqual([p.id])
    const action = await h.call('nodes:action', { profileId: p.id, nodeId: hit?.nodes[0]?.id ?? 0, action: 'lock_vm' })
    expect(action.ok ? null : action.error.code).toBe('AUTH')
    const file = ProfileFileV2Schema.parse(JSON.parse(await h.readProfileFile()))
    const stored = file.profiles.find((x) => x.id === p.id)
    expect((await h.vault.get(stored ? secretRefOf(stored) : p.id))?.authToken).toBe(other.authToken)
    expect(file.profiles.some((x) => x.id === p.id)).toBe(true)
    console.log(
      `fault-soak token-expiry: profile marked ${hit?.error?.code ?? 'none'}, ${views.length - 1} other profiles unaffected, profile and secret kept`
    )
  }, 20_000)
})
