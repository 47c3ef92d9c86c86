// Create, never twice: E2E bills a second node. One requestId is one create. A repeated call (window reload, double
// click, Retry) while the first is in flight gets the first call's promise, and after a success its answer. After an
// ambiguous failure the request stays open ("checking", see pending-creates.ts): Retry is refused until a list
// fetched after the settle window says whether the node was made, then returns that node or sends the POST again.
import type { z } from 'zod'
import type { NodeSummary } from '../../../shared/domain/node'
import { describeNames } from '../../../shared/domain/node-state'
import type { CreateNodeResult } from '../../../shared/ipc/contract'
import type * as S from '../../../shared/ipc/schemas'
import { slugRequiresDisk } from '../api/catalog.mapper'
import type { CreateNodeRequest } from '../api/client.types'
import { DomainError, isDomainError } from '../errors'
import { toDomainError, type Engine } from './engine'
import { expectedNames, type TrackedCreate } from './pending-creates'
import type { ProfileRead } from './profile-runtime'

export const CREATE_MEMORY_MS = 60 * 60_000

type CreateInput = z.infer<typeof S.CreateNodeInput>

export { expectedNames } from './pending-creates'

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
function planNeedsDisk(rt: ProfileRead, slug: string): boolean {
  for (const entry of rt.catalog.values()) {
    const hit = entry.plans?.find((p) => p.slug === slug)
    if (hit) return hit.requiresDisk
  }
  return slugRequiresDisk(slug)
}

function validate(engine: Engine, rt: ProfileRead, input: CreateInput): void {
  if (input.disk === undefined && planNeedsDisk(rt, input.plan)) {
    throw new DomainError('VALIDATION', 'This plan has no fixed disk: choose a disk size (75–2400 GB).', {
      field: 'disk',
      createOutcome: 'not_created'
    })
  }
  // Checked again by the engine's openCreate, after the client lookup's await (another create may start meanwhile).
  const taken = engine.nameTakenInScope(rt, expectedNames(input.name, input.count), input.requestId)
  if (taken) throw taken
}

function recoveredMessage(names: string[]): string {
  const were = names.length > 1 ? 'were' : 'was'
  return `E2E did not confirm the request, but ${describeNames(names)} ${were} created`
}

function secondsLeft(t: TrackedCreate, now: number): number {
  return Math.max(0, Math.ceil(((t.record.checkAfter ?? now) - now) / 1000))
}

/** Retry while the outcome is unknown: refused, with the time left. */
function stillChecking(t: TrackedCreate, now: number): DomainError {
  const left = secondsLeft(t, now)
  const when = left > 0 ? `in about ${left} s` : "as soon as E2E's node list loads"
  return new DomainError(
    'PRECONDITION',
    `Nodetray is still checking whether E2E created ${describeNames(t.record.names)}. It will know ${when}; Retry is possible then.`,
    { createOutcome: 'unknown', retryAfterMs: left * 1000 }
  )
}

/** The POST failed ambiguously: say so, and that Nodetray keeps checking on its own. */
function outcomeUnknown(failure: DomainError, t: TrackedCreate, now: number): DomainError {
  const { code, message, ...extra } = failure.data
  return new DomainError(
    code,
    `${message} Nodetray will check E2E's node list in about ${secondsLeft(t, now)} s to tell whether it was made; Retry is off until then.`,
    { ...extra, createOutcome: 'unknown' }
  )
}

const recovered = (nodes: NodeSummary[]): CreateNodeResult => ({
  outcome: 'recovered',
  nodes,
  message: recoveredMessage(nodes.map((n) => n.name))
})

export class CreateCommand {
  /** In-flight and succeeded calls by requestId; a failed one's state lives in its runtime's `creates`. */
  private requests = new Map<string, { at: number; result: Promise<CreateNodeResult> }>()

  constructor(private readonly engine: Engine) {}

  async create(input: CreateInput): Promise<CreateNodeResult> {
    const now = this.engine.deps.clock.now()
    for (const [id, r] of this.requests) if (now - r.at > CREATE_MEMORY_MS) this.requests.delete(id)
    const earlier = this.requests.get(input.requestId)
    if (earlier) return earlier.result
    // Registered before the first await, so a concurrent retry finds it.
    const entry = { at: now, result: this.attempt(input) }
    this.requests.set(input.requestId, entry)
    entry.result.catch(() => {
      if (this.requests.get(input.requestId) === entry) this.requests.delete(input.requestId)
    })
    return entry.result
  }

  private async attempt(input: CreateInput): Promise<CreateNodeResult> {
    const { clock } = this.engine.deps
    const rt = await this.engine.runtime(input.profileId)
    const tracked = rt.creates.get(input.requestId)
    if (tracked?.phase === 'checking' && clock.now() >= (tracked.record.checkAfter ?? Infinity)) {
      // The window has passed: a list fetched now may settle it.
      await this.engine.refreshNow(rt)
    }
    switch (tracked?.phase) {
      case undefined:
        break
      case 'sending':
      case 'checking':
        throw stillChecking(tracked, clock.now())
      case 'created':
        return recovered(tracked.found)
      case 'not_created':
        this.engine.forgetCreate(rt, input.requestId)
        break
    }
    return this.post(rt, input)
  }

  private async post(rt: ProfileRead, input: CreateInput): Promise<CreateNodeResult> {
    const { clock, log } = this.engine.deps
    let client
    try {
      validate(this.engine, rt, input)
      client = await this.engine.clientFor(rt)
    } catch (e) {
      const err = toDomainError(e)
      const { code, message, ...extra } = err.data
      throw new DomainError(code, message, { ...extra, createOutcome: 'not_created' })
    }
    const names = expectedNames(input.name, input.count)
    const record = {
      requestId: input.requestId,
      names,
      // Every node listed before the POST: none of them is ours, whatever its name (several nodes are matched by
      // their name's start, see madeByRequest).
      existingIds: rt.nodes.map((n) => n.id),
      postedAt: clock.now(),
      checkAfter: null
    }
    try {
      // On disk before the POST goes out: a kill from here on cannot forget it. Refused (not_created) if another
      // create took one of the names while we waited for the client.
      await this.engine.openCreate(rt, record)
    } catch (e) {
      if (isDomainError(e) && e.data.createOutcome === 'not_created') throw e
      log.warn('could not save a create before sending it', { profileId: rt.profileId, error: String(e) })
      throw new DomainError(
        'INTERNAL',
        'Nodetray could not save the request before sending it, so nothing was sent. Check the disk and try again.',
        { createOutcome: 'not_created' }
      )
    }
    let outcome
    try {
      outcome = await client.createNode({ ...toRequest(input), existingNodeIds: record.existingIds })
    } catch (e) {
      const err = toDomainError(e)
      if (err.data.createOutcome === 'not_created') {
        this.engine.forgetCreate(rt, input.requestId)
        throw err
      }
      const tracked = this.engine.createUnknown(rt, input.requestId)
      throw tracked ? outcomeUnknown(err, tracked, clock.now()) : err
    }
    this.engine.createMade(rt, input.requestId, outcome.nodes)
    if (outcome.outcome === 'recovered') return recovered(outcome.nodes)
    return {
      outcome: 'created',
      nodes: outcome.nodes,
      message: `Created ${describeNames(outcome.nodes.length ? outcome.nodes.map((n) => n.name) : names)}`
    }
  }
}
