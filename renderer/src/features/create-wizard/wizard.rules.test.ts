import { describe, expect, it } from 'vitest'
import { CreateNodeInput } from '../../../../shared/ipc/schemas'
import { AppError } from '../../lib/ipc'
import { describeCreateFailure } from './create-failure'
import { OPTIONS, PLANS } from '../../../../tests/support/renderer/wizard-fixtures'
import { buildCreateInput, nameError, optionErrors, optionsBlockedReason } from './wizard.rules'
import { EMPTY_DRAFT, type WizardDraft } from './wizard.types'

const e1 = PLANS.find((p) => p.requiresDisk)
const uuid = '2f1c6f1e-4a8b-4f6e-9a53-0d8a2b7c1e55'

describe('buildCreateInput', () => {
  it('produces an input main accepts, with the disk for E1 and the reserved IP for one node', () => {
    const draft: WizardDraft = {
      ...EMPTY_DRAFT,
      plan: e1 ?? null,
      name: 'db_1',
      diskText: '250',
      reserveIp: '203.0.113.10',
      sshKeyIds: [2],
      startScript: 'echo hi'
    }
    const input = buildCreateInput(draft, { profileId: 'p1', requestId: uuid, sshKeys: OPTIONS.sshKeys })
    expect(CreateNodeInput.safeParse(input).success).toBe(true)
    expect(input).toMatchObject({
      disk: 250,
      reserveIp: '203.0.113.10',
      sshKeys: [OPTIONS.sshKeys[1]?.publicKey],
      startScript: 'echo hi'
    })
  })

  it('the page refuses what main would refuse', () => {
    const draft: WizardDraft = {
      ...EMPTY_DRAFT,
      plan: e1 ?? null,
      name: 'db',
      diskText: '175',
      reserveIp: '203.0.113.10',
      count: 2
    }
    const errors = optionErrors(draft, new Set())
    expect(errors).toEqual({
      disk: 'From 150 GB, disk size goes in steps of 50 GB',
      reserveIp: 'A reserved IP can be used for one node only'
    })
    const parsed = CreateNodeInput.safeParse({
      ...buildCreateInput({ ...draft, count: 1 }, { profileId: 'p1', requestId: uuid, sshKeys: [] }),
      count: 2
    })
    expect(parsed.success).toBe(false)
  })

  it('checks the suffixed names for several nodes', () => {
    expect(nameError('web', 2, new Set(['web-2']))).toBe('web-2 already exists in this project and location')
    expect(nameError('web', 1, new Set(['web-2']))).toBeNull()
  })
})

describe('describeCreateFailure', () => {
  const err = (data: ConstructorParameters<typeof AppError>[0]) => describeCreateFailure(new AppError(data))

  it('treats an ambiguous error without a verdict as unknown', () => {
    for (const code of ['TIMEOUT', 'SERVER', 'RATE_LIMITED', 'NETWORK'] as const) {
      expect(err({ code, message: 'x' }).kind).toBe('unknown')
    }
  })

  it('trusts main when it knows the node was not made', () => {
    const f = err({ code: 'SERVER', message: 'x', createOutcome: 'not_created' })
    expect(f).toMatchObject({ kind: 'not_created', title: 'The node was not created.', canRetry: true })
  })

  it('a refused choice sends the user back to the options rather than retrying', () => {
    expect(err({ code: 'VALIDATION', message: 'Bad plan', field: 'plan' })).toMatchObject({
      kind: 'not_created',
      canRetry: false,
      fixInOptions: true
    })
    expect(err({ code: 'NO_CREDIT', message: 'x' }).detail).toMatch(/enough credit/)
  })
})

describe('optionsBlockedReason', () => {
  it('says which fields to fix and what is wrong, without leaning on colour', () => {
    expect(optionsBlockedReason({})).toBeNull()
    expect(optionsBlockedReason({ startScript: 'The start script is too long: at most 16,384 characters' })).toBe(
      'Fix the start script first: The start script is too long: at most 16,384 characters'
    )
    expect(
      optionsBlockedReason({
        startScript: 'The start script is too long',
        name: 'Name is required',
        reserveIp: 'A reserved IP can be used for one node only'
      })
    ).toBe(
      'Fix the name, the reserved IP and the start script first. Name is required. A reserved IP can be used for one ' +
        'node only. The start script is too long.'
    )
  })
})
