// Per project+location resources (docs/e2e-api.md#project-resources): SSH keys, security groups, VPCs, reserved IPs,
// saved images.
import { dayMonYear, dmyTime, isoMicros } from './clock'
import type { Prng } from './prng'
import type { SimLocation } from './types'

export interface SshKeyRec {
  pk: number
  label: string
  sshKey: string
  type: 'RSA' | 'ED25519'
  createdAt: number
}
export interface SecurityGroupRec {
  id: number
  name: string
  description: string
  isDefault: boolean
  allTraffic: boolean
}
export interface VpcRec {
  networkId: number
  name: string
  state: 'Active' | 'Creating'
  cidr: string
  createdAt: number
}
export interface ReservedIpRec {
  ip: string
  status: 'Reserved' | 'Available' | 'Attached' | 'Assigned'
  type: 'FloatingIP' | 'PublicIP' | 'AddonIP'
  vmId: number | null
  vmName: string | null
  reserveId: number
  boughtAt: number
}
export interface SavedImageRec {
  templateId: number
  imageId: number
  name: string
  distro: string
  readyAt: number
  createdAt: number
  sizeGb: number
}

export interface ScopeResources {
  sshKeys: SshKeyRec[]
  securityGroups: SecurityGroupRec[]
  vpcs: VpcRec[]
  reservedIps: ReservedIpRec[]
  savedImages: SavedImageRec[]
}

export interface ResourceIds {
  nextId(): number
  nextPublicIp(location: SimLocation): string
}

export function sshPublicKey(prng: Prng, label: string): string {
  const body = Buffer.from(prng.hex(64), 'hex').toString('base64')
  return `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA${body} ${label}`
}

export function createScopeResources(prng: Prng, ids: ResourceIds, loc: SimLocation, nowMs: number): ScopeResources {
  const lower = loc.toLowerCase()
  const ago = (days: number): number => nowMs - days * 86_400_000
  const octet = prng.int(16, 250)
  return {
    sshKeys: [
      {
        pk: ids.nextId(),
        label: 'laptop-ed25519',
        sshKey: sshPublicKey(prng, 'dev@laptop'),
        type: 'ED25519',
        createdAt: ago(120)
      },
      {
        pk: ids.nextId(),
        label: 'ci-deploy',
        sshKey: sshPublicKey(prng, 'ci@build'),
        type: 'ED25519',
        createdAt: ago(40)
      }
    ],
    securityGroups: [
      {
        id: ids.nextId(),
        name: `default_sg_${lower}_${prng.int(1, 9)}`,
        description: 'Default security group',
        isDefault: true,
        allTraffic: true
      },
      {
        id: ids.nextId(),
        name: 'web-https',
        description: 'HTTP and HTTPS from anywhere',
        isDefault: false,
        allTraffic: false
      }
    ],
    vpcs: [
      {
        networkId: ids.nextId(),
        name: `vpc-${lower}-main`,
        state: 'Active',
        cidr: `10.${octet}.0.0/23`,
        createdAt: ago(200)
      },
      {
        networkId: ids.nextId(),
        name: `vpc-${lower}-new`,
        state: 'Creating',
        cidr: `10.${octet + 1}.0.0/23`,
        createdAt: ago(0)
      }
    ],
    reservedIps: [
      {
        ip: ids.nextPublicIp(loc),
        status: 'Reserved',
        type: 'PublicIP',
        vmId: null,
        vmName: null,
        reserveId: ids.nextId(),
        boughtAt: ago(30)
      }
    ],
    savedImages: []
  }
}

export function sshKeyJson(k: SshKeyRec, projectName: string, attached: number): Record<string, unknown> {
  return {
    pk: k.pk,
    label: k.label,
    ssh_key: k.sshKey,
    ssh_key_type: k.type,
    timestamp: dayMonYear(k.createdAt),
    project_name: projectName,
    total_attached_nodes: attached
  }
}

export function securityGroupJson(g: SecurityGroupRec): Record<string, unknown> {
  const rule = (id: number, type: 'Inbound' | 'Outbound', proto: string, ports: string): Record<string, unknown> => ({
    id,
    rule_type: type,
    protocol_name: proto,
    port_range: ports,
    network: 'any',
    network_cidr: '--',
    network_size: 32,
    vpc_id: null,
    description: ''
  })
  const rules = g.allTraffic
    ? [rule(g.id * 10 + 1, 'Inbound', 'All', 'All'), rule(g.id * 10 + 2, 'Outbound', 'All', 'All')]
    : [rule(g.id * 10 + 1, 'Inbound', 'Custom_TCP', '80,443'), rule(g.id * 10 + 2, 'Outbound', 'All', 'All')]
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    is_default: g.isDefault,
    is_all_traffic_rule: g.allTraffic,
    rules
  }
}

export function vpcJson(v: VpcRec, projectName: string, vmCount: number): Record<string, unknown> {
  return {
    network_id: v.networkId,
    name: v.name,
    state: v.state,
    ipv4_cidr: v.cidr,
    is_active: v.state === 'Active',
    vm_count: vmCount,
    created_at: isoMicros(v.createdAt),
    subnets: [],
    is_e2e_vpc: false,
    project_name: projectName,
    gateway_ip: v.cidr.replace(/0\/23$/, '1')
  }
}

export function reservedIpJson(r: ReservedIpRec, projectName: string): Record<string, unknown> {
  return {
    ip_address: r.ip,
    status: r.status,
    reserved_type: r.type,
    vm_id: r.vmId,
    vm_name: r.vmName ?? '--',
    reserve_id: r.reserveId,
    bought_at: dmyTime(r.boughtAt),
    appliance_type: 'NODE',
    project_name: projectName,
    floating_ip_attached_nodes: []
  }
}

export function reservedIpExtras(count: number): Record<string, unknown> {
  return {
    is_limit_available: count < 10,
    reserved_ip_details: { customer_max_limit: 10, reserved_ips_count: count },
    reserve_ip_price: 'INR 249.0 (excluding GST)',
    currency: 'INR'
  }
}

export function savedImageJson(s: SavedImageRec, nowMs: number, runningVms: number): Record<string, unknown> {
  return {
    template_id: s.templateId,
    image_id: String(s.imageId),
    name: s.name,
    image_state: nowMs >= s.readyAt ? 'Ready' : 'Creating',
    os_distribution: s.distro,
    distro: s.distro,
    image_type: 'private',
    is_windows: false,
    sku_type: 'C3',
    running_vms: String(runningVms),
    cloning_ops: '0',
    image_size: `${s.sizeGb.toFixed(2)} GB`,
    creation_time: dmyTime(s.createdAt, true),
    vm_info: []
  }
}
