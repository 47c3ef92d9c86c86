// Seeds: 'demo' (the demo account with mixed nodes), 'empty' or a number (one account, resources, no nodes).
import type { DemoCredentials } from './demo-credentials'
import { buildNode, planFor, type NewNodeSpec } from './node-factory'
import type { Phase } from './node-model'
import type { SeedName, SimAccountInfo } from './types'
import type { Scope, World } from './world'

interface DemoNode {
  name: string
  sku: string
  image?: string
  phase: Phase | 'creating'
  ageDays: number
  disk?: number
  locked?: boolean
  protected?: boolean
  committedEndsInDays?: number
  failed?: boolean
}

const DEMO: Record<string, Record<'Delhi' | 'Chennai', DemoNode[]>> = {
  'default-project': {
    Delhi: [
      { name: 'web-01', sku: 'C3.8GB', phase: 'running', ageDays: 210 },
      { name: 'web-02', sku: 'C3.8GB', phase: 'running', ageDays: 209, locked: true },
      {
        name: 'db-primary',
        sku: 'C3.16GB',
        image: 'Rocky-9.4-Distro',
        phase: 'running',
        ageDays: 360,
        protected: true,
        committedEndsInDays: 5
      },
      { name: 'api-staging', sku: 'C3.8GB', image: 'Ubuntu-24.04-Distro', phase: 'off', ageDays: 45 }
    ],
    Chennai: [
      { name: 'web-chn-01', sku: 'C3.16GB', phase: 'running', ageDays: 90 },
      { name: 'cache-01', sku: 'M3.32GB', image: 'Debian-12-Distro', phase: 'creating', ageDays: 0 },
      { name: 'batch-old', sku: 'C3.8GB', phase: 'creating', failed: true, ageDays: 3 }
    ]
  },
  'ml-research': {
    Delhi: [
      { name: 'gpu-trainer', sku: 'GDC3.A10080-16.115GB', phase: 'running', ageDays: 12 },
      { name: 'notebook-01', sku: 'C3.16GB', phase: 'off', ageDays: 30 },
      { name: 'etl-worker', sku: 'C3.8GB', image: 'Rocky-9.4-Distro', phase: 'creating', ageDays: 0 }
    ],
    Chennai: [
      { name: 'data-lake-01', sku: 'E1.8GB', phase: 'running', ageDays: 150, disk: 500 },
      { name: 'backup-node', sku: 'C3.8GB', image: 'Debian-12-Distro', phase: 'running', ageDays: 75 }
    ]
  }
}

function seedDemoNodes(world: World, scope: Scope, nodes: DemoNode[]): void {
  const now = world.now()
  for (const d of nodes) {
    const resolved = planFor(scope, d.sku, d.image)
    const sku = resolved.plan.committed.find((c) => c.days === 365) ?? resolved.plan.committed[0]
    const spec: NewNodeSpec = {
      name: d.name,
      resolved,
      createdAt: now - d.ageDays * 86_400_000 - world.prng.int(0, 86_000_000),
      phase: d.phase === 'creating' ? 'running' : d.phase,
      isLocked: d.locked ?? false,
      isAccidentalProtection: d.protected ?? false,
      sshKeys: scope.sshKeys.slice(0, 1).map((k) => ({ label: k.label, ssh_key: k.sshKey })),
      ...(d.disk !== undefined ? { diskGb: d.disk } : {}),
      ...(d.phase === 'creating' ? { creating: { failed: d.failed ?? false } } : {}),
      ...(d.committedEndsInDays !== undefined && sku
        ? { committed: { sku, status: 'auto_renew' as const, endsAt: now + d.committedEndsInDays * 86_400_000 } }
        : {})
    }
    const node = buildNode(world, scope, spec)
    if (d.phase === 'creating') {
      node.publicIp = null
      // The failed demo node is old: finish its transition so it reads Failed right away.
      if (d.failed && node.pending) node.pending.endsAt = now
    }
    world.insertNode(scope, node)
  }
}

/** `demo` needs the run's credentials (demo-credentials.ts): they are random, never seeded. */
export function seedWorld(world: World, seed: SeedName, demo?: DemoCredentials): SimAccountInfo {
  world.reset(seed)
  if (seed !== 'demo') return world.addAccount()
  if (!demo) throw new Error("the demo seed needs the run's demo credentials")
  const info = world.addAccount({
    ...demo,
    projects: [{ name: 'default-project', isDefault: true }, { name: 'ml-research' }]
  })
  for (const project of info.projects) {
    const byLocation = DEMO[project.name]
    if (!byLocation) continue
    for (const loc of info.locations)
      seedDemoNodes(world, world.scope(info.apiKey, project.projectId, loc), byLocation[loc])
  }
  return info
}
