// The wizard's draft as main keeps it (wizard:draft-save): plain choices, the plan by slug so prices are read
// again on resume. Pure, for the tests.
import type { WizardDraftData } from '../../../../shared/ipc/contract'
import { WIZARD_DRAFT_MAX_SCRIPT, WIZARD_DRAFT_STEPS } from '../../../../shared/ipc/schemas'
import { EMPTY_DRAFT, type StepId, type WizardDraft } from './wizard.types'

export type DraftStep = WizardDraftData['step']

export const isDraftStep = (step: StepId): step is DraftStep => (WIZARD_DRAFT_STEPS as readonly string[]).includes(step)

/** Nothing chosen or typed yet: closing loses nothing, so it needs no question. */
export function isPristine(d: WizardDraft): boolean {
  // The wizard fills in a free name (node-01) by itself; only a name the user typed counts as work.
  const typedName = d.name !== '' && !/^node-\d{2}$/.test(d.name)
  return !typedName && JSON.stringify({ ...d, name: '' }) === JSON.stringify({ ...EMPTY_DRAFT, name: '' })
}

/** What main should keep, or null when it cannot be kept (a start script far over the limit). */
export function toSaved(
  d: WizardDraft,
  step: DraftStep,
  profileId: string,
  /** A resumed plan not yet read again: kept as it was. */
  pendingPlan: WizardDraftData['plan'] = null
): WizardDraftData | null {
  if (d.startScript.length > WIZARD_DRAFT_MAX_SCRIPT || d.name.length > 100 || d.diskText.length > 16) return null
  return {
    profileId,
    step,
    os: d.os,
    plan: d.plan ? { slug: d.plan.slug, sku: d.plan.sku } : pendingPlan,
    name: d.name,
    count: d.count,
    sshKeyIds: d.sshKeyIds,
    backups: d.backups,
    vpcId: d.vpcId,
    securityGroupId: d.securityGroupId,
    reserveIp: d.reserveIp,
    ipv6: d.ipv6,
    startScript: d.startScript,
    diskText: d.diskText,
    committedSkuId: d.committedSkuId
  }
}

/** The draft back in the wizard. The plan comes back once the plan list for its OS has loaded. */
export function fromSaved(s: WizardDraftData): WizardDraft {
  return {
    os: s.os,
    plan: null,
    name: s.name,
    count: s.count,
    sshKeyIds: s.sshKeyIds,
    backups: s.backups,
    vpcId: s.vpcId,
    securityGroupId: s.securityGroupId,
    reserveIp: s.reserveIp,
    ipv6: s.ipv6,
    startScript: s.startScript,
    diskText: s.diskText,
    committedSkuId: s.committedSkuId
  }
}

/** "web-03 · C3.8GB · Ubuntu 24.04", for the resume offer and the discard question. */
export function describeDraft(s: {
  name: string
  plan: { sku: string } | null
  os: { os: string; version: string } | null
}): string {
  const parts = [s.name || null, s.plan?.sku ?? null, s.os ? `${s.os.os} ${s.os.version}` : null]
  return parts.filter((p): p is string => p !== null).join(' · ') || 'No choices yet'
}
