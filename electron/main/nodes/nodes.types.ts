import type { z } from 'zod'
import type { CreateOptionsData, OsFamily, Plan } from '../../../shared/domain/index'
import type { NodeAction, NodeDetail } from '../../../shared/domain/node'
import type { ProfileNodes } from '../../../shared/domain/node-state'
import type { CreateNodeResult } from '../../../shared/ipc/contract'
import type * as S from '../../../shared/ipc/schemas'

/** The runtime state engine: per-profile lists (live or last-known), polling, actions, create, delete. */
export interface NodesService {
  start(): Promise<void>
  stop(): Promise<void>
  /**
   * Every profile's state. With firstByName, a longer list is cut to its first n nodes by name (picked without
   * sorting every node) and totalNodes says how many there are: the window's first paint asks for this.
   */
  snapshot(opts?: { firstByName?: number }): ProfileNodes[]
  /** One profile or all; resolves when the refresh finished (errors are recorded on the profile, not thrown). */
  refresh(profileId?: string): Promise<number>
  detail(profileId: string, nodeId: number): Promise<NodeDetail>
  action(profileId: string, nodeId: number, action: NodeAction): Promise<void>
  /** Checks confirmName against the node's name and the delete rules before calling the API. */
  delete(input: z.infer<typeof S.DeleteNodeInput>): Promise<void>
  committedSettings(input: z.infer<typeof S.CommittedSettingsInput>): Promise<void>
  /** Idempotent per requestId: a retried call returns the first call's result and never creates twice. */
  create(input: z.infer<typeof S.CreateNodeInput>): Promise<CreateNodeResult>
  /**
   * Why the profile's project, location or base URL must not change now (one of its creates is in flight or
   * checking: the message names the node and the time left), or null. The profiles service refuses such an edit.
   */
  scopeChangeBlockedBy(profileId: string): string | null
  catalogOs(profileId: string): Promise<OsFamily[]>
  catalogPlans(input: z.infer<typeof S.PlansInput>): Promise<Plan[]>
  createOptions(profileId: string): Promise<CreateOptionsData>
  setPaused(paused: boolean): void
  isPaused(): boolean
  /** System sleep / screen lock. */
  setSuspended(suspended: boolean): void
  /** Menu or window opened: refresh soon (debounced). */
  poke(): void
  onChanged(listener: (state: ProfileNodes) => void): () => void
}
