// The one builder per data type every test uses: a node, its detail, a profile, a profile's node list, a plan. Area kits
// (tray-fixtures, engine-fakes, wizard-fixtures) only pass their own defaults through these.
import type { Plan } from '../../shared/domain/catalog'
import type { NodeDetail, NodeSummary } from '../../shared/domain/node'
import type { ProfileNodes } from '../../shared/domain/node-state'
import type { ProfileView } from '../../shared/domain/profile'

export function makeNode(over: Partial<NodeSummary> = {}): NodeSummary {
  const id = over.id ?? 101
  return {
    id,
    name: `node-${id}`,
    status: 'RUNNING',
    rawStatus: 'Running',
    plan: 'C3.8GB',
    publicIp: `164.52.0.${id % 250}`,
    privateIp: `10.0.0.${id % 250}`,
    isLocked: false,
    isProtected: false,
    isCommitted: false,
    createdAt: '2026-01-10T10:00:00.000Z',
    location: 'Delhi',
    vcpus: 4,
    memoryGb: 8,
    diskGb: 100,
    ...over
  }
}

export function makeDetail(over: Partial<NodeDetail> = {}): NodeDetail {
  return {
    ...makeNode(over),
    vmId: 9001,
    price: '₹3.5/hr',
    os: { name: 'Ubuntu', version: '24.04', fullName: 'Ubuntu 24.04' },
    sshKeys: [{ label: 'laptop' }],
    startScriptCount: 0,
    committed: null,
    vmType: 'vm',
    rescueMode: false,
    securityGroupCount: 1,
    isUpgradable: true,
    isVpcAttached: false,
    lcmState: 'ACTIVE',
    ...over
  }
}

export function makeProfile(over: Partial<ProfileView> = {}): ProfileView {
  return {
    id: 'p1',
    name: 'Production',
    // A project of its own per id: profiles of one project count once in the totals.
    projectId:
      over.id && over.id !== 'p1'
        ? String(60000 + ([...over.id].reduce((h, c) => h * 31 + c.charCodeAt(0), 7) % 30000))
        : '51734',
    location: 'Delhi',
    apiBaseUrl: 'https://api.e2enetworks.com/myaccount/api/v1',
    color: '#3b82f6',
    initials: 'PR',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastUsedAt: null,
    isDemo: false,
    credentials: {
      hasCredentials: true,
      apiKeyHint: '…1a2b',
      tokenExpiresAt: null,
      tokenState: 'ok',
      tokenDaysLeft: null
    },
    ...over
  }
}

export function makeProfileNodes(over: Partial<ProfileNodes> = {}): ProfileNodes {
  return {
    profileId: 'p1',
    nodes: [],
    fetchedAt: new Date().toISOString(),
    source: 'live',
    refreshing: false,
    error: null,
    pending: {},
    polling: { paused: false, intervalMs: 60_000, nextPollAt: null, requestsLastHour: 12 },
    ...over
  }
}

/** A catalog plan: C3.8GB in Delhi at ₹2.7 an hour unless told otherwise. */
export function makePlan(over: Partial<Plan> = {}): Plan {
  return {
    sku: 'C3.8GB',
    slug: 'C3-4vCPU-8RAM-100DISK-C3.8GB-Ubuntu-24.04-Delhi',
    image: 'Ubuntu-24.04-Distro',
    series: 'C3',
    location: 'Delhi',
    vcpus: 4,
    ramGb: 8,
    diskGb: 100,
    pricePerHour: 2.7,
    pricePerMonth: 1971,
    currency: 'INR',
    available: true,
    isGpu: false,
    gpu: null,
    requiresDisk: false,
    committed: [],
    ...over
  }
}
