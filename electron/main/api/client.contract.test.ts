// Contract tests: the real client over real HTTP against the simulator, one endpoint of
// docs/e2e-api.md#endpoints at a time.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { E2EClient } from './client.types'
import { createE2EClient } from './index'
import { json, localServer, rejectionOf, simHarness, type SimHarness } from '../../../tests/support/api-harness'

let h: SimHarness
let client: E2EClient
const scope = () => ({ apiKey: h.target.apiKey, projectId: h.target.projectId ?? 0, location: 'Delhi' as const })

beforeAll(async () => {
  h = await simHarness('empty')
})
afterAll(() => h.stop())
beforeEach(() => {
  h.sim.control.reset('empty')
  h.target.apiKey = h.sim.demo.apiKey
  h.target.authToken = h.sim.demo.authToken
  h.target.projectId = h.sim.demo.projects[0]?.projectId
  client = h.client()
})

async function ubuntuPlans() {
  const fams = await client.listOs()
  const v = fams.find((f) => f.os === 'Ubuntu')?.versions.find((x) => x.version === '22.04')
  if (!v) throw new Error('no Ubuntu 22.04 in the catalog')
  return client.listPlans({
    os: v.os,
    version: v.version,
    subCategory: v.subCategory,
    displayCategory: v.displayCategory
  })
}

describe('account calls', () => {
  it('checks credentials and lists projects without project_id or location', async () => {
    await client.checkCredentials()
    const projects = await client.listProjects()
    expect(projects).toEqual([{ projectId: h.target.projectId, name: 'default-project', isDefault: true }])
    for (const e of h.sim.control.requestLog()) {
      expect(e.query['apikey']).toBe('***')
      expect(e.query).not.toHaveProperty('project_id')
      expect(e.query).not.toHaveProperty('location')
      expect(e.status).toBe(200)
    }
  })
  it('reports a wrong key/token pair as AUTH', async () => {
    const bad = h.client({}, { authToken: 'not-the-token' })
    expect(await rejectionOf(bad.checkCredentials())).toMatchObject({ data: { code: 'AUTH', status: 401 } })
  })
})

describe('catalog', () => {
  it('lists OS families and plans with committed SKUs, E1, sold-out and GPU plans', async () => {
    const fams = await client.listOs()
    expect(fams.map((f) => f.os)).toEqual(expect.arrayContaining(['Ubuntu', 'Rocky', 'Debian']))
    const plans = await ubuntuPlans()
    const bySku = new Map(plans.map((p) => [p.sku, p]))
    expect(bySku.get('C3.16GB')).toMatchObject({
      vcpus: 8,
      ramGb: 16,
      diskGb: 200,
      available: true,
      requiresDisk: false,
      committed: [expect.objectContaining({ id: 4180, days: 365 })]
    })
    expect(bySku.get('E1.8GB')?.requiresDisk).toBe(true)
    expect(bySku.get('C3.64GB')?.available).toBe(false)
    expect(bySku.get('GDC3.A10080-16.115GB')?.isGpu).toBe(true)
    const planReq = h.sim.control.requestLog({ method: 'GET', path: 'images/' })[0]
    expect(planReq?.query).toMatchObject({
      display_category: 'Linux Virtual Node',
      category: 'Ubuntu',
      os: 'Ubuntu',
      osversion: '22.04',
      project_id: String(h.target.projectId),
      location: 'Delhi'
    })
  })
  it('falls back to the legacy category-list when os-category is 404', async () => {
    const srv = await localServer((req, res) => {
      if (req.url.startsWith('/myaccount/api/v1/images/os-category/')) return json(res, 404, { detail: 'Not found.' })
      json(res, 200, {
        code: 200,
        data: { category_list: { 'Linux Virtual Node': { Rocky: [{ version: '9.4', sub_category: 'Rocky' }] } } }
      })
    })
    try {
      const c = createE2EClient({ ...h.target, baseUrl: srv.baseUrl })
      expect(await c.listOs()).toEqual([
        {
          os: 'Rocky',
          displayCategories: ['Linux Virtual Node'],
          versions: [{ os: 'Rocky', version: '9.4', subCategory: 'Rocky', displayCategory: 'Linux Virtual Node' }]
        }
      ])
      expect(srv.requests.map((r) => r.url.split('?')[0])).toEqual([
        '/myaccount/api/v1/images/os-category/',
        '/myaccount/api/v1/images/category-list/'
      ])
    } finally {
      await srv.stop()
    }
  })
})

