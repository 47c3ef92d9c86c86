// API shapes of a node (docs/e2e-api.md: #list-nodes row, #node-detail, #create-a-node item). Numbers-as-strings
// quirks are deliberate.
import { committedSkuJson, findOsByImage, priceText } from './catalog'
import { isoMicros } from './clock'
import { emptyIpFor, phaseStatus, type SimNode } from './node-model'
import type { OffSpelling } from './types'

const publicIpOf = (n: SimNode): string | null => n.publicIp ?? emptyIpFor(n.id)
const diskText = (n: SimNode): string => `${n.diskGb} GB`

export function nodeListRow(n: SimNode, off: OffSpelling): Record<string, unknown> {
  return {
    id: n.id,
    name: n.name,
    plan: n.plan.sku,
    status: phaseStatus(n, off),
    is_locked: n.isLocked,
    public_ip_address: publicIpOf(n),
    private_ip_address: n.privateIp,
    rescue_mode_status: n.rescueMode ? 'Enabled' : 'Disabled',
    is_accidental_protection: n.isAccidentalProtection,
    isEncryptionEnabled: n.isEncryptionEnabled,
    created_at: isoMicros(n.createdAt),
    location: n.location,
    vcpus: String(n.plan.cpu),
    memory: `${n.plan.ramGb} GB`,
    disk: diskText(n),
    vm_type: n.committed ? 'committed_vm' : 'vm'
  }
}

const LCM_BY_PHASE: Record<SimNode['phase'], string> = {
  creating: 'PROLOG',
  running: 'RUNNING',
  off: 'LCM_INIT',
  reinstalling: 'PROLOG',
  saving: 'DISK_SNAPSHOT',
  failed: 'FAILURE'
}

export function committedDetails(n: SimNode): Record<string, unknown>[] {
  const c = n.committed
  if (!c) return []
  const start = c.endsAt - c.sku.days * 86_400_000
  return [
    {
      ...committedSkuJson(c.sku, start),
      committed_node_message: `Committed until ${isoMicros(c.endsAt).slice(0, 10)}; then ${c.status.replace('_', ' ')}`,
      committed_node_status: c.status,
      committed_end_date: isoMicros(c.endsAt)
    }
  ]
}

export function nodeDetail(n: SimNode, off: OffSpelling, securityGroupCount: number): Record<string, unknown> {
  const os = findOsByImage(n.image)
  return {
    ...nodeListRow(n, off),
    vm_id: n.vmId,
    label: n.label,
    price: priceText(n.plan),
    plan_slug: n.planSlug,
    image: n.image,
    is_committed: n.committed !== null,
    committed_details: committedDetails(n),
    is_upgradable: !n.plan.gpu,
    is_vpc_attached: n.vpcId !== null,
    vpc_id: n.vpcId,
    is_node_compliance: n.isNodeCompliance,
    is_backup_enabled: n.backups,
    security_group_count: Math.max(1, securityGroupCount),
    os_info: os
      ? { name: os.os, version: os.version, category: os.displayCategory, full_name: `${os.os} ${os.version}` }
      : { name: n.image, version: '', category: 'Linux Virtual Node', full_name: n.image },
    ssh_keys: n.sshKeys.map((k) => ({ ...k })),
    start_scripts: n.startScripts.map((s, i) => ({ label: `script-${i + 1}`, script_content: s })),
    zabbix_host_id_v2: n.zabbixHostId,
    lcm_state: LCM_BY_PHASE[n.phase],
    gpu: n.plan.gpu ?? null,
    region: 'ncr',
    is_monitored: true,
    is_bitninja_license_active: false
  }
}
