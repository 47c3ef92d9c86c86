// The whole simulated state: accounts, tokens, scopes (account + project + location) and the node index.
import { VirtualClock } from './clock'
import type { SimNode } from './node-model'
import { createPrng, hashString, uuidFrom, type Prng } from './prng'
import { createScopeResources, type ScopeResources } from './resources'
import { makeJwt } from './tokens'
import {
  SIM_LOCATIONS,
  type AddAccountInput,
  type BehaviourOptions,
  type SeedName,
  type SimAccountInfo,
  type SimLocation,
  type SimProject,
  type TransitionMode
} from './types'

export interface Account {
  apiKey: string
  authToken: string
  readOnly: boolean
  expiresAt: number | null
  callsLeft: number | null
  expired: boolean
  projects: SimProject[]
}

export interface Scope extends ScopeResources {
  key: string
  account: Account
  project: SimProject
  location: SimLocation
  nodes: Map<number, SimNode>
  /** cached id-ordered rows; null after any insert/delete */
  ordered: SimNode[] | null
  /** nodes with a committed term, checked for term end on every read */
  committedIds: Set<number>
}

export const DEFAULT_BEHAVIOUR: BehaviourOptions = {
  latencyMs: 0,
  jitterMs: 0,
  offSpelling: 'Powered off',
  createFailureRate: 0,
  ipChangeOnPowerCycle: false,
  legacyCreateReply: false,
  actionReplyStyle: 'spec',
  creditLimit: null,
  authFailureStatus: 401,
  ignorePaging: false
}

export const scopeKey = (apiKey: string, projectId: number, loc: SimLocation): string => `${apiKey}|${projectId}|${loc}`

export class World {
  readonly clock: VirtualClock
  constructor(epochMs?: number) {
    this.clock = new VirtualClock(epochMs)
  }
  prng: Prng = createPrng(1)
  /** separate stream so fault probabilities don't shift seeded data */
  faultPrng: Prng = createPrng(2)
  options: BehaviourOptions = { ...DEFAULT_BEHAVIOUR }
  transitions: TransitionMode = 'instant'
  accounts = new Map<string, Account>()
  tokens = new Map<string, Account>()
  scopes = new Map<string, Scope>()
  nodesById = new Map<number, { node: SimNode; scope: Scope }>()
  private seq = { node: 48000, vm: 52900, resource: 70000, project: 51700, action: 900000, publicIp: 0, privateIp: 0 }
  actionSeq = (): number => ++this.seq.action

  reset(seed: SeedName): void {
    const n = seed === 'demo' ? 20260203 : seed === 'empty' ? 1 : seed
    this.prng = createPrng(hashString(`sim:${n}`))
    this.faultPrng = createPrng(hashString(`faults:${n}`))
    this.options = { ...DEFAULT_BEHAVIOUR }
    this.accounts.clear()
    this.tokens.clear()
    this.scopes.clear()
    this.nodesById.clear()
    this.seq = { node: 48000, vm: 52900, resource: 70000, project: 51700, action: 900000, publicIp: 0, privateIp: 0 }
  }

  now(): number {
    return this.clock.now()
  }

  nextNodeId(): number {
    return ++this.seq.node
  }
  /** vm ids live in another number space and do not move in lockstep with node ids */
  nextVmId(): number {
    this.seq.vm += this.prng.int(1, 3)
    return this.seq.vm
  }
  nextResourceId(): number {
    return ++this.seq.resource
  }
  nextPublicIp(loc: SimLocation): string {
    const n = this.seq.publicIp++
    const base = loc === 'Delhi' ? [164, 52, 192] : [216, 48, 176]
    return `${base[0]}.${base[1]}.${(base[2] ?? 0) + (Math.floor(n / 250) % 16)}.${(n % 250) + 2}`
  }
  nextPrivateIp(loc: SimLocation): string {
    const n = this.seq.privateIp++
    return `10.${loc === 'Delhi' ? 16 : 42}.${Math.floor(n / 250) % 256}.${(n % 250) + 3}`
  }

  addAccount(input: AddAccountInput = {}): SimAccountInfo {
    const apiKey = input.apiKey ?? uuidFrom(this.prng)
    if (this.accounts.has(apiKey)) throw new Error(`account ${apiKey.slice(-4)} exists`)
    const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt).getTime()
    if (expiresAt !== null && Number.isNaN(expiresAt)) throw new Error('expiresAt is not a date')
    const authToken =
      input.authToken ?? makeJwt(this.prng, expiresAt ?? this.now() + 365 * 86_400_000, uuidFrom(this.prng))
    const projectInputs = input.projects?.length ? input.projects : [{ name: 'default-project', isDefault: true }]
    const projects: SimProject[] = projectInputs.map((p, i) => ({
      projectId: p.projectId ?? (this.seq.project += this.prng.int(3, 40)),
      name: p.name,
      isDefault: p.isDefault ?? i === 0
    }))
    if (!projects.some((p) => p.isDefault) && projects[0]) projects[0].isDefault = true
    const account: Account = {
      apiKey,
      authToken,
      readOnly: input.readOnly ?? false,
      expiresAt,
      expired: false,
      callsLeft: input.expiresAfterCalls ?? null,
      projects
    }
    this.accounts.set(apiKey, account)
    this.tokens.set(authToken, account)
    for (const project of projects) {
      for (const location of SIM_LOCATIONS) {
        const res = createScopeResources(
          this.prng,
          { nextId: () => this.nextResourceId(), nextPublicIp: (l) => this.nextPublicIp(l) },
          location,
          this.now()
        )
        const key = scopeKey(apiKey, project.projectId, location)
        this.scopes.set(key, {
          key,
          account,
          project,
          location,
          nodes: new Map(),
          ordered: null,
          committedIds: new Set(),
          ...res
        })
      }
    }
    return accountInfo(account)
  }

  scope(apiKey: string, projectId: number, loc: SimLocation): Scope {
    const s = this.scopes.get(scopeKey(apiKey, projectId, loc))
    if (!s) throw new Error(`no scope ${apiKey.slice(-4)}/${projectId}/${loc}`)
    return s
  }

  insertNode(scope: Scope, node: SimNode): void {
    scope.nodes.set(node.id, node)
    this.nodesById.set(node.id, { node, scope })
    scope.ordered = null
    if (node.committed) scope.committedIds.add(node.id)
  }

  removeNode(scope: Scope, node: SimNode): void {
    scope.nodes.delete(node.id)
    this.nodesById.delete(node.id)
    scope.committedIds.delete(node.id)
    scope.ordered = null
    // A reserved IP outlives its node: it goes back to the free pool.
    for (const r of scope.reservedIps) {
      if (r.vmId === node.vmId) Object.assign(r, { status: 'Reserved', vmId: null, vmName: null })
    }
  }

  orderedNodes(scope: Scope): SimNode[] {
    if (!scope.ordered) scope.ordered = [...scope.nodes.values()].sort((a, b) => a.id - b.id)
    return scope.ordered
  }
}

export function accountInfo(a: Account): SimAccountInfo {
  return {
    apiKey: a.apiKey,
    authToken: a.authToken,
    projects: a.projects.map((p) => ({ ...p })),
    locations: [...SIM_LOCATIONS]
  }
}
