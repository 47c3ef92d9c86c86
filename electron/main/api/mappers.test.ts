// Mappers against the exact reply shapes of docs/e2e-api.md (#endpoints samples and #quirks-checklist).
import { describe, expect, it } from 'vitest'
import {
  legacyCategoryReply,
  osCategoryReply,
  planRow,
  slugRequiresDisk,
  toOsFamilies,
  toOsFamiliesLegacy,
  toPlan
} from './catalog.mapper'
import { createNodeBody, expectedNames, readCreateReply } from './create.client'
import { parseIstDate, toIp, toNumber } from './lenient'
import { nodeDetailSchema, nodeRowSchema, parsePriceText, toNodeDetail, toNodeSummary } from './nodes.mapper'
import {
  projectRow,
  reservedIpRow,
  savedImageRow,
  securityGroupRow,
  sshKeyRow,
  toProject,
  toReservedIp,
  toSavedImage,
  toSecurityGroup,
  toSshKey,
  toVpc,
  vpcRow
} from './resources.mapper'

const createItem = {
  id: 48213,
  vm_id: 52907,
  name: 'web-chn-01',
  status: 'Creating',
  plan: 'C3.16GB',
  vcpus: '8',
  memory: '16 GB',
  disk: '200 GB',
  price: 'Rs. 5.4/Hour or Rs. 3942.0 Monthly',
  location: 'Chennai',
  created_at: '2026-02-03T07:41:09.118204Z',
  public_ip_address: '',
  private_ip_address: '10.42.8.19',
  vm_type: 'vm'
}

describe('lenient values', () => {
  it('reads numbers sent as strings', () => {
    expect(toNumber('8')).toBe(8)
    expect(toNumber('16 GB')).toBe(16)
    expect(toNumber('16.00')).toBe(16)
    expect(toNumber(3942.0)).toBe(3942)
    expect(toNumber('n/a')).toBeNull()
    expect(toNumber(null)).toBeNull()
  })
  it('treats every empty-IP spelling as no IP', () => {
    for (const empty of ['', null, '[]', '--', undefined, '  ']) expect(toIp(empty)).toBeNull()
    expect(toIp('203.0.113.57')).toBe('203.0.113.57')
  })
  it('reads "21-January-2027 14:05" as India time', () => {
    expect(parseIstDate('21-January-2027 14:05')).toBe('2027-01-21T08:35:00.000Z')
    expect(parseIstDate('07-Mar-2025')).toBe('2025-03-06T18:30:00.000Z')
    expect(parseIstDate('2026-02-03T07:41:09.118204Z')).toBe('2026-02-03T07:41:09.118Z')
    expect(parseIstDate('soon')).toBeNull()
  })
})

