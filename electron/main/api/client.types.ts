import type {
  CreateOptionsData,
  OsFamily,
  Plan,
  Project,
  ReservedIp,
  SavedImage,
  SecurityGroup,
  SshKey,
  Vpc
} from '../../../shared/domain/index'
import type { CommittedMode, NodeAction, NodeDetail, NodeSummary } from '../../../shared/domain/node'
import type { Location } from '../../../shared/domain/location'

/** Everything a call needs to reach one project. Secrets included: never let this cross IPC. */
export interface ApiTarget {
  baseUrl: string
  apiKey: string
  authToken: string
  /** Sent as project_id; undefined only for account-level calls (credential check, projects). */
  projectId?: number
  location?: Location
}

export interface ClientOptions {
  timeoutMs?: number
  /** POST nodes/ only (default CREATE_TIMEOUT_MS): E2E's creates can answer long after other calls would. */
  createTimeoutMs?: number
  /** Called once per HTTP request sent (retries included): the poller counts requests per hour with it. */
  onRequest?: (info: { method: string; path: string }) => void
  /** Injected for tests: how to wait between retries and after 429s. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  random?: () => number
  /** Extra GET retries on 5xx/network (default 2). */
  maxGetRetries?: number
}

export interface CallOptions {
  signal?: AbortSignal
}

export interface CreateNodeRequest {
  name: string
  plan: string
  image: string
  count: number
  sshKeys: string[]
  backups: boolean
  vpcId?: number
  securityGroupId?: number
  reserveIp?: string
  ipv6: boolean
  startScript?: string
  disk?: number
  committedSkuId?: number
  /** Launch from a saved image (`saved_image_template_id` + `is_saved_image: true`); `image` stays the catalog image. */
  savedImageTemplateId?: number
  /**
   * Ids of nodes the caller already knows in this project/location (e.g. the poller's last list). After an
   * ambiguous failure, reconciliation ignores them, so an older node with the same name is not mistaken for the new one.
   */
  existingNodeIds?: number[]
}

export interface CreateNodeOutcome {
  /** 'recovered': the POST failed ambiguously, the node was found by name afterwards. */
  outcome: 'created' | 'recovered'
  nodes: NodeSummary[]
}

export interface ActionReceipt {
  actionId: number | null
  status: string
  actionType: string
}

export interface E2EClient {
  checkCredentials(o?: CallOptions): Promise<void>
  listProjects(o?: CallOptions): Promise<Project[]>
  listOs(o?: CallOptions): Promise<OsFamily[]>
  listPlans(
    q: { os: string; version: string; subCategory: string; displayCategory: string },
    o?: CallOptions
  ): Promise<Plan[]>
  listNodes(o?: CallOptions & { perPage?: number; concurrency?: number }): Promise<NodeSummary[]>
  getNode(id: number, o?: CallOptions): Promise<NodeDetail>
  /** Never retried. On an ambiguous failure it re-lists and matches by name; throws with createOutcome otherwise. */
  createNode(req: CreateNodeRequest, o?: CallOptions): Promise<CreateNodeOutcome>
  /** A 404 "not found" counts as deleted. */
  deleteNode(id: number, opts: { reserveIp: boolean }, o?: CallOptions): Promise<void>
  nodeAction(id: number, action: NodeAction, o?: CallOptions): Promise<ActionReceipt>
  renameNode(id: number, name: string, o?: CallOptions): Promise<ActionReceipt>
  saveImage(id: number, imageName: string, o?: CallOptions): Promise<ActionReceipt>
  updateCommittedSettings(nodeId: number, mode: CommittedMode, committedPlanId?: number, o?: CallOptions): Promise<void>
  convertToCommitted(nodeId: number, skuId: number, o?: CallOptions): Promise<void>
  upgradeNode(nodeId: number, plan: string, image: string, o?: CallOptions): Promise<void>
  listSshKeys(o?: CallOptions): Promise<SshKey[]>
  listSecurityGroups(o?: CallOptions): Promise<SecurityGroup[]>
  listVpcs(o?: CallOptions): Promise<Vpc[]>
  listReservedIps(o?: CallOptions): Promise<ReservedIp[]>
  listSavedImages(o?: CallOptions): Promise<SavedImage[]>
  createOptions(o?: CallOptions): Promise<CreateOptionsData>
}

export type ClientFactory = (target: ApiTarget, options?: ClientOptions) => E2EClient
