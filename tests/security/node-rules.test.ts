// Which action a node allows, and why not, is one table shared by the window, the tray and main's own checks (a
// delete main refuses costs nothing; one it wrongly allows erases a disk). Every action in every state, with the
// reason a person reads on the disabled button.
import { describe, expect, it } from 'vitest'
import type { NodeAction, NodeStatus } from '../../shared/domain/node'
import {
  ACTION_LABEL,
  actionAvailability,
  deleteAvailability,
  termEndDeleteAvailability
} from '../../shared/domain/node-rules'

const node = (status: NodeStatus, extra: { isLocked?: boolean; isProtected?: boolean } = {}) => ({
  status,
  isLocked: extra.isLocked ?? false,
  isProtected: extra.isProtected ?? false
})
const ok = { allowed: true }
const no = (reason: string) => ({ allowed: false, reason })
const LOCKED = 'The node is locked; unlock it first'

describe('power and reboot', () => {
  it.each<[NodeAction, NodeStatus, object]>([
    ['power_on', 'OFF', ok],
    ['power_on', 'RUNNING', no('Already running')],
    ['power_on', 'CREATING', no('Not possible while Creating')],
    ['power_on', 'SAVING', no('Not possible while Saving image')],
    ['power_off', 'RUNNING', ok],
    ['power_off', 'OFF', no('Already powered off')],
    ['power_off', 'REINSTALLING', no('Not possible while Reinstalling')],
    ['power_off', 'FAILED', no('Not possible while Failed')],
    ['reboot', 'RUNNING', ok],
    ['reboot', 'OFF', no('Only a running node can be rebooted')],
    ['reboot', 'CREATING', no('Only a running node can be rebooted')]
  ])('%s on a %s node', (action, status, expected) => {
    expect(actionAvailability(node(status), action)).toEqual(expected)
  })

  it.each<NodeAction>(['power_on', 'power_off', 'reboot'])(
    '%s is refused on a locked node, whatever its state',
    (action) => {
      for (const status of ['RUNNING', 'OFF'] as const)
        expect(actionAvailability(node(status, { isLocked: true }), action).allowed).toBe(false)
    }
  )

  it('a locked node says it is locked where unlocking would help, and "already" where it would not', () => {
    const locked = (status: 'RUNNING' | 'OFF') => node(status, { isLocked: true })
    expect(actionAvailability(locked('OFF'), 'power_on')).toEqual(no(LOCKED))
    expect(actionAvailability(locked('RUNNING'), 'power_off')).toEqual(no(LOCKED))
    expect(actionAvailability(locked('RUNNING'), 'reboot')).toEqual(no(LOCKED))
    expect(actionAvailability(locked('RUNNING'), 'power_on')).toEqual(no('Already running'))
    expect(actionAvailability(locked('OFF'), 'power_off')).toEqual(no('Already powered off'))
  })
})

describe('delete at the end of a committed term', () => {
  it('is refused while the node is locked or protected, as a delete is', () => {
    expect(termEndDeleteAvailability(node('RUNNING'))).toEqual(ok)
    expect(termEndDeleteAvailability(node('RUNNING', { isLocked: true })).reason).toMatch(/locked\. Unlock it/)
    expect(termEndDeleteAvailability(node('OFF', { isProtected: true })).reason).toMatch(
      /protection is on\. Turn it off before choosing to delete the node at the end of its term/
    )
  })
})

describe('lock and protection', () => {
  it('lock and unlock flip, and say when there is nothing to do', () => {
    expect(actionAvailability(node('RUNNING'), 'lock_vm')).toEqual(ok)
    expect(actionAvailability(node('RUNNING', { isLocked: true }), 'lock_vm')).toEqual(no('Already locked'))
    expect(actionAvailability(node('OFF', { isLocked: true }), 'unlock_vm')).toEqual(ok)
    expect(actionAvailability(node('OFF'), 'unlock_vm')).toEqual(no('Not locked'))
  })

  it('delete protection turns on and off, and says when there is nothing to do', () => {
    expect(actionAvailability(node('RUNNING'), 'enable_accidental_protection')).toEqual(ok)
    expect(actionAvailability(node('RUNNING', { isProtected: true }), 'enable_accidental_protection')).toEqual(
      no('Protection is already on')
    )
    expect(actionAvailability(node('RUNNING', { isProtected: true }), 'disable_accidental_protection')).toEqual(ok)
    expect(actionAvailability(node('RUNNING'), 'disable_accidental_protection')).toEqual(
      no('Protection is already off')
    )
  })
})

describe('delete', () => {
  it.each<[string, ReturnType<typeof node>, object]>([
    ['a running node', node('RUNNING'), ok],
    ['a powered-off node', node('OFF'), ok],
    ['a failed node', node('FAILED'), ok],
    ['a locked node', node('RUNNING', { isLocked: true }), no('The node is locked. Unlock it before deleting.')],
    [
      'a protected node',
      node('OFF', { isProtected: true }),
      no('Accidental-delete protection is on. Turn it off before deleting.')
    ],
    ['a node being created', node('CREATING'), no('The node is still being created; wait until it is running.')],
    ['a node saving an image', node('SAVING'), no('An image is being saved from this node; wait until it finishes.')],
    ['a node being reinstalled', node('REINSTALLING'), no('The node is being reinstalled; wait until it finishes.')]
  ])('%s', (_what, n, expected) => {
    expect(deleteAvailability(n)).toEqual(expected)
  })
})

describe('labels', () => {
  it('names every action as the buttons and the tray do', () => {
    expect(ACTION_LABEL).toEqual({
      power_on: 'Power on',
      power_off: 'Power off',
      reboot: 'Reboot',
      lock_vm: 'Lock',
      unlock_vm: 'Unlock',
      enable_accidental_protection: 'Turn on delete protection',
      disable_accidental_protection: 'Turn off delete protection'
    })
  })
})
