import { describe, expect, it } from 'vitest'
import { makeDetail, makeNode } from '../../../../tests/support/builders'
import { bookFor, costLines, machineKind, modeSummary, osLabel, specsLine, sshCommand } from './node-facts'

const NOW = Date.parse('2026-12-01T12:00:00Z')

describe('node facts in plain words', () => {
  it('names the machine kind, never the API type', () => {
    expect(machineKind(makeDetail({ vmType: 'vm' }))).toBe('Virtual machine')
    expect(machineKind(makeDetail({ vmType: 'committed_vm' }))).toBe('Virtual machine')
    expect(machineKind(makeDetail({ vmType: 'gpu_vm' }))).toBe('GPU virtual machine')
    expect(machineKind(null)).toBe('Virtual machine')
  })
  it('builds the SSH command, the image and the size line', () => {
    expect(sshCommand({ publicIp: '203.0.113.9' })).toBe('ssh root@203.0.113.9')
    expect(sshCommand({ publicIp: null })).toBeNull()
    expect(osLabel(makeDetail({ os: { name: 'Ubuntu', version: '24.04', fullName: null } }))).toBe('Ubuntu 24.04')
    expect(specsLine({ vcpus: 4, memoryGb: 8, diskGb: 100 })).toBe('4 vCPU · 8 GB RAM · 100 GB disk')
    expect(specsLine({ vcpus: null, memoryGb: null, diskGb: null })).toBe('—')
  })
  it('prices an hourly node from numbers, with a running estimate', () => {
    const node = makeNode({ plan: 'C3.8GB', isCommitted: false, createdAt: '2026-11-30T12:00:00Z' })
    const detail = makeDetail({ ...node, pricePerHour: 2.7, pricePerMonth: 1971 })
    expect(costLines(node, detail, bookFor(detail, undefined, node), NOW)).toEqual({
      rate: '₹2.70/hour · about ₹1,971/month',
      running: 'About ₹65 since 30 Nov 2026'
    })
    // Without the detail, the tray's catalog price is used; without either, nothing is guessed.
    const shared = { hourlyBySku: { 'C3.8GB': 3 }, committed: {} }
    expect(costLines(node, null, bookFor(null, shared, node), NOW)?.rate).toBe('₹3.00/hour · about ₹2,190/month')
    expect(costLines(node, null, bookFor(null, undefined, node), NOW)).toBeNull()
  })
  it('says what happens at the term end', () => {
    expect(modeSummary('auto_renew', { days: 365, price: 38412 })).toBe('Renews automatically: ₹38,412 for 365 days.')
    expect(modeSummary('hourly_billing', null)).toBe('Switches to hourly billing.')
    expect(modeSummary('auto_terminate', null)).toBe('E2E deletes the node and all of its backups.')
    expect(modeSummary(null, null)).toMatch(/^Not known yet/)
  })
})