describe('node list and detail', () => {
  it('maps a list row (e2e-api.md#list-nodes) with strings for numbers and "[]" for no IP', () => {
    const row = {
      id: 48213,
      name: 'web-chn-01',
      plan: 'C3.16GB',
      status: 'Powered Off',
      is_locked: true,
      public_ip_address: '[]',
      private_ip_address: '10.42.8.19',
      rescue_mode_status: 'Disabled',
      is_accidental_protection: true,
      isEncryptionEnabled: false
    }
    expect(toNodeSummary(nodeRowSchema.parse(row), 'Chennai')).toEqual({
      id: 48213,
      name: 'web-chn-01',
      status: 'OFF',
      rawStatus: 'Powered Off',
      plan: 'C3.16GB',
      publicIp: null,
      privateIp: '10.42.8.19',
      isLocked: true,
      isProtected: true,
      isCommitted: false,
      createdAt: null,
      location: 'Chennai',
      vcpus: null,
      memoryGb: null,
      diskGb: null
    })
  })

  it('keeps unknown statuses raw and reads id given as a string', () => {
    const s = toNodeSummary(
      nodeRowSchema.parse({ id: '48214', name: 'x', status: 'Migrating', public_ip_address: null })
    )
    expect(s).toMatchObject({ id: 48214, status: 'UNKNOWN', rawStatus: 'Migrating', publicIp: null, location: null })
  })

  it('maps a committed detail (e2e-api.md#node-detail) with term end parsed as IST and raw kept', () => {
    const detail = {
      ...createItem,
      vm_type: 'committed_vm',
      public_ip_address: '203.0.113.57',
      is_locked: false,
      is_accidental_protection: false,
      is_upgradable: true,
      is_vpc_attached: false,
      is_node_compliance: false,
      rescue_mode_status: 'Enabled',
      security_group_count: 1,
      os_info: { name: 'Rocky', version: '9.4', category: 'Linux Virtual Node', full_name: 'Rocky Linux 9.4' },
      ssh_keys: [{ label: 'laptop', ssh_key: 'ssh-ed25519 AAAA dev' }],
      start_scripts: [{ label: 's1', script_content: 'echo hi' }],
      committed_details: [
        {
          committed_sku_id: 4180,
          committed_sku_name: '365 Days Committed , Rs. 38412.0',
          committed_sku_price: 38412.0,
          committed_days: 365,
          committed_upto_date: '21-January-2027 14:05',
          committed_node_message: 'Renews on 21-January-2027'
        }
      ],
      zabbix_host_id_v2: null,
      lcm_state: 'DISK_RESIZE',
      some_new_field: { nested: true }
    }
    const d = toNodeDetail(nodeDetailSchema.parse(detail))
    expect(d).toMatchObject({
      id: 48213,
      vmId: 52907,
      status: 'CREATING',
      vcpus: 8,
      memoryGb: 16,
      diskGb: 200,
      publicIp: '203.0.113.57',
      location: 'Chennai',
      isCommitted: true,
      vmType: 'committed_vm',
      rescueMode: true,
      securityGroupCount: 1,
      isUpgradable: true,
      lcmState: 'DISK_RESIZE',
      os: { name: 'Rocky', version: '9.4', fullName: 'Rocky Linux 9.4' },
      sshKeys: [{ label: 'laptop' }],
      startScriptCount: 1,
      price: 'Rs. 5.4/Hour or Rs. 3942.0 Monthly'
    })
    expect(d.committed).toEqual({
      skuId: 4180,
      skuName: '365 Days Committed , Rs. 38412.0',
      price: 38412,
      days: 365,
      termEndRaw: '21-January-2027 14:05',
      termEnd: '2027-01-21T08:35:00.000Z',
      message: 'Renews on 21-January-2027',
      mode: null
    })
    expect(d).toMatchObject({ pricePerHour: 5.4, pricePerMonth: 3942 })
  })

  it('reads the term-end choice and the price as numbers', () => {
    const d = toNodeDetail(
      nodeDetailSchema.parse({
        id: 7,
        price: 'Rs. 2.7/Hour or Rs. 1,971.0 Monthly',
        committed_details: [{ committed_sku_id: 1, committed_node_status: 'auto_terminate' }]
      })
    )
    expect(d.committed?.mode).toBe('auto_terminate')
    expect(d).toMatchObject({ pricePerHour: 2.7, pricePerMonth: 1971 })
    expect(parsePriceText('free')).toEqual({ perHour: null, perMonth: null })
    const odd = toNodeDetail(
      nodeDetailSchema.parse({ id: 8, committed_details: [{ committed_node_status: 'someday' }] })
    )
    expect(odd.committed?.mode).toBeNull()
  })

  it('survives missing optional fields and wrong types', () => {
    const d = toNodeDetail(
      nodeDetailSchema.parse({ id: 5, ssh_keys: 'oops', committed_details: null, os_info: 'Ubuntu', vcpus: {} })
    )
    expect(d).toMatchObject({
      id: 5,
      name: 'node-5',
      status: 'UNKNOWN',
      sshKeys: [],
      committed: null,
      os: null,
      vcpus: null,
      vmId: null
    })
  })

  it('rejects a row without an id', () => {
    expect(nodeRowSchema.safeParse({ name: 'no-id' }).success).toBe(false)
  })
})

