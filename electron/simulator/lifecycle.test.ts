import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator } from './index'
import { call, dataOf, loose, planSlug, rows, type Loose } from '../../tests/support/sim-client'
import type { SimNodeState, StartedSimulator } from './types'

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

const scope = (): { apiKey: string; projectId: number; location: 'Delhi' } => ({
  apiKey: sim.demo.apiKey,
  projectId: sim.demo.projects[0]?.projectId ?? 0,
  location: 'Delhi'
})
const oneNode = (status = 'Running'): number => {
  const [id] = sim.control.addNodes({ ...scope(), count: 1, status })
  if (id === undefined) throw new Error('no node')
  return id
}
const status = async (id: number): Promise<unknown> => dataOf(await call(sim, 'GET', `nodes/${id}/`)).status
const act = (id: number, body: Record<string, unknown>, method = 'PUT') =>
  call(sim, method, `nodes/${id}/actions/`, { body })
const truth = (id: number): SimNodeState | undefined => sim.control.getNodes(scope()).find((n) => n.id === id)

describe('state machine on the virtual clock', () => {
  it('Creating becomes Running only after the transition time (fast mode)', async () => {
    sim.control.setTransitions('fast')
    const r = await call(sim, 'POST', 'nodes/', {
      body: { name: 'n1', plan: planSlug('C3.8GB'), image: 'Ubuntu-22.04-Distro' }
    })
    const n = (dataOf(r).node_create_response as Loose[])[0]
    const id = Number(n?.id)
    expect(['', null, '[]', '--']).toContain(n?.public_ip_address)
    expect(await status(id)).toBe('Creating')
    sim.control.advanceClock(1500)
    expect(await status(id)).toBe('Creating')
    sim.control.advanceClock(5000)
    const detail = dataOf(await call(sim, 'GET', `nodes/${id}/`))
    expect(detail.status).toBe('Running')
    expect(detail.public_ip_address).toMatch(/^\d+\.\d+\.\d+\.\d+$/) // public IP appears when Running
  })

  it('power_off keeps showing Running until done, then the configured off spelling', async () => {
    sim.control.setTransitions('real')
    const id = oneNode()
    expect(loose(await act(id, { type: 'power_off' })).code).toBe(200)
    expect(await status(id)).toBe('Running')
    expect((await act(id, { type: 'power_on' })).status).toBe(412) // busy
    sim.control.advanceClock(60_000)
    expect(await status(id)).toBe('Powered off')
    sim.control.setOptions({ offSpelling: 'Stopped' })
    expect(await status(id)).toBe('Stopped')
  })

  it('instant mode completes transitions at once; reboot stays Running', async () => {
    const id = oneNode()
    await act(id, { type: 'power_off' })
    expect(await status(id)).toBe('Powered off')
    expect((await act(id, { type: 'power_off' })).status).toBe(200) // no-op
    await act(id, { type: 'power_on' }, 'POST') // old docs' POST still works
    expect(await status(id)).toBe('Running')
    await act(id, { type: 'reboot' })
    expect(await status(id)).toBe('Running')
  })

  it('reinstall shows Reinstalling, save_images shows Saving and adds a saved image that turns Ready', async () => {
    sim.control.setTransitions('fast')
    const id = oneNode()
    await act(id, { type: 'reinstall' })
    expect(await status(id)).toBe('Reinstalling')
    sim.control.advanceClock(7000)
    expect(await status(id)).toBe('Running')
    expect((await act(id, { type: 'save_images' })).status).toBe(400) // needs name
    await act(id, { type: 'save_images', name: 'golden' })
    expect(await status(id)).toBe('Saving')
    expect(rows(await call(sim, 'GET', 'images/saved-images/'))[0]).toMatchObject({
      name: 'golden',
      image_state: 'Creating'
    })
    sim.control.advanceClock(7000)
    expect(await status(id)).toBe('Running')
    expect(rows(await call(sim, 'GET', 'images/saved-images/'))[0]).toMatchObject({
      name: 'golden',
      image_state: 'Ready'
    })
  })

  it('changes the public IP on a power cycle only when asked to', async () => {
    const id = oneNode()
    const ip0 = truth(id)?.publicIp
    await act(id, { type: 'power_off' })
    await act(id, { type: 'power_on' })
    expect(truth(id)?.publicIp).toBe(ip0)
    sim.control.setOptions({ ipChangeOnPowerCycle: true })
    await act(id, { type: 'power_off' })
    await act(id, { type: 'power_on' })
    expect(truth(id)?.publicIp).not.toBe(ip0)
  })
})

