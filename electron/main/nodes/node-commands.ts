// Power actions, delete, committed settings, detail and catalog reads. Every rule is checked against the node as
// main knows it before anything is sent, so a refused action costs no request.
import type { z } from 'zod'
import type { OsFamily, Plan } from '../../../shared/domain/catalog'
import type { CommittedMode, NodeAction, NodeDetail, NodeSummary } from '../../../shared/domain/node'
import { actionAvailability, deleteAvailability, termEndDeleteAvailability } from '../../../shared/domain/node-rules'
import type { PendingKind } from '../../../shared/domain/node-state'
import type { CreateOptionsData } from '../../../shared/domain/index'
import type * as S from '../../../shared/ipc/schemas'
import type { E2EClient } from '../api/client.types'
import { DomainError, isDomainError } from '../errors'
import type { Engine } from './engine'
import type { ProfileRead } from './profile-runtime'
import { blocksNextAction } from './pending'

const SUMMARY_KEYS = [
  'id',
  'name',
  'status',
  'rawStatus',
  'plan',
  'publicIp',
  'privateIp',
  'isLocked',
  'isProtected',
  'isCommitted',
  'createdAt',
  'location',
  'vcpus',
  'memoryGb',
  'diskGb'
] as const satisfies readonly (keyof NodeSummary)[]

export function toSummary(d: NodeDetail): NodeSummary {
  return Object.fromEntries(SUMMARY_KEYS.map((k) => [k, d[k]])) as unknown as NodeSummary
}

function findNode(rt: ProfileRead, nodeId: number): NodeSummary {
  const node = rt.nodes.find((n) => n.id === nodeId)
  if (!node) throw new DomainError('NOT_FOUND', 'That node is not in the list any more. Refresh and try again.')
  return node
}

function refuseIfBusy(rt: ProfileRead, node: NodeSummary): void {
  const busy = rt.pending.get(node.id)
  if (busy && blocksNextAction(busy))
    throw new DomainError(
      'PRECONDITION',
      `Wait until the current ${busy.action.kind.replace(/_/g, ' ')} on ${node.name} finishes.`
    )
}

/** How long a term-end choice saved here outranks what E2E's detail says (E2E may still report the old one). */
export const SAVED_CHOICE_WINS_MS = 10 * 60_000

interface SavedChoice {
  mode: CommittedMode
  planId: number | null
  at: number
}

export class NodeCommands {
  /** Term-end choices saved from this app, by "profileId:nodeId": E2E's detail may not say, or not yet. */
  private readonly savedChoices = new Map<string, SavedChoice>()

  constructor(private readonly engine: Engine) {}

  /** Marks the node pending for the duration of `call`; it settles when a later list shows the result. */
  private async tracked(
    rt: ProfileRead,
    nodeId: number,
    kind: PendingKind,
    call: (c: E2EClient) => Promise<unknown>
  ): Promise<void> {
    const client = await this.engine.clientFor(rt)
    const entry = this.engine.markPending(rt, nodeId, kind)
    try {
      await call(client)
    } catch (e) {
      // The call failed, but the node may still have changed (or be gone): read it again.
      this.engine.dropPending(rt, entry, await this.reread(client, nodeId))
      throw e
    }
    this.engine.confirmPending(rt, entry)
  }

  /** The node as E2E has it now; null when it is gone, undefined when that could not be read. */
  private async reread(client: E2EClient, nodeId: number): Promise<NodeSummary | null | undefined> {
    try {
      return toSummary(await client.getNode(nodeId))
    } catch (e) {
      return isDomainError(e) && e.code === 'NOT_FOUND' ? null : undefined
    }
  }

  async action(profileId: string, nodeId: number, action: NodeAction): Promise<void> {
    const rt = await this.engine.runtime(profileId)
    const node = findNode(rt, nodeId)
    const ok = actionAvailability(node, action)
    if (!ok.allowed) throw new DomainError('PRECONDITION', ok.reason ?? 'Not possible right now.')
    refuseIfBusy(rt, node)
    await this.tracked(rt, nodeId, action, (c) => c.nodeAction(nodeId, action))
  }