describe('create', () => {
  it('sends every field with the CLI defaults', () => {
    expect(
      createNodeBody({
        name: 'web',
        plan: 'slug',
        image: 'Rocky-9.4-Distro',
        count: 1,
        sshKeys: ['ssh-ed25519 AAA'],
        backups: false,
        ipv6: false,
        vpcId: 7,
        securityGroupId: 8,
        disk: 100,
        committedSkuId: 4180,
        startScript: '#!/bin/sh'
      })
    ).toEqual({
      name: 'web',
      plan: 'slug',
      image: 'Rocky-9.4-Distro',
      label: 'default',
      ssh_keys: ['ssh-ed25519 AAA'],
      start_scripts: ['#!/bin/sh'],
      backups: false,
      enable_bitninja: false,
      is_ipv6_availed: false,
      default_public_ip: false,
      disable_password: true,
      number_of_instances: 1,
      reserve_ip: '',
      is_saved_image: false,
      vpc_id: 7,
      security_group_id: 8,
      disk: 100,
      cn_id: 4180,
      cn_status: 'auto_renew'
    })
  })
  it('omits optional network fields when not chosen', () => {
    const body = createNodeBody({ name: 'a', plan: 'p', image: 'i', count: 2, sshKeys: [], backups: true, ipv6: true })
    expect(Object.keys(body)).not.toContain('vpc_id')
    expect(body).toMatchObject({ number_of_instances: 2, backups: true, is_ipv6_availed: true, start_scripts: [] })
  })
  it('reads the current reply shape', () => {
    const reply = {
      code: 200,
      errors: {},
      message: 'Success',
      data: { total_number_of_node_requested: 1, total_number_of_node_created: 1, node_create_response: [createItem] }
    }
    const r = readCreateReply(reply, 'Delhi')
    expect(r).toEqual({
      kind: 'nodes',
      nodes: [
        expect.objectContaining({
          id: 48213,
          name: 'web-chn-01',
          status: 'CREATING',
          publicIp: null,
          location: 'Chennai'
        })
      ]
    })
  })
  it('reads the legacy single-node shape, with and without id, and no credit', () => {
    expect(readCreateReply({ code: 200, data: { ...createItem, is_credit_sufficient: true } }, null)).toMatchObject({
      kind: 'nodes',
      nodes: [{ id: 48213 }]
    })
    const { id: _id, ...noId } = createItem
    void _id
    expect(readCreateReply({ code: 200, data: noId }, null)).toEqual({ kind: 'no_ids' })
    expect(
      readCreateReply(
        { code: 200, data: { is_credit_sufficient: false }, message: 'Insufficient credit balance' },
        null
      )
    ).toEqual({ kind: 'no_credit' })
  })
  it('expects -1…-N suffixes for several instances', () => {
    expect(expectedNames('web', 1)).toEqual(['web'])
    expect(expectedNames('web', 3)).toEqual(['web-1', 'web-2', 'web-3'])
  })
})

describe('catalog', () => {
  it('maps os-category (upper-case OS)', () => {
    const body = {
      code: 200,
      data: {
        category_list: [
          {
            OS: 'Rocky',
            category: ['Linux Virtual Node'],
            version: [
              { os: 'Rocky', version: '9.4', sub_category: 'Rocky', software_version: '', number_of_domains: null }
            ]
          }
        ]
      }
    }
    expect(toOsFamilies(osCategoryReply.parse(body).data.category_list)).toEqual([
      {
        os: 'Rocky',
        displayCategories: ['Linux Virtual Node'],
        versions: [{ os: 'Rocky', version: '9.4', subCategory: 'Rocky', displayCategory: 'Linux Virtual Node' }]
      }
    ])
  })
  it('maps the legacy nested-object category-list', () => {
    const body = {
      data: {
        category_list: {
          'Linux Virtual Node': { Ubuntu: [{ version: '22.04' }, { version: '24.04', sub_category: 'Ubuntu' }] },
          'Linux Smart Dedicated Compute': { Ubuntu: [{ version: '22.04', os: 'Ubuntu', sub_category: 'Ubuntu-SDC' }] }
        }
      }
    }
    const fams = toOsFamiliesLegacy(legacyCategoryReply.parse(body).data.category_list)
    expect(fams).toHaveLength(1)
    expect(fams[0]?.displayCategories).toEqual(['Linux Virtual Node', 'Linux Smart Dedicated Compute'])
    expect(fams[0]?.versions).toContainEqual({
      os: 'Ubuntu',
      version: '22.04',
      subCategory: 'Ubuntu-SDC',
      displayCategory: 'Linux Smart Dedicated Compute'
    })
    expect(fams[0]?.versions[0]).toEqual({
      os: 'Ubuntu',
      version: '22.04',
      subCategory: 'Ubuntu',
      displayCategory: 'Linux Virtual Node'
    })
  })
  const c3 = {
    name: 'C3.16GB',
    plan: 'C3-8vCPU-16RAM-200DISK-C3.16GB-Rocky-9.4-Chennai',
    image: 'Rocky-9.4-Distro',
    location: 'Chennai',
    currency: 'INR',
    available_inventory_status: true,
    specs: {
      id: '2207',
      sku_name: 'C3.16GB',
      series: 'C3',
      cpu: 8,
      ram: '16.00',
      disk_space: 200,
      price_per_hour: 5.4,
      price_per_month: 3942.0,
      minimum_billing_amount: 0.0,
      committed_sku: [
        {
          committed_sku_id: 4180,
          committed_sku_name: '365 Days Committed , Rs. 38412.0',
          committed_sku_price: 38412.0,
          committed_days: 365,
          committed_upto_date: '21-January-2027 14:05'
        }
      ]
    }
  }
  it('maps the plan row of e2e-api.md#list-plans', () => {
    expect(toPlan(planRow.parse(c3))).toEqual({
      sku: 'C3.16GB',
      slug: c3.plan,
      image: 'Rocky-9.4-Distro',
      series: 'C3',
      location: 'Chennai',
      vcpus: 8,
      ramGb: 16,
      diskGb: 200,
      pricePerHour: 5.4,
      pricePerMonth: 3942,
      currency: 'INR',
      available: true,
      isGpu: false,
      gpu: null,
      requiresDisk: false,
      committed: [
        { id: 4180, days: 365, price: 38412, name: '365 Days Committed , Rs. 38412.0', upto: '21-January-2027 14:05' }
      ]
    })
  })
  it('flags E1 0DISK, sold out, absent inventory flag and GPU plans', () => {
    expect(slugRequiresDisk('E1-4vCPU-8RAM-0DISK-E1.8GB-Ubuntu-22.04-Delhi')).toBe(true)
    expect(slugRequiresDisk('C3-8vCPU-16RAM-200DISK-C3.16GB')).toBe(false)
    expect(toPlan(planRow.parse({ ...c3, available_inventory_status: false })).available).toBe(false)
    const { available_inventory_status: _a, ...noFlag } = c3
    void _a
    expect(toPlan(planRow.parse(noFlag)).available).toBe(true)
    const gpu = toPlan(
      planRow.parse({
        ...c3,
        gpu_card_details: { name: '1x NVIDIA A100 80GB', count: 1 },
        specs: { ...c3.specs, series: 'GDC', committed_sku: [] }
      })
    )
    expect(gpu).toMatchObject({ isGpu: true, gpu: '1x NVIDIA A100 80GB', committed: [] })
  })
})

