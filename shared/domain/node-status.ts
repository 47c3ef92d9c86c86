import type { NodeStatus } from './node'

/** §3 of the API notes: lower-case, letters only, then map the known spellings. */
export function normalizeStatus(raw: string | null | undefined): NodeStatus {
  const s = (raw ?? '').toLowerCase().replace(/[^a-z]/g, '')
  if (s === 'poweredoff' || s === 'stopped') return 'OFF'
  if (s === 'running') return 'RUNNING'
  if (s === 'creating' || s === 'pending' || s === 'created') return 'CREATING'
  if (s === 'reinstalling') return 'REINSTALLING'
  if (s === 'saving') return 'SAVING'
  if (s.startsWith('fail') || s.startsWith('error')) return 'FAILED'
  return 'UNKNOWN'
}

/** Transitional states are polled fast; UNKNOWN counts as transitional because we cannot tell. */
export function isTransitional(status: NodeStatus): boolean {
  return status === 'CREATING' || status === 'REINSTALLING' || status === 'SAVING' || status === 'UNKNOWN'
}

export const STATUS_LABEL: Record<NodeStatus, string> = {
  RUNNING: 'Running',
  OFF: 'Powered off',
  CREATING: 'Creating',
  REINSTALLING: 'Reinstalling',
  SAVING: 'Saving image',
  FAILED: 'Failed',
  UNKNOWN: 'Unknown'
}

const nameCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/** The list's default order ("web-2" before "web-10"); main cuts the first snapshot page with the same rule. */
export function compareNodesByName(a: { name: string; id: number }, b: { name: string; id: number }): number {
  return nameCollator.compare(a.name, b.name) || a.id - b.id
}
