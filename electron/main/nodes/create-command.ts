// Create, idempotent per requestId: a retried IPC call (window reload, double click) gets the first call's promise
// and never sends a second POST, which E2E would bill as a second node.
import type { z } from 'zod'
import type { NodeSummary } from '../../../shared/domain/node'
import type { CreateNodeResult } from '../../../shared/ipc/contract'
import type * as S from '../../../shared/ipc/schemas'
import { slugRequiresDisk } from '../api/catalog.mapper'
import type { CreateNodeRequest } from '../api/client.types'
import { DomainError } from '../errors'
import type { Engine } from './engine'
import type { PendingEntry } from './pending'
import type { ProfileRuntime } from './profile-runtime'

export const CREATE_MEMORY_MS = 60 * 60_000

type CreateInput = z.infer<typeof S.CreateNodeInput>

export function expectedNames(name: string, count: number): string[] {
  return count > 1 ? Array.from({ length: count }, (_, i) => `${name}-${i + 1}`) : [name]
}

function toRequest(input: CreateInput): CreateNodeRequest {
  const { profileId: _p, requestId: _r, ...rest } = input
  void _p
  void _r
  const req: CreateNodeRequest = {
    name: rest.name,
    plan: rest.plan,
    image: rest.image,
    count: rest.count,
    sshKeys: rest.sshKeys,
    backups: rest.backups,
    ipv6: rest.ipv6
  }
  if (rest.vpcId !== undefined) req.vpcId = rest.vpcId
  if (rest.securityGroupId !== undefined) req.securityGroupId = rest.securityGroupId
  if (rest.reserveIp !== undefined) req.reserveIp = rest.reserveIp
  if (rest.startScript !== undefined) req.startScript = rest.startScript
  if (rest.disk !== undefined) req.disk = rest.disk
  if (rest.committedSkuId !== undefined) req.committedSkuId = rest.committedSkuId
  return req
}

/** A plan from the cached catalog when we have it; otherwise the slug tells (E1 slugs carry 0DISK). */
function planNeedsDisk(rt: ProfileRuntime, slug: string): boolean {
  for (const entry of rt.catalog.values()) {
    const hit = entry.plans?.find((p) => p.slug === slug)
    if (hit) return hit.requiresDisk
  }
  return slugRequiresDisk(slug)
}

function validate(rt: ProfileRuntime, input: CreateInput): void {
  if (input.disk === undefined && planNeedsDisk(rt, input.plan)) {
    throw new DomainError('VALIDATION', 'This plan has no fixed disk: choose a disk size (75–2400 GB).', {
      field: 'disk',
      createOutcome: 'not_created'
    })
  }
  const taken = new Set(rt.nodes.map((n) => n.name))
  const clash = expectedNames(input.name, input.count).find((n) => taken.has(n))
  if (clash) {
    throw new DomainError('CONFLICT', `A node named ${clash} already exists in this profile. Choose another name.`, {
      field: 'name',
      createOutcome: 'not_created'
    })
  }
}

function recoveredMessage(names: string[]): string {
  const were = names.length > 1 ? 'were' : 'was'
  return `E2E did not confirm the request, but ${describe(names)} ${were} created`
}