describe('action table (e2e-api.md#actions-by-state)', () => {
  it('refuses power changes on a locked node with a plain-words 412', async () => {
    const id = oneNode()
    await act(id, { type: 'lock_vm' })
    const r = await act(id, { type: 'power_off' })
    expect(r.status).toBe(412)
    expect(loose(r).message).toBe('Node is locked: unlock it before changing its power state')
    expect(await status(id)).toBe('Running')
    await act(id, { type: 'unlock_vm' })
    expect((await act(id, { type: 'power_off' })).status).toBe(200)
  })

  it('applies the table per state', async () => {
    const creating = oneNode('Creating')
    sim.control.setNode({ nodeId: creating, status: 'Creating' })
    const off = oneNode('Powered off')
    const failed = oneNode('Failed')
    const cases: [number, string, number][] = [
      [creating, 'power_off', 412],
      [creating, 'reboot', 412],
      [creating, 'rename', 200],
      [creating, 'lock_vm', 200],
      [off, 'reboot', 412],
      [off, 'reinstall', 412],
      [off, 'save_images', 200],
      [failed, 'power_on', 412],
      [off, 'no_such_action', 400]
    ]
    for (const [id, type, want] of cases) {
      expect((await act(id, { type, name: 'new-name' })).status, `${type} on ${String(truth(id)?.status)}`).toBe(want)
    }
  })

  it('replies with SPEC-style or CLI-style values and the id as a string', async () => {
    const id = oneNode()
    expect(dataOf(await act(id, { type: 'power_off' }))).toMatchObject({
      status: 'done',
      action_type: 'power_off',
      resource_id: String(id)
    })
    sim.control.setOptions({ actionReplyStyle: 'cli' })
    expect(dataOf(await act(id, { type: 'power_on' }))).toMatchObject({
      status: 'In Progress',
      action_type: 'Power On',
      resource_id: String(id)
    })
  })

  it('applies flag and name changes', async () => {
    const id = oneNode()
    await act(id, { type: 'rename', name: 'renamed' })
    await act(id, { type: 'enable_accidental_protection' })
    await act(id, { type: 'enable_recovery_mode' })
    await act(id, { type: 'add_ssh_keys', ssh_keys: [{ label: 'k', ssh_key: 'ssh-ed25519 AAA k' }] })
    const d = dataOf(await call(sim, 'GET', `nodes/${id}/`))
    expect(d).toMatchObject({ name: 'renamed', is_accidental_protection: true, rescue_mode_status: 'Enabled' })
    expect(d.ssh_keys).toEqual([{ label: 'k', ssh_key: 'ssh-ed25519 AAA k' }])
    expect((await act(id, { type: 'rename', name: 'bad name' })).status).toBe(400)
  })
})