describe('resources', () => {
  it('maps projects, keys, groups, VPCs, reserved IPs and saved images', () => {
    expect(
      toProject(projectRow.parse({ project_id: 51734, name: 'default-project', is_default: true, is_starred: false }))
    ).toEqual({ projectId: 51734, name: 'default-project', isDefault: true })
    expect(
      toSshKey(
        sshKeyRow.parse({
          pk: 11,
          label: 'laptop',
          ssh_key: 'ssh-ed25519 AAAA',
          ssh_key_type: 'ED25519',
          timestamp: '07-Mar-2025',
          project_name: 'p',
          total_attached_nodes: 2
        })
      )
    ).toEqual({ id: 11, label: 'laptop', publicKey: 'ssh-ed25519 AAAA', type: 'ED25519' })
    expect(
      toSecurityGroup(
        securityGroupRow.parse({
          id: 3,
          name: 'default_sg_delhi_1',
          description: 'Default',
          is_default: true,
          rules: []
        })
      )
    ).toEqual({ id: 3, name: 'default_sg_delhi_1', description: 'Default', isDefault: true })
    expect(
      toVpc(
        vpcRow.parse({ network_id: 9, name: 'v', state: 'Active', ipv4_cidr: '10.77.0.0/23', vm_count: 0, subnets: [] })
      )
    ).toEqual({ networkId: 9, name: 'v', state: 'Active', cidr: '10.77.0.0/23', isActive: true })
    const ipRow = {
      ip_address: '164.52.1.2',
      status: 'Reserved',
      reserved_type: 'PublicIP',
      vm_id: null,
      vm_name: '--',
      reserve_id: 77,
      bought_at: '14-08-2025 09:12',
      appliance_type: 'NODE',
      floating_ip_attached_nodes: []
    }
    expect(toReservedIp(reservedIpRow.parse(ipRow))).toEqual({
      ip: '164.52.1.2',
      status: 'Reserved',
      type: 'PublicIP',
      vmId: null,
      vmName: null,
      reserveId: 77,
      isFree: true
    })
    expect(
      toReservedIp(reservedIpRow.parse({ ...ipRow, status: 'Attached', vm_id: 52907, vm_name: 'web' })).isFree
    ).toBe(false)
    expect(
      toSavedImage(
        savedImageRow.parse({
          template_id: 30117,
          image_id: '31502',
          name: 'golden',
          image_state: 'Ready',
          os_distribution: 'Ubuntu',
          running_vms: '2',
          image_size: '48.21 GB',
          creation_time: '02-12-2025 16:40:07',
          vm_info: []
        })
      )
    ).toEqual({ templateId: 30117, name: 'golden', state: 'Ready', os: 'Ubuntu', size: '48.21 GB' })
  })
})
