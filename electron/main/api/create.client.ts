// POST nodes/ (docs/e2e-api.md#create-a-node). Never retried: a duplicate node is billed. After an ambiguous
// failure (timeout, 5xx, 429, dropped connection, unreadable reply) one look at the node list may find the node; not
// finding it proves nothing (E2E may still be making it), so the failure stays 'unknown' and the engine settles it
// later (docs/create-guarantees.md).
import { z } from 'zod'
import type { CreateOutcome } from '../../../shared/domain/errors'
import type { NodeSummary } from '../../../shared/domain/node'
import { DomainError, isDomainError } from '../errors'
import type { CallOptions, CreateNodeOutcome, CreateNodeRequest } from './client.types'
import { isRecord } from './envelope'
import type { Http } from './http'
import { parseItems } from './lenient'
import { nodeRowSchema, toNodeSummary } from './nodes.mapper'

/**
 * The POST's own deadline. E2E has been seen to answer a create after 24 s (the CLI's 10 s gives up on those); a
 * minute leaves 2.5x that while a hung request still ends within the wizard's patience.
 */
export const CREATE_TIMEOUT_MS = 60_000

/** Failures that prove E2E refused the request before making anything. */
const DEFINITE = new Set(['VALIDATION', 'AUTH', 'FORBIDDEN', 'PRECONDITION', 'NOT_FOUND', 'NO_CREDIT', 'CONFLICT'])

export function createNodeBody(req: CreateNodeRequest): Record<string, unknown> {
  return {
    name: req.name,
    plan: req.plan,
    image: req.image,
    label: 'default',
    ssh_keys: req.sshKeys,
    start_scripts: req.startScript ? [req.startScript] : [],
    backups: req.backups,
    enable_bitninja: false,
    is_ipv6_availed: req.ipv6,
    default_public_ip: false,
    disable_password: true,
    number_of_instances: req.count,
    reserve_ip: req.reserveIp ?? '',
    is_saved_image: req.savedImageTemplateId !== undefined,
    ...(req.savedImageTemplateId !== undefined ? { saved_image_template_id: String(req.savedImageTemplateId) } : {}),
    ...(req.vpcId !== undefined ? { vpc_id: req.vpcId } : {}),
    ...(req.securityGroupId !== undefined ? { security_group_id: req.securityGroupId } : {}),
    ...(req.disk !== undefined ? { disk: req.disk } : {}),
    ...(req.committedSkuId !== undefined ? { cn_id: req.committedSkuId, cn_status: 'auto_renew' } : {})
  }
}

export type CreateReply =
  | { kind: 'nodes'; nodes: NodeSummary[] }
  /** Accepted, but the reply names no node id (legacy shape, SKILLS): find the nodes by name. */
  | { kind: 'no_ids' }
  | { kind: 'no_credit' }

const createReply = z.looseObject({ data: z.unknown().optional() })

/** Both reply shapes: {data:{node_create_response:[…]}} and legacy {data:{…one node…, is_credit_sufficient}}. */
export function readCreateReply(body: unknown, fallbackLocation: NodeSummary['location']): CreateReply {
  const data = createReply.parse(isRecord(body) ? body : {}).data
  if (!isRecord(data)) return { kind: 'no_ids' }
  if (data['is_credit_sufficient'] === false) return { kind: 'no_credit' }
  const items = Array.isArray(data['node_create_response']) ? data['node_create_response'] : [data]
  const nodes = parseItems(items, nodeRowSchema).map((r) => toNodeSummary(r, fallbackLocation))
  return nodes.length ? { kind: 'nodes', nodes } : { kind: 'no_ids' }
}

/** Names E2E gives N instances: `name` for one, `name-1 … name-N` for several (as reported; see madeByRequest). */
export function expectedNames(name: string, count: number): string[] {
  return count > 1 ? Array.from({ length: count }, (_, i) => `${name}-${i + 1}`) : [name]
}

/**
 * Which listed nodes a create of `count` nodes named `name` made. None of them was listed before the POST
 * (`knownIds`). One node: E2E gives it the requested name. Several: E2E's `name-1 … name-N` is only reported, so any
 * new node whose name starts with the requested one, in any case (`name1`, `name_1`, `Name-01`), counts as made by
 * this create: a node wrongly counted only withholds Retry, a node missed would let Retry bill a second set.
 */
export function madeByRequest(
  name: string,
  count: number,
  knownIds: Iterable<number>
): (n: Pick<NodeSummary, 'id' | 'name'>) => boolean {
  const known = new Set(knownIds)
  if (count <= 1) return (n) => n.name === name && !known.has(n.id)
  const prefix = name.toLowerCase()
  return (n) => n.name.toLowerCase().startsWith(prefix) && !known.has(n.id)
}

function withOutcome(e: DomainError, createOutcome: CreateOutcome, message = e.message): DomainError {
  const { code, message: _old, ...extra } = e.data
  void _old
  return new DomainError(code, message, { ...extra, createOutcome })
}

export function createCreateClient(http: Http, listNodes: (o: CallOptions) => Promise<NodeSummary[]>) {
  async function findByName(req: CreateNodeRequest, o: CallOptions): Promise<NodeSummary[]> {
    const made = madeByRequest(req.name, req.count, req.existingNodeIds ?? [])
    return (await listNodes(o)).filter(made)
  }

  async function reconcile(req: CreateNodeRequest, failure: DomainError, o: CallOptions): Promise<CreateNodeOutcome> {
    let found: NodeSummary[] = []
    try {
      found = await findByName(req, o)
    } catch {
      // A failed look proves nothing either way.
    }
    if (found.length) return { outcome: 'recovered', nodes: found }
    throw withOutcome(failure, 'unknown', `E2E did not confirm the create of "${req.name}": ${failure.message}`)
  }

  async function createNode(req: CreateNodeRequest, o: CallOptions = {}): Promise<CreateNodeOutcome> {
    if (!Number.isInteger(req.count) || req.count < 1) {
      throw new DomainError('VALIDATION', 'The number of nodes must be at least 1.', {
        field: 'count',
        createOutcome: 'not_created'
      })
    }
    let body: unknown
    try {
      body = await http.send({
        method: 'POST',
        path: 'nodes/',
        scope: 'proj',
        body: createNodeBody(req),
        signal: o.signal
      })
    } catch (err) {
      const e = isDomainError(err) ? err : new DomainError('INTERNAL', 'Creating the node failed unexpectedly.')
      // A 5xx never proves a refusal, whatever its code says: E2E may have made the node before failing.
      if (DEFINITE.has(e.code) && (e.data.status ?? 0) < 500) throw withOutcome(e, 'not_created')
      if (e.code === 'CANCELLED') {
        throw withOutcome(
          e,
          'unknown',
          'Create was cancelled after it may have reached E2E. Check the node list before trying again.'
        )
      }
      return reconcile(req, e, o)
    }
    const reply = readCreateReply(body, http.target.location ?? null)
    if (reply.kind === 'no_credit') {
      throw new DomainError('NO_CREDIT', 'E2E says the account does not have enough credit to create this node.', {
        retryable: false,
        createOutcome: 'not_created'
      })
    }
    if (reply.kind === 'nodes') return { outcome: 'created', nodes: reply.nodes }
    try {
      return { outcome: 'created', nodes: await findByName(req, o) }
    } catch {
      // E2E accepted the create; only our follow-up read failed. The next refresh will show the node.
      return { outcome: 'created', nodes: [] }
    }
  }

  return { createNode }
}