  async delete(input: z.infer<typeof S.DeleteNodeInput>): Promise<void> {
    const rt = await this.engine.runtime(input.profileId)
    const node = findNode(rt, input.nodeId)
    if (input.confirmName !== node.name) {
      throw new DomainError('VALIDATION', "Type the node's name exactly to confirm", { field: 'confirmName' })
    }
    const ok = deleteAvailability(node)
    if (!ok.allowed) throw new DomainError('PRECONDITION', ok.reason ?? 'This node cannot be deleted right now.')
    refuseIfBusy(rt, node)
    await this.tracked(rt, node.id, 'delete', (c) => c.deleteNode(node.id, { reserveIp: input.reserveIp }))
    // E2E confirmed it: gone from the list at once, and a list fetched before now cannot bring it back.
    this.engine.markDeleted(rt, node.id)
  }

  async committedSettings(input: z.infer<typeof S.CommittedSettingsInput>): Promise<void> {
    const rt = await this.engine.runtime(input.profileId)
    const node = findNode(rt, input.nodeId)
    if (!node.isCommitted) throw new DomainError('PRECONDITION', `${node.name} is not on a committed plan.`)
    if (input.mode === 'auto_renew' && input.committedPlanId === undefined) {
      throw new DomainError('VALIDATION', 'Choose the committed plan to renew with', { field: 'committedPlanId' })
    }
    if (input.mode === 'auto_terminate') {
      // A delete on a timer: the renderer's check is not the only one (it is untrusted).
      const rule = termEndDeleteAvailability(node)
      if (!rule.allowed) throw new DomainError('PRECONDITION', rule.reason ?? 'The node cannot be deleted.')
    }
    refuseIfBusy(rt, node)
    await this.tracked(rt, node.id, 'committed', (c) =>
      c.updateCommittedSettings(node.id, input.mode, input.committedPlanId)
    )
    this.savedChoices.set(`${input.profileId}:${node.id}`, {
      mode: input.mode,
      planId: input.mode === 'auto_renew' ? (input.committedPlanId ?? null) : null,
      at: this.engine.deps.clock.now()
    })
    // The term may have changed: look it up again on the next refresh.
    this.engine.forgetTermLookup(rt, node.id)
  }

  /** The detail with the term-end choice saved here, when E2E does not say it or has not caught up yet. */
  private withSavedChoice(profileId: string, detail: NodeDetail): NodeDetail {
    const saved = this.savedChoices.get(`${profileId}:${detail.id}`)
    const c = detail.committed
    if (!saved || !c) return detail
    const fresh = this.engine.deps.clock.now() - saved.at < SAVED_CHOICE_WINS_MS
    if (c.mode && !fresh) return detail
    return { ...detail, committed: { ...c, mode: saved.mode, renewPlanId: saved.planId } }
  }

  async detail(profileId: string, nodeId: number): Promise<NodeDetail> {
    const rt = await this.engine.runtime(profileId)
    const client = await this.engine.clientFor(rt)
    const detail = await client.getNode(nodeId)
    this.engine.noteDetail(rt, detail)
    return this.withSavedChoice(profileId, detail)
  }

  async catalogOs(profileId: string): Promise<OsFamily[]> {
    const rt = await this.engine.runtime(profileId)
    return this.engine.cached(rt, 'os', (c) => c.listOs())
  }

  async catalogPlans(input: z.infer<typeof S.PlansInput>): Promise<Plan[]> {
    const rt = await this.engine.runtime(input.profileId)
    const { os, version, subCategory, displayCategory } = input
    const key = `plans:${JSON.stringify([os, version, subCategory, displayCategory])}`
    return this.engine.cached(
      rt,
      key,
      (c) => c.listPlans({ os, version, subCategory, displayCategory }),
      (plans) => plans
    )
  }

  async createOptions(profileId: string): Promise<CreateOptionsData> {
    const rt = await this.engine.runtime(profileId)
    const client = await this.engine.clientFor(rt)
    return client.createOptions()
  }
}