describe('upgrade, committed and delete', () => {
  const upgrade = (id: number, plan = planSlug('C3.16GB')) =>
    call(sim, 'PUT', `nodes/upgrade/${id}`, { body: { plan, image: 'Ubuntu-22.04-Distro' } })

  it('upgrades only when powered off and replies with disk-size', async () => {
    const id = oneNode()
    expect((await upgrade(id)).status).toBe(412)
    await act(id, { type: 'power_off' })
    const r = await upgrade(id)
    expect(r.status).toBe(200)
    expect(dataOf(r)).toMatchObject({
      vm_id: truth(id)?.vmId,
      'disk-size': 200 * 1024,
      ram: 16 * 1024,
      location: 'Delhi'
    })
    expect(loose(r).message).toBe('Node upgrade initiated')
    expect(truth(id)?.planSku).toBe('C3.16GB')
    expect((await upgrade(id, 'C3.8GB')).status).toBe(412)
  })

  it('converts to committed and updates settings with a bare reply', async () => {
    const id = oneNode()
    const conv = await call(sim, 'POST', `nodes/${id}/`, { body: { sku_day_id: 4170 } })
    expect(loose(conv)).toMatchObject({ code: 200, data: [''], message: 'Your Node is converted into Committed Node' })
    expect(dataOf(await call(sim, 'GET', `nodes/${id}/`)).vm_type).toBe('committed_vm')
    const noPlan = await call(sim, 'POST', 'update_committed_node_status/', {
      body: { vcn_id: id, node_status: 'auto_renew' }
    })
    expect(noPlan.status).toBe(400)
    const ok = await call(sim, 'POST', 'update_committed_node_status/', {
      body: { vcn_id: id, node_status: 'auto_renew', committed_plan: 4171 }
    })
    expect(ok.json).toEqual({ status: 200, message: 'Updated Successfully' })
    expect(truth(id)?.committedStatus).toBe('auto_renew')
  })

  it('auto_terminate deletes the node at term end on the virtual clock', async () => {
    const id = oneNode()
    await call(sim, 'POST', `nodes/${id}/`, { body: { sku_day_id: 4170 } })
    await call(sim, 'POST', 'update_committed_node_status/', { body: { vcn_id: id, node_status: 'auto_terminate' } })
    sim.control.advanceClock(89 * 86_400_000)
    expect((await call(sim, 'GET', `nodes/${id}/`)).status).toBe(200)
    sim.control.advanceClock(2 * 86_400_000)
    const list = await call(sim, 'GET', 'nodes/')
    expect(rows(list).map((n) => n.id)).not.toContain(id)
    expect(loose(list).total_count).toBe(0)
    expect((await call(sim, 'GET', `nodes/${id}/`)).status).toBe(404)
  })

  it('deletes at once, keeping the IP as a Reserved entry when asked', async () => {
    const id = oneNode()
    const ip = truth(id)?.publicIp
    const r = await call(sim, 'DELETE', `nodes/${id}/`, { query: { reserve_ip_required: 'true' } })
    expect(loose(r)).toMatchObject({ code: 200, data: {} })
    expect((await call(sim, 'GET', `nodes/${id}/`)).status).toBe(404)
    expect(rows(await call(sim, 'GET', 'reserve_ips/')).find((x) => x.ip_address === ip)).toMatchObject({
      status: 'Reserved',
      vm_id: null
    })
    const gone = await call(sim, 'DELETE', `nodes/${id}/`)
    expect(gone.status).toBe(404)
    expect(gone.text.toLowerCase()).toContain('not found')
  })

  it('refuses to delete locked, protected, Creating or Saving nodes', async () => {
    const locked = oneNode()
    sim.control.setNode({ nodeId: locked, isLocked: true })
    const prot = oneNode()
    sim.control.setNode({ nodeId: prot, isAccidentalProtection: true })
    const creating = oneNode()
    sim.control.setNode({ nodeId: creating, status: 'Creating' })
    const saving = oneNode()
    sim.control.setNode({ nodeId: saving, status: 'Saving' })
    for (const id of [locked, prot, creating, saving])
      expect((await call(sim, 'DELETE', `nodes/${id}/`)).status).toBe(412)
    expect(sim.control.getNodes(scope())).toHaveLength(4)
  })
})

describe('bulk actions', () => {
  it('PUT nodes/action-on-multiple-nodes/ applies per node and reports refusals', async () => {
    const [a, b] = sim.control.addNodes({ ...scope(), count: 2 })
    sim.control.setNode({ nodeId: b ?? 0, isLocked: true })
    const r = await call(sim, 'PUT', 'nodes/action-on-multiple-nodes/', {
      body: { node_ids: [a, b], type: 'power_off' }
    })
    const out = rows(r)
    expect(out[0]).toMatchObject({ node_id: a, action_type: 'power_off' })
    expect(out[1]).toMatchObject({ node_id: b, status: 'failed' })
    expect(truth(a ?? 0)?.status).toBe('Powered off')
    expect(truth(b ?? 0)?.status).toBe('Running')
  })
})
