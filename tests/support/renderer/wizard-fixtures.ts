// Test data for the wizard's jsdom tests: a demo-like catalog with a sold-out plan, an E1 plan and a GPU plan.
import type { OsFamily, Plan } from '../../../shared/domain/catalog'
import type { NodeSummary } from '../../../shared/domain/node'
import type { ProfileNodes } from '../../../shared/domain/node-state'
import type { ProfileView } from '../../../shared/domain/profile'
import type { CreateOptionsData } from '../../../shared/domain/resources'
import { makeNode, makePlan, makeProfile, makeProfileNodes } from '../builders'

export const PROFILE: ProfileView = makeProfile({
  name: 'Chennai prod',
  location: 'Chennai',
  initials: 'CP',
  createdAt: '2026-01-01T00:00:00Z'
})

export const OS_FAMILIES: OsFamily[] = [
  {
    os: 'Ubuntu',
    displayCategories: ['Linux Virtual Node'],
    versions: [
      { os: 'Ubuntu', version: '22.04', subCategory: 'Ubuntu', displayCategory: 'Linux Virtual Node' },
      { os: 'Ubuntu', version: '24.04', subCategory: 'Ubuntu', displayCategory: 'Linux Virtual Node' }
    ]
  },
  {
    os: 'Rocky',
    displayCategories: ['Linux Virtual Node'],
    versions: [{ os: 'Rocky', version: '9.4', subCategory: 'Rocky', displayCategory: 'Linux Virtual Node' }]
  }
]

const plan = (p: Partial<Plan> & Pick<Plan, 'sku' | 'series' | 'vcpus' | 'ramGb' | 'diskGb' | 'pricePerHour'>): Plan =>
  makePlan({
    slug: `${p.series}-${p.vcpus}vCPU-${p.ramGb}RAM-${p.diskGb}DISK-${p.sku}-Ubuntu-24.04-Chennai`,
    location: 'Chennai',
    pricePerMonth: Math.round(p.pricePerHour * 730 * 10) / 10,
    ...p
  })

export const PLANS: Plan[] = [
  plan({
    sku: 'C3.16GB',
    series: 'C3',
    vcpus: 8,
    ramGb: 16,
    diskGb: 200,
    pricePerHour: 5.4,
    committed: [{ id: 4180, days: 365, price: 38412, name: '365 Days', upto: null }]
  }),
  plan({
    sku: 'C3.8GB',
    series: 'C3',
    vcpus: 4,
    ramGb: 8,
    diskGb: 100,
    pricePerHour: 2.7,
    committed: [
      { id: 4170, days: 90, price: 5600, name: '90 Days', upto: null },
      { id: 4171, days: 365, price: 19206, name: '365 Days', upto: null }
    ]
  }),
  plan({ sku: 'C3.64GB', series: 'C3', vcpus: 32, ramGb: 64, diskGb: 800, pricePerHour: 21.6, available: false }),
  plan({ sku: 'E1.8GB', series: 'E1', vcpus: 4, ramGb: 8, diskGb: 0, pricePerHour: 2.2, requiresDisk: true }),
  plan({
    sku: 'GDC3.A100',
    series: 'GDC',
    vcpus: 16,
    ramGb: 115,
    diskGb: 1500,
    pricePerHour: 226,
    isGpu: true,
    gpu: '1x A100'
  })
]

export const OPTIONS: CreateOptionsData = {
  sshKeys: [
    { id: 1, label: 'laptop', publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIlaptopkey me@laptop', type: 'ED25519' },
    { id: 2, label: 'ci', publicKey: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQcikey ci@build', type: 'RSA' }
  ],
  securityGroups: [
    { id: 11, name: 'web', description: '', isDefault: false },
    { id: 10, name: 'default-group', description: '', isDefault: true }
  ],
  vpcs: [
    { networkId: 21, name: 'vpc-app', state: 'Active', cidr: '10.77.0.0/23', isActive: true },
    { networkId: 22, name: 'vpc-new', state: 'Creating', cidr: null, isActive: false }
  ],
  reservedIps: [
    { ip: '203.0.113.10', status: 'Reserved', type: 'public', vmId: null, vmName: null, reserveId: 1, isFree: true },
    { ip: '203.0.113.11', status: 'Assigned', type: 'public', vmId: 9, vmName: 'db-01', reserveId: 2, isFree: false }
  ]
}

/** A node as the wizard sees it right after creation (built on the shared test fixtures). */
export function node(id: number, name: string, patch: Partial<NodeSummary> = {}): NodeSummary {
  return makeNode({
    id,
    name,
    status: 'CREATING',
    rawStatus: 'Creating',
    publicIp: null,
    privateIp: '10.0.0.5',
    createdAt: '2026-02-03T07:41:09Z',
    location: 'Chennai',
    ...patch
  })
}

export function profileNodes(nodes: NodeSummary[], profileId = PROFILE.id): ProfileNodes {
  return makeProfileNodes({
    profileId,
    nodes,
    fetchedAt: '2026-02-03T07:41:09Z',
    polling: { paused: false, intervalMs: 5000, nextPollAt: null, requestsLastHour: 3 }
  })
}
