import type { NodeStatus } from '../../../../shared/domain/node'

/** The chips' order: what is up, what is changing, what is down, what went wrong. */
export const NODE_STATUS_ORDER: NodeStatus[] = [
  'RUNNING',
  'CREATING',
  'REINSTALLING',
  'SAVING',
  'OFF',
  'FAILED',
  'UNKNOWN'
]
