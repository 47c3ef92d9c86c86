// Validation for the options step, using the same shared rules main applies, plus the checks only the page can
// make (the name is free in this project). Pure: the form shows these as the user types.
import { diskSizeError } from '../../../../shared/domain/catalog'
import type { SshKey } from '../../../../shared/domain/resources'
import { NodeName } from '../../../../shared/ipc/schemas'
import type { InvokeInput } from '../../../../shared/ipc/contract'
import type { WizardDraft } from './wizard.types'

export const MAX_COUNT = 5
export const MAX_SCRIPT_CHARS = 16384

export type CreateNodeInput = InvokeInput<'nodes:create'>

/** The names the API will give: the name itself for one node, name-1 … name-N for several. */
export function nodeNames(base: string, count: number): string[] {
  if (count <= 1) return [base]
  return Array.from({ length: count }, (_, i) => `${base}-${i + 1}`)
}

export function nameError(name: string, count: number, existing: ReadonlySet<string>): string | null {
  if (name === '') return 'Name is required'
  const own = NodeName.safeParse(name)
  if (!own.success) return own.error.issues[0]?.message ?? 'Name is not valid'
  const names = nodeNames(name, count)
  if (names.some((n) => !NodeName.safeParse(n).success)) {
    return `With ${count} nodes, -1 … -${count} is added to the name: keep it to ${50 - String(count).length - 1} characters`
  }
  const taken = names.find((n) => existing.has(n))
  return taken ? `${taken} already exists in this project and location` : null
}

/** Parses the typed disk size; the error is the shared E1 rule's wording. */
export function diskError(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return 'Enter a disk size in GB'
  if (!/^\d+$/.test(trimmed)) return 'Disk size must be a whole number of GB'
  return diskSizeError(Number(trimmed))
}

export interface OptionErrors {
  name?: string
  disk?: string
  reserveIp?: string
  startScript?: string
  sshKeys?: string
}

export function optionErrors(draft: WizardDraft, existingNames: ReadonlySet<string>): OptionErrors {
  const errors: OptionErrors = {}
  const name = nameError(draft.name, draft.count, existingNames)
  if (name) errors.name = name
  if (draft.plan?.requiresDisk) {
    const disk = diskError(draft.diskText)
    if (disk) errors.disk = disk
  }
  if (draft.reserveIp !== null && draft.count > 1) errors.reserveIp = 'A reserved IP can be used for one node only'
  if (draft.startScript.length > MAX_SCRIPT_CHARS) {
    errors.startScript = `The start script is too long: at most ${MAX_SCRIPT_CHARS.toLocaleString('en-IN')} characters`
  }
  if (draft.sshKeyIds.length > 20) errors.sshKeys = 'Choose at most 20 SSH keys'
  return errors
}

export const hasErrors = (errors: OptionErrors): boolean => Object.keys(errors).length > 0

/** Each field with an error, in the order the form shows them, as Next's reason names it. */
const FIELD_NAMES: [keyof OptionErrors, string, string][] = [
  ['name', 'the name', 'Name'],
  ['disk', 'the disk size', 'Disk size'],
  ['sshKeys', 'the SSH keys', 'SSH keys'],
  ['reserveIp', 'the reserved IP', 'Reserved IP'],
  ['startScript', 'the start script', 'Start script']
]

/**
 * Why Next waits on the options step, in words: which field and what is wrong with it. The red outline alone says
 * nothing to someone who cannot see it, and a tooltip or a screen reader reads only this sentence.
 */
export function optionsBlockedReason(errors: OptionErrors): string | null {
  const bad = FIELD_NAMES.flatMap(([key, field, label]) => {
    const message = errors[key]
    return message ? [{ field, label, message }] : []
  })
  const [only] = bad
  if (!only) return null
  if (bad.length === 1) {
    // "Name: 1–50 letters…" after "Fix the name first:" would say the field twice.
    const message = only.message.startsWith(`${only.label}: `)
      ? only.message.slice(only.label.length + 2)
      : only.message
    return `Fix ${only.field} first: ${message}`
  }
  const fields = bad.map((b) => b.field)
  const list = `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`
  return `Fix ${list} first. ${bad.map((b) => `${b.message.replace(/\.$/, '')}.`).join(' ')}`
}

/** The IPC input for this draft. Throws if called before a plan and OS were chosen (the steps prevent that). */
export function buildCreateInput(
  draft: WizardDraft,
  ctx: { profileId: string; requestId: string; sshKeys: SshKey[] }
): CreateNodeInput {
  const { plan } = draft
  if (!plan) throw new Error('No plan chosen')
  const script = draft.startScript.trim()
  return {
    profileId: ctx.profileId,
    requestId: ctx.requestId,
    name: draft.name,
    plan: plan.slug,
    image: plan.image,
    count: draft.count,
    sshKeys: ctx.sshKeys.filter((k) => draft.sshKeyIds.includes(k.id)).map((k) => k.publicKey),
    backups: draft.backups,
    ipv6: draft.ipv6,
    ...(draft.vpcId !== null ? { vpcId: draft.vpcId } : {}),
    ...(draft.securityGroupId !== null ? { securityGroupId: draft.securityGroupId } : {}),
    ...(draft.reserveIp !== null && draft.count === 1 ? { reserveIp: draft.reserveIp } : {}),
    ...(script !== '' ? { startScript: draft.startScript } : {}),
    ...(plan.requiresDisk ? { disk: Number(draft.diskText.trim()) } : {}),
    ...(draft.committedSkuId !== null ? { committedSkuId: draft.committedSkuId } : {})
  }
}

/** A free name like node-01 to start from, so the common case is one click. */
export function suggestName(existing: ReadonlySet<string>): string {
  for (let i = 1; i < 1000; i++) {
    const candidate = `node-${String(i).padStart(2, '0')}`
    if (!existing.has(candidate)) return candidate
  }
  return ''
}