describe('nodes', () => {
  it('creates with every field, then lists, reads, acts on and deletes the node', async () => {
    const plans = await ubuntuPlans()
    const e1 = plans.find((p) => p.requiresDisk)
    if (!e1) throw new Error('no E1 plan')
    const opts = await client.createOptions()
    const vpc = opts.vpcs.find((v) => v.isActive)
    const sg = opts.securityGroups.find((g) => !g.isDefault)
    const freeIp = opts.reservedIps.find((r) => r.isFree)
    const key = opts.sshKeys[0]
    if (!vpc || !sg || !freeIp || !key) throw new Error('simulator resources missing')
    const out = await client.createNode({
      name: 'api-e1',
      plan: e1.slug,
      image: e1.image,
      count: 1,
      sshKeys: [key.publicKey],
      backups: false,
      ipv6: false,
      vpcId: vpc.networkId,
      securityGroupId: sg.id,
      reserveIp: freeIp.ip,
      disk: 125,
      startScript: 'echo hi',
      committedSkuId: e1.committed[0]?.id
    })
    expect(out.outcome).toBe('created')
    const created = out.nodes[0]
    expect(created).toMatchObject({ name: 'api-e1', status: 'CREATING', plan: 'E1.8GB', isCommitted: true })
    if (!created) return
    const state = h.sim.control.getNodes(scope()).find((n) => n.id === created.id)
    expect(state).toMatchObject({ diskGb: 125, publicIp: freeIp.ip, vmType: 'committed_vm' })

    const listed = await client.listNodes()
    expect(listed.map((n) => n.id)).toContain(created.id)
    const detail = await client.getNode(created.id)
    expect(detail).toMatchObject({
      id: created.id,
      vmId: expect.any(Number),
      status: 'RUNNING',
      isCommitted: true,
      startScriptCount: 1,
      sshKeys: [expect.objectContaining({ label: expect.any(String) })],
      committed: expect.objectContaining({ skuId: e1.committed[0]?.id, termEnd: expect.any(String) })
    })
    expect(detail.vmId).not.toBe(detail.id)

    const off = await client.nodeAction(created.id, 'power_off')
    expect(off).toMatchObject({ actionId: expect.any(Number), actionType: 'power_off' })
    expect((await client.getNode(created.id)).status).toBe('OFF')
    await client.renameNode(created.id, 'api-e1-renamed')
    expect((await client.getNode(created.id)).name).toBe('api-e1-renamed')
    await client.saveImage(created.id, 'api-e1-image')
    expect((await client.listSavedImages()).map((i) => i.name)).toContain('api-e1-image')
    expect(h.sim.control.countRequests({ method: 'PUT', path: 'nodes/{id}/actions/' })).toBe(3)

    await client.updateCommittedSettings(created.id, 'hourly_billing')
    expect(h.sim.control.getNodes(scope()).find((n) => n.id === created.id)?.committedStatus).toBe('hourly_billing')
    await client.deleteNode(created.id, { reserveIp: false })
    expect((await client.listNodes()).map((n) => n.id)).not.toContain(created.id)
    // Deleting again: "not found" counts as deleted.
    await client.deleteNode(created.id, { reserveIp: false })
  })

  it('creates N instances with -1…-N names', async () => {
    const c3 = (await ubuntuPlans()).find((p) => p.sku === 'C3.8GB')
    if (!c3) throw new Error('no C3.8GB')
    const out = await client.createNode({
      name: 'multi',
      plan: c3.slug,
      image: c3.image,
      count: 3,
      sshKeys: [],
      backups: false,
      ipv6: false
    })
    expect(out.nodes.map((n) => n.name)).toEqual(['multi-1', 'multi-2', 'multi-3'])
  })

  it('keeps the IP as reserved on delete when asked', async () => {
    const [id] = h.sim.control.addNodes({ ...scope(), count: 1, status: 'Running' })
    if (id === undefined) throw new Error('no node')
    const ip = (await client.getNode(id)).publicIp
    expect(ip).not.toBeNull()
    await client.deleteNode(id, { reserveIp: true })
    expect(h.sim.control.requestLog({ method: 'DELETE' })[0]?.query['reserve_ip_required']).toBe('true')
    expect((await client.listReservedIps()).find((r) => r.ip === ip)).toMatchObject({
      status: 'Reserved',
      isFree: true
    })
  })

  it('converts to committed, sets auto-renew, upgrades only when off (no trailing slash)', async () => {
    const [id] = h.sim.control.addNodes({ ...scope(), count: 1, status: 'Running' })
    if (id === undefined) throw new Error('no node')
    const target = (await ubuntuPlans()).find((p) => p.sku === 'C3.16GB')
    if (!target) throw new Error('no C3.16GB')
    const refused = await rejectionOf(client.upgradeNode(id, target.slug, target.image))
    expect(refused).toMatchObject({
      data: { code: 'PRECONDITION', status: 412, message: expect.stringContaining('powered off') }
    })
    await client.nodeAction(id, 'power_off')
    await client.upgradeNode(id, target.slug, target.image)
    expect(h.sim.control.getNodes(scope())[0]?.planSku).toBe('C3.16GB')
    expect(h.sim.control.requestLog({ method: 'PUT', path: `nodes/upgrade/${id}` })).toHaveLength(2)

    await client.convertToCommitted(id, 4180)
    const d = await client.getNode(id)
    expect(d).toMatchObject({ isCommitted: true, committed: expect.objectContaining({ skuId: 4180, days: 365 }) })
    await client.updateCommittedSettings(id, 'auto_renew', 4180)
    expect(h.sim.control.getNodes(scope())[0]?.committedStatus).toBe('auto_renew')
    expect(await rejectionOf(client.updateCommittedSettings(id, 'auto_renew'))).toMatchObject({
      data: { code: 'VALIDATION' }
    })
  })

  it('refuses writes with a read-only token as FORBIDDEN with a hint', async () => {
    const ro = h.sim.control.addAccount({ readOnly: true })
    const roClient = h.client({}, { apiKey: ro.apiKey, authToken: ro.authToken, projectId: ro.projects[0]?.projectId })
    h.sim.control.addNodes({
      apiKey: ro.apiKey,
      projectId: ro.projects[0]?.projectId ?? 0,
      location: 'Delhi',
      count: 1
    })
    const [node] = await roClient.listNodes()
    if (!node) throw new Error('no node')
    const e = await rejectionOf(roClient.nodeAction(node.id, 'power_off'))
    expect(e).toMatchObject({ data: { code: 'FORBIDDEN', status: 403, hint: expect.stringContaining('Write access') } })
  })
})

describe('resources', () => {
  it('lists keys, groups, VPCs, reserved IPs, saved images; createOptions fetches four in parallel', async () => {
    expect((await client.listSshKeys()).length).toBe(2)
    expect((await client.listSecurityGroups()).some((g) => g.isDefault)).toBe(true)
    expect((await client.listVpcs()).map((v) => v.isActive)).toEqual([true, false])
    expect((await client.listReservedIps())[0]).toMatchObject({ status: 'Reserved', isFree: true })
    expect(await client.listSavedImages()).toEqual([])
    h.sim.control.clearLog()
    const opts = await client.createOptions()
    expect(opts.sshKeys).toHaveLength(2)
    expect(
      h.sim.control
        .requestLog()
        .map((e) => e.route)
        .sort()
    ).toEqual(['reserve_ips/', 'security_group/', 'ssh_keys/', 'vpc/list/'])
  })
  it('rejects a non-https base URL except on localhost', async () => {
    const c = createE2EClient({ ...h.target, baseUrl: 'http://api.example.com/myaccount/api/v1' })
    expect(await rejectionOf(c.listNodes())).toMatchObject({ data: { code: 'VALIDATION', field: 'apiBaseUrl' } })
  })
})