function describe(names: string[]): string {
  if (names.length <= 1) return names[0] ?? 'the node'
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`
}

interface CreateEntry {
  at: number
  result: Promise<CreateNodeResult>
  /** Set when the POST went out and we could not tell whether the node was made. */
  unknown: boolean
  /** Node ids that existed before the first attempt: a later by-name check ignores them. */
  existingIds: number[]
}

export class CreateCommand {
  private requests = new Map<string, CreateEntry>()

  constructor(private readonly engine: Engine) {}

  /**
   * Same requestId → same answer, with two exceptions that make Retry useful without risking a second node:
   * a failure that proves nothing was made ('not_created') is forgotten, so Retry posts again; a failure that
   * left it unknown makes Retry look for the node by name first and post only when it is confirmed absent.
   */
  async create(input: CreateInput): Promise<CreateNodeResult> {
    const now = this.engine.deps.clock.now()
    for (const [id, r] of this.requests) if (now - r.at > CREATE_MEMORY_MS) this.requests.delete(id)
    const earlier = this.requests.get(input.requestId)
    if (earlier && !earlier.unknown) return earlier.result
    // Registered before the first await, so a concurrent retry finds it.
    const attempt = { posted: false }
    const entry: CreateEntry = {
      at: now,
      unknown: false,
      existingIds: earlier?.existingIds ?? [],
      result: Promise.resolve() as never
    }
    entry.result = earlier ? this.recheckThenRun(input, entry, attempt) : this.run(input, entry, attempt)
    this.requests.set(input.requestId, entry)
    entry.result.catch((err: unknown) => {
      const outcome = err instanceof DomainError ? err.data.createOutcome : undefined
      if (!attempt.posted || outcome === 'not_created') this.requests.delete(input.requestId)
      else entry.unknown = true
    })
    return entry.result
  }

  private async recheckThenRun(
    input: CreateInput,
    entry: CreateEntry,
    attempt: { posted: boolean }
  ): Promise<CreateNodeResult> {
    const rt = await this.engine.runtime(input.profileId)
    const client = await this.engine.clientFor(rt)
    const names = new Set(expectedNames(input.name, input.count))
    const before = new Set(entry.existingIds)
    const found = (await client.listNodes()).filter((n) => names.has(n.name) && !before.has(n.id))
    if (found.length) {
      this.adopt(rt, found)
      return { outcome: 'recovered', nodes: found, message: recoveredMessage(found.map((n) => n.name)) }
    }
    return this.run(input, entry, attempt, false)
  }

  private async run(
    input: CreateInput,
    entry: CreateEntry,
    attempt: { posted: boolean },
    check = true
  ): Promise<CreateNodeResult> {
    const rt = await this.engine.runtime(input.profileId)
    if (check) validate(rt, input)
    const client = await this.engine.clientFor(rt)
    if (!entry.existingIds.length) entry.existingIds = rt.nodes.map((n) => n.id)
    // existingNodeIds lets the client's by-name recovery ignore nodes that were there before.
    const req = { ...toRequest(input), existingNodeIds: entry.existingIds }
    attempt.posted = true
    const outcome = await client.createNode(req)
    this.adopt(rt, outcome.nodes)
    const names = outcome.nodes.length ? outcome.nodes.map((n) => n.name) : expectedNames(input.name, input.count)
    const message = outcome.outcome === 'recovered' ? recoveredMessage(names) : `Created ${describe(names)}`
    return { outcome: outcome.outcome, nodes: outcome.nodes, message }
  }

  /** Shows the new nodes at once (as E2E reported them, usually Creating) and polls fast until they run. */
  private adopt(rt: ProfileRuntime, created: NodeSummary[]): void {
    const now = this.engine.deps.clock.now()
    const startedAt = new Date(now).toISOString()
    const known = new Set(rt.nodes.map((n) => n.id))
    rt.nodes = [...rt.nodes, ...created.filter((n) => !known.has(n.id))]
    for (const n of created) {
      rt.createdByUs.add(n.id)
      const entry: PendingEntry = {
        action: { nodeId: n.id, kind: 'create', startedAt },
        startedAtMs: now,
        settleAfterMs: now
      }
      rt.pending.set(n.id, entry)
    }
    // The notifier needs a "before" that includes the new nodes, or their first Running looks like a baseline.
    rt.notifyPrev = rt.notifyPrev ? [...rt.notifyPrev, ...created.filter((n) => !known.has(n.id))] : rt.nodes
    this.engine.reschedule(rt)
    if (!created.length) void this.engine.refreshNow(rt)
  }
}
