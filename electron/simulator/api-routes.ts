// The route table (docs/e2e-api.md#endpoints). Paths are relative to /myaccount/api/v1/ and must match exactly
// (trailing-slash rules: docs/e2e-api.md#base-url-and-paths).
import { legacyCategoryList, osCategoryList, plansFor } from './catalog'
import { sweepScope, settleNode } from './lifecycle'
import { deleteNode, nodeAction } from './node-actions'
import { convertToCommitted, updateCommittedStatus, upgradeNode } from './node-committed'
import { createNodes } from './node-create'
import { findNode, parseNodeId } from './node-lookup'
import { nodeDetail, nodeListRow } from './node-views'
import { bulkAction } from './node-bulk-action'
import { reservedIpExtras, reservedIpJson, savedImageJson, securityGroupJson, sshKeyJson, vpcJson } from './resources'
import { badRequest, envelope, paged, type SimResponse } from './responses'
import type { Account, Scope, World } from './world'

export interface RouteCtx {
  world: World
  account: Account
  /** resolved lazily: account-level routes never look at project_id/location */
  scope(): Scope
  query: URLSearchParams
  body: unknown
  params: string[]
}

export interface RouteDef {
  methods: readonly string[]
  pattern: RegExp
  handle(ctx: RouteCtx, method: string): SimResponse
}

const id0 = (ctx: RouteCtx): number => parseNodeId(ctx.params[0] ?? '')

function pagedList<T>(
  ctx: RouteCtx,
  rows: readonly T[],
  toJson: (row: T) => unknown,
  extras: Record<string, unknown> = {}
): SimResponse {
  const page = paged(rows, ctx.query, ctx.world.options.ignorePaging)
  return envelope(page.rows.map(toJson), { ...page.totals, ...extras })
}

function listNodes(ctx: RouteCtx): SimResponse {
  const { world } = ctx
  const scope = ctx.scope()
  sweepScope(world, scope)
  const page = paged(world.orderedNodes(scope), ctx.query, world.options.ignorePaging)
  // Only the returned rows are settled: paging through 10,000 nodes stays O(page).
  const rows = page.rows.map((n) => (settleNode(world, scope, n), nodeListRow(n, world.options.offSpelling)))
  return envelope(rows, page.totals)
}

export const ROUTES: readonly RouteDef[] = [
  {
    methods: ['GET'],
    pattern: /^iam\/multi-crn\/$/,
    handle: (ctx) => envelope({ crn: `crn:e2e:iam::${ctx.account.apiKey.slice(0, 8)}`, is_active: true })
  },
  {
    methods: ['GET'],
    pattern: /^pbac\/project\/$/,
    handle: (ctx) =>
      pagedList(ctx, ctx.account.projects, (p) => ({
        project_id: p.projectId,
        name: p.name,
        is_default: p.isDefault,
        is_starred: false
      }))
  },
  {
    methods: ['GET'],
    pattern: /^images\/os-category\/$/,
    handle: (ctx) => (ctx.scope(), envelope({ category_list: osCategoryList() }))
  },
  {
    methods: ['GET'],
    pattern: /^images\/category-list\/$/,
    handle: (ctx) => (ctx.scope(), envelope({ category_list: legacyCategoryList() }))
  },
  {
    methods: ['GET'],
    pattern: /^images\/$/,
    handle: (ctx) => {
      const scope = ctx.scope()
      const q = ctx.query
      const keys = ['display_category', 'category', 'os', 'osversion'] as const
      const missing = keys.filter((k) => !q.get(k))
      if (missing.length) throw badRequest(`Missing required parameters: ${missing.join(', ')}`)
      return envelope(
        plansFor(
          {
            displayCategory: q.get('display_category') ?? '',
            category: q.get('category') ?? '',
            os: q.get('os') ?? '',
            osVersion: q.get('osversion') ?? ''
          },
          scope.location,
          ctx.world.now()
        )
      )
    }
  },
  {
    methods: ['GET', 'POST'],
    pattern: /^nodes\/$/,
    handle: (ctx, method) => (method === 'POST' ? createNodes(ctx.world, ctx.scope(), ctx.body) : listNodes(ctx))
  },
  {
    methods: ['PUT'],
    pattern: /^nodes\/action-on-multiple-nodes\/$/,
    handle: (ctx) => bulkAction(ctx.world, ctx.scope(), ctx.body)
  },
  {
    methods: ['PUT'],
    pattern: /^nodes\/upgrade\/(\d+)$/,
    handle: (ctx) => upgradeNode(ctx.world, ctx.scope(), id0(ctx), ctx.body)
  },
  {
    methods: ['GET', 'DELETE', 'POST'],
    pattern: /^nodes\/(\d+)\/$/,
    handle: (ctx, method) => {
      const scope = ctx.scope()
      if (method === 'DELETE')
        return deleteNode(ctx.world, scope, id0(ctx), ctx.query.get('reserve_ip_required') === 'true')
      if (method === 'POST') return convertToCommitted(ctx.world, scope, id0(ctx), ctx.body)
      const node = findNode(ctx.world, scope, id0(ctx))
      return envelope(nodeDetail(node, ctx.world.options.offSpelling, node.securityGroupIds.length))
    }
  },
  // PUT today; old docs and the Python CLI used POST (docs/e2e-api.md#node-actions), so both work.
  {
    methods: ['PUT', 'POST'],
    pattern: /^nodes\/(\d+)\/actions\/$/,
    handle: (ctx) => nodeAction(ctx.world, ctx.scope(), id0(ctx), ctx.body)
  },
  {
    methods: ['POST'],
    pattern: /^update_committed_node_status\/$/,
    handle: (ctx) => updateCommittedStatus(ctx.world, ctx.scope(), ctx.body)
  },
  {
    methods: ['GET'],
    pattern: /^ssh_keys\/$/,
    handle: (ctx) => {
      const scope = ctx.scope()
      const attached = (key: string): number =>
        [...scope.nodes.values()].filter((n) => n.sshKeys.some((k) => k.ssh_key === key)).length
      return pagedList(ctx, scope.sshKeys, (k) => sshKeyJson(k, scope.project.name, attached(k.sshKey)))
    }
  },
  {
    methods: ['GET'],
    pattern: /^security_group\/$/,
    handle: (ctx) => pagedList(ctx, ctx.scope().securityGroups, securityGroupJson)
  },
  {
    methods: ['GET'],
    pattern: /^vpc\/list\/$/,
    handle: (ctx) => {
      const scope = ctx.scope()
      const count = (id: number): number => [...scope.nodes.values()].filter((n) => n.vpcId === id).length
      return pagedList(ctx, scope.vpcs, (v) => vpcJson(v, scope.project.name, count(v.networkId)))
    }
  },
  {
    methods: ['GET'],
    pattern: /^reserve_ips\/$/,
    handle: (ctx) => {
      const scope = ctx.scope()
      return pagedList(
        ctx,
        scope.reservedIps,
        (r) => reservedIpJson(r, scope.project.name),
        reservedIpExtras(scope.reservedIps.length)
      )
    }
  },
  {
    methods: ['GET'],
    pattern: /^images\/saved-images\/$/,
    handle: (ctx) => {
      const scope = ctx.scope()
      sweepScope(ctx.world, scope)
      return pagedList(ctx, scope.savedImages, (s) => savedImageJson(s, ctx.world.now(), 0))
    }
  }
]

export function matchRoute(route: string): { def: RouteDef; params: string[] } | null {
  for (const def of ROUTES) {
    const m = def.pattern.exec(route)
    if (m) return { def, params: m.slice(1).map((p) => p ?? '') }
  }
  return null
}
