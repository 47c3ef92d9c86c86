import { describe, expect, it } from 'vitest'
import type { WizardDraftData } from '../../../shared/ipc/contract'
import { WizardDraftSaveInput } from '../../../shared/ipc/schemas'
import { createWizardDrafts, DRAFT_TTL_MS } from './draft.service'

const draft = (patch: Partial<WizardDraftData> = {}): WizardDraftData => ({
  profileId: 'demo-1',
  step: 'options',
  os: { os: 'Ubuntu', version: '24.04', subCategory: 'Ubuntu', displayCategory: 'Linux Virtual Node' },
  plan: { slug: 'C3-4vCPU-8RAM-100DISK-C3.8GB-Ubuntu-24.04-Delhi', sku: 'C3.8GB' },
  name: 'web-03',
  count: 1,
  sshKeyIds: [1],
  backups: false,
  vpcId: null,
  securityGroupId: null,
  reserveIp: null,
  ipv6: false,
  startScript: 'export TOKEN=s3cret',
  diskText: '100',
  committedSkuId: null,
  ...patch
})

describe('wizard drafts', () => {
  it('keeps the last draft with its time, and forgets it on null', () => {
    let t = Date.parse('2026-12-01T10:00:00Z')
    const drafts = createWizardDrafts(() => t)
    expect(drafts.get()).toBeNull()
    drafts.save(draft({ name: 'web-01' }))
    t += 5000
    expect(drafts.save(draft())).toEqual({ saved: true })
    expect(drafts.get()).toEqual({ draft: draft(), savedAt: '2026-12-01T10:00:05.000Z' })
    expect(drafts.save(null)).toEqual({ saved: false })
    expect(drafts.get()).toBeNull()
  })

  it('keeps its own copy: changing the object saved changes nothing', () => {
    const drafts = createWizardDrafts()
    const d = draft()
    drafts.save(d)
    d.name = 'changed'
    d.sshKeyIds.push(2)
    expect(drafts.get()?.draft).toEqual(draft())
  })

  it('drops a draft older than a day', () => {
    let t = 0
    const drafts = createWizardDrafts(() => t)
    drafts.save(draft())
    t = DRAFT_TTL_MS
    expect(drafts.get()).not.toBeNull()
    t = DRAFT_TTL_MS + 1
    expect(drafts.get()).toBeNull()
  })
})

describe('the draft input schema', () => {
  it('accepts a draft and null', () => {
    expect(WizardDraftSaveInput.safeParse({ draft: draft() }).success).toBe(true)
    expect(WizardDraftSaveInput.safeParse({ draft: null }).success).toBe(true)
  })

  it('refuses unknown keys, oversize fields and a bad step', () => {
    expect(WizardDraftSaveInput.safeParse({ draft: { ...draft(), apiKey: 'x' } }).success).toBe(false)
    expect(WizardDraftSaveInput.safeParse({ draft: draft(), extra: 1 }).success).toBe(false)
    expect(WizardDraftSaveInput.safeParse({ draft: draft({ startScript: 'x'.repeat(32769) }) }).success).toBe(false)
    expect(WizardDraftSaveInput.safeParse({ draft: draft({ startScript: 'x'.repeat(32768) }) }).success).toBe(true)
    expect(WizardDraftSaveInput.safeParse({ draft: draft({ name: 'n'.repeat(101) }) }).success).toBe(false)
    expect(WizardDraftSaveInput.safeParse({ draft: draft({ count: 6 }) }).success).toBe(false)
    expect(WizardDraftSaveInput.safeParse({ draft: draft({ sshKeyIds: Array(101).fill(1) }) }).success).toBe(false)
    expect(WizardDraftSaveInput.safeParse({ draft: { ...draft(), step: 'create' } }).success).toBe(false)
    expect(WizardDraftSaveInput.safeParse({ draft: draft({ profileId: '../x' }) }).success).toBe(false)
  })
})
