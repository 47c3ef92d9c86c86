// docs/e2e-api.md#list-projects and #project-resources: projects, SSH keys, security groups, VPCs, reserved IPs, saved
// images.
import { z } from 'zod'
import type { Project, ReservedIp, SavedImage, SecurityGroup, SshKey, Vpc } from '../../../shared/domain/resources'
import { bool, intId, ip, num, text } from './lenient'

export const dataList = z.looseObject({ data: z.array(z.unknown()) })

export const projectRow = z.looseObject({ project_id: intId, name: text, is_default: bool })
export const toProject = (r: z.output<typeof projectRow>): Project => ({
  projectId: r.project_id,
  name: r.name ?? `Project ${r.project_id}`,
  isDefault: r.is_default
})

export const sshKeyRow = z.looseObject({ pk: intId, label: text, ssh_key: text, ssh_key_type: text })
export const toSshKey = (r: z.output<typeof sshKeyRow>): SshKey => ({
  id: r.pk,
  label: r.label ?? `key-${r.pk}`,
  publicKey: r.ssh_key ?? '',
  type: r.ssh_key_type ?? ''
})

export const securityGroupRow = z.looseObject({ id: intId, name: text, description: text, is_default: bool })
export const toSecurityGroup = (r: z.output<typeof securityGroupRow>): SecurityGroup => ({
  id: r.id,
  name: r.name ?? `group-${r.id}`,
  description: r.description ?? '',
  isDefault: r.is_default
})

export const vpcRow = z.looseObject({
  network_id: intId,
  name: text,
  state: text,
  ipv4_cidr: text,
  is_active: z.unknown().optional()
})
export const toVpc = (r: z.output<typeof vpcRow>): Vpc => ({
  networkId: r.network_id,
  name: r.name ?? `vpc-${r.network_id}`,
  state: r.state ?? '',
  cidr: r.ipv4_cidr,
  isActive: typeof r.is_active === 'boolean' ? r.is_active : (r.state ?? '').toLowerCase() === 'active'
})

export const reservedIpRow = z.looseObject({
  ip_address: z.string().min(1),
  status: text,
  reserved_type: text,
  vm_id: num,
  vm_name: ip,
  reserve_id: num
})
export function toReservedIp(r: z.output<typeof reservedIpRow>): ReservedIp {
  const status = r.status ?? ''
  return {
    ip: r.ip_address,
    status,
    type: r.reserved_type ?? '',
    vmId: r.vm_id,
    // "--" means no node (docs/e2e-api.md#value-quirks: the empty-IP spelling reused by vm_name).
    vmName: r.vm_name,
    reserveId: r.reserve_id,
    isFree: r.vm_id === null && /^(reserved|available)$/i.test(status)
  }
}

export const savedImageRow = z.looseObject({
  template_id: intId,
  name: text,
  image_state: text,
  os_distribution: text,
  distro: text,
  image_size: text
})
export const toSavedImage = (r: z.output<typeof savedImageRow>): SavedImage => ({
  templateId: r.template_id,
  name: r.name ?? `image-${r.template_id}`,
  state: r.image_state ?? '',
  os: r.os_distribution ?? r.distro,
  size: r.image_size
})
