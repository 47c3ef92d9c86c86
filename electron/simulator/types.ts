// Public types of the simulator: what tests, benchmarks and the demo profile code against.
export type TransitionMode = 'instant' | 'fast' | 'real'
export type SimLocation = 'Delhi' | 'Chennai'
export const SIM_LOCATIONS: readonly SimLocation[] = ['Delhi', 'Chennai']
export type OffSpelling = 'Powered off' | 'Powered Off' | 'Stopped'
export type SeedName = 'demo' | 'empty' | number

export interface SimulatorOptions {
  port?: number
  seed?: SeedName
  transitions?: TransitionMode
  latencyMs?: number
  controlSecret?: string
  /** Where the virtual clock starts (ms since 1970). Default: a fixed date, so seeded data is identical run to run. */
  epochMs?: number
}

export interface SimProject {
  projectId: number
  name: string
  isDefault: boolean
}

export interface SimAccountInfo {
  apiKey: string
  authToken: string
  projects: SimProject[]
  locations: SimLocation[]
}

export interface BehaviourOptions {
  latencyMs: number
  jitterMs: number
  offSpelling: OffSpelling
  /** 0..1: share of creates that end Failed instead of Running */
  createFailureRate: number
  ipChangeOnPowerCycle: boolean
  legacyCreateReply: boolean
  actionReplyStyle: 'spec' | 'cli'
  /** remaining credit in INR; null = unlimited */
  creditLimit: number | null
  authFailureStatus: 401 | 403
  ignorePaging: boolean
}

export type FaultSpec =
  | { kind: 'latency'; ms: number; jitterMs?: number }
  | { kind: 'http429'; html: true; applyChange?: boolean; retryAfterSec?: number }
  | { kind: 'http5xx'; status: 500 | 502 | 503 | 504; body: 'html' | 'json' }
  | { kind: 'errorsInside200' }
  | { kind: 'statusCodeBody'; status: 400 | 429 }
  | { kind: 'drop' }
  | { kind: 'hang' }
  | { kind: 'tokenExpiry' }

export type FaultKind = FaultSpec['kind']

export interface FaultScope {
  method?: string
  /** 'POST nodes/', 'nodes/{id}/actions/', 'nodes/*' … matched against the path after /myaccount/api/v1/ */
  route?: string
  /** only the next N matching calls */
  times?: number
  /** 0..1, drawn from the seeded PRNG */
  probability?: number
}

export type FaultInput = FaultSpec & FaultScope & { scope?: FaultScope }

export interface RequestLogEntry {
  seq: number
  /** virtual ISO time */
  at: string
  method: string
  /** full path, no query string */
  path: string
  /** path relative to /myaccount/api/v1/ */
  route: string
  query: Record<string, string>
  status: number
  fault?: FaultKind
  /** '…4f50': last 4 chars of the api key, never the key */
  account?: string
}

export interface RequestFilter {
  method?: string
  /** full path or route; may contain {id} or * for one segment */
  path?: string
  status?: number
  fault?: FaultKind
  sinceSeq?: number
}

export interface AddAccountInput {
  apiKey?: string
  authToken?: string
  readOnly?: boolean
  expiresAt?: Date | string
  expiresAfterCalls?: number
  projects?: { projectId?: number; name: string; isDefault?: boolean }[]
}

export interface ScopeInput {
  apiKey: string
  projectId: number
  location: SimLocation
}

export interface AddNodesInput extends ScopeInput {
  count: number
  /** raw status string (e.g. 'Running', 'Stopped') or 'mixed' */
  status?: string
  namePrefix?: string
  /** short SKU, e.g. 'C3.8GB' (default) */
  sku?: string
}

export interface SetNodeInput {
  nodeId: number
  /** raw status shown as-is until the next state change */
  status?: string
  isLocked?: boolean
  isAccidentalProtection?: boolean
  publicIp?: string | null
  name?: string
  /** committed term end (virtual time); makes the node committed if it is not */
  committedEndsAt?: Date | string | number
  committedStatus?: 'auto_renew' | 'hourly_billing' | 'auto_terminate'
}

/** Raw truth of a node for tests (not an API shape). */
export interface SimNodeState {
  id: number
  vmId: number
  name: string
  status: string
  pendingUntil: string | null
  projectId: number
  location: SimLocation
  planSku: string
  planSlug: string
  image: string
  isLocked: boolean
  isAccidentalProtection: boolean
  publicIp: string | null
  privateIp: string
  vmType: 'vm' | 'committed_vm'
  committedEndsAt: string | null
  committedStatus: string | null
  diskGb: number
}

export interface SimulatorControl {
  reset(seed?: SeedName): SimAccountInfo
  addAccount(input?: AddAccountInput): SimAccountInfo
  expireToken(authToken: string): void
  addNodes(input: AddNodesInput): number[]
  getNodes(scope: ScopeInput): SimNodeState[]
  setNode(input: SetNodeInput): SimNodeState
  advanceClock(ms: number): string
  now(): string
  setTransitions(mode: TransitionMode): void
  setOptions(options: Partial<BehaviourOptions>): BehaviourOptions
  injectFault(spec: FaultInput): number
  clearFaults(): void
  requestLog(filter?: RequestFilter): RequestLogEntry[]
  countRequests(filter: RequestFilter): number
  clearLog(): void
}

export interface StartedSimulator {
  baseUrl: string
  controlUrl: string
  controlSecret: string
  demo: SimAccountInfo
  control: SimulatorControl
  /** Closes the server. The world stays in memory: `resume()` can bring it back. */
  stop(): Promise<void>
  /** Listens again on the address it had, with its nodes, accounts and credentials: E2E coming back online. */
  resume(): Promise<void>
}
