import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator } from './index'
import { call, dataOf, loose, planSlug, rows, type CallResult, type Loose } from '../../tests/support/sim-client'
import type { StartedSimulator } from './types'

let sim: StartedSimulator
beforeAll(async () => {
  sim = await startSimulator({ seed: 'empty' })
})
afterAll(async () => {
  await sim.stop()
})
beforeEach(() => {
  sim.control.reset()
})

const base = { name: 'web-01', plan: planSlug('C3.8GB'), image: 'Ubuntu-22.04-Distro' }
const create = (body: Record<string, unknown>, location = 'Delhi') =>
  call(sim, 'POST', 'nodes/', { body: { ...base, ...body }, location })
const created = (r: CallResult): Loose[] => (dataOf(r).node_create_response ?? []) as Loose[]

describe('POST nodes/ validation', () => {
  it('rejects a bad name with 400', async () => {
    for (const name of ['has space', '', 'x'.repeat(51), 'émoji']) {
      expect((await create({ name })).status, name).toBe(400)
    }
  })

  it('answers a short SKU or unknown plan with the exact 412 envelope', async () => {
    const r = await create({ plan: 'C3.8GB' })
    expect(r.status).toBe(412)
    const body = loose(r)
    expect(Object.keys(body).sort()).toEqual(['code', 'data', 'errors', 'message'])
    expect(body.code).toBe(412)
    expect(body.data).toEqual({})
    expect((body.errors as { detail: string[] }).detail[0]).toBe(body.message)
    expect((await create({ plan: planSlug('C3.8GB', 'Chennai') })).status).toBe(412) // other location's slug
    expect((await create({ plan: 'C9-bogus' })).status).toBe(412)
  })

  it('rejects a sold-out plan with 412 and an image that does not match the plan with 400', async () => {
    expect((await create({ plan: planSlug('C3.64GB') })).status).toBe(412)
    expect((await create({ image: 'Rocky-9.4-Distro' })).status).toBe(400)
  })

  it('enforces E1 disk steps (25 below 150, 50 from 150, 75–2400)', async () => {
    const e1 = { plan: planSlug('E1.8GB') }
    const results: Record<number, number> = {}
    for (const disk of [50, 75, 100, 125, 140, 150, 175, 200, 2400, 2450])
      results[disk] = (await create({ ...e1, name: `e1-${disk}`, disk })).status
    expect(results).toEqual({
      50: 400,
      75: 200,
      100: 200,
      125: 200,
      140: 400,
      150: 200,
      175: 400,
      200: 200,
      2400: 200,
      2450: 400
    })
    expect((await create({ ...e1 })).status).toBe(400)
    const node = rows(await call(sim, 'GET', 'nodes/')).find((n) => n.name === 'e1-2400')
    expect(node?.disk).toBe('2400 GB')
  })

  it('validates number_of_instances, vpc_id, security_group_id and cn_id', async () => {
    expect((await create({ number_of_instances: 6 })).status).toBe(400)
    expect((await create({ number_of_instances: 0 })).status).toBe(400)
    const vpcs = rows(await call(sim, 'GET', 'vpc/list/'))
    const creating = vpcs.find((v) => v.state === 'Creating')
    const active = vpcs.find((v) => v.state === 'Active')
    expect((await create({ vpc_id: creating?.network_id })).status).toBe(400)
    expect((await create({ vpc_id: active?.network_id })).status).toBe(200)
    expect((await create({ security_group_id: 1 })).status).toBe(400)
    expect((await create({ cn_id: 4180 })).status).toBe(412) // a C3.16GB SKU, not C3.8GB's
  })

  it('honours a credit limit', async () => {
    sim.control.setOptions({ creditLimit: 2500 })
    expect((await create({ name: 'a' })).status).toBe(200)
    const second = await create({ name: 'b' })
    expect(second.status).toBe(400)
    expect(JSON.stringify(second.json)).toContain('credit')
  })
})

describe('POST nodes/ success', () => {
  it('replies in the create shape (e2e-api.md#create-a-node) with Creating nodes, private IP and separate id/vm_id', async () => {
    const r = await create({ ssh_keys: ['ssh-ed25519 AAAA test@x'] })
    expect(r.status).toBe(200)
    const d = dataOf(r)
    expect(d.total_number_of_node_requested).toBe(1)
    expect(d.total_number_of_node_created).toBe(1)
    const [n] = created(r)
    expect(n).toMatchObject({
      name: 'web-01',
      status: 'Creating',
      plan: 'C3.8GB',
      vcpus: '4',
      memory: '8 GB',
      disk: '100 GB',
      location: 'Delhi',
      vm_type: 'vm'
    })
    expect(n?.private_ip_address).toMatch(/^10\./)
    expect(typeof n?.vm_id).toBe('number')
    expect(n?.vm_id).not.toBe(n?.id)
    const detail = dataOf(await call(sim, 'GET', `nodes/${String(n?.id)}/`))
    expect(detail.ssh_keys).toEqual([{ label: 'key-1', ssh_key: 'ssh-ed25519 AAAA test@x' }])
  })

  it('suffixes names for N instances and keeps id and vm_id sequences apart', async () => {
    const nodes = created(await create({ name: 'batch', number_of_instances: 3 }))
    expect(nodes.map((n) => n.name)).toEqual(['batch-1', 'batch-2', 'batch-3'])
    const ids = nodes.map((n) => Number(n.id))
    const vmIds = nodes.map((n) => Number(n.vm_id))
    expect(new Set(ids).size).toBe(3)
    expect(ids.some((id) => vmIds.includes(id))).toBe(false)
    expect(vmIds[1]! - vmIds[0]! === ids[1]! - ids[0]! && vmIds[2]! - vmIds[1]! === ids[2]! - ids[1]!).toBe(false)
    const list = rows(await call(sim, 'GET', 'nodes/'))
    expect(list.every((row) => !('vm_id' in row))).toBe(true)
  })

  it('uses a free reserved IP as the public IP, only once, and only for one instance', async () => {
    const ip = String(rows(await call(sim, 'GET', 'reserve_ips/')).find((r) => r.status === 'Reserved')?.ip_address)
    expect((await create({ reserve_ip: ip, number_of_instances: 2 })).status).toBe(400)
    const [n] = created(await create({ reserve_ip: ip }))
    expect(n?.public_ip_address).toBe(ip)
    expect((await create({ name: 'again', reserve_ip: ip })).status).toBe(400)
    const entry = rows(await call(sim, 'GET', 'reserve_ips/')).find((r) => r.ip_address === ip)
    expect(entry).toMatchObject({ status: 'Assigned', vm_id: n?.vm_id })
  })

  it('makes a committed node with cn_id', async () => {
    const [n] = created(await create({ cn_id: 4171, cn_status: 'auto_renew' }))
    expect(n?.vm_type).toBe('committed_vm')
    const details = n?.committed_details as Loose[]
    expect(details[0]).toMatchObject({ committed_sku_id: 4171, committed_days: 365 })
  })

  it('answers in the legacy shape by option', async () => {
    sim.control.setOptions({ legacyCreateReply: true })
    const d = dataOf(await create({}))
    expect(d).toMatchObject({ name: 'web-01', status: 'Creating', is_credit_sufficient: true })
    expect(typeof d.id).toBe('number')
  })

  it('fails a share of creates when createFailureRate is set', async () => {
    sim.control.setOptions({ createFailureRate: 1 })
    const [n] = created(await create({}))
    const after = dataOf(await call(sim, 'GET', `nodes/${String(n?.id)}/`))
    expect(after.status).toBe('Failed')
  })
})
