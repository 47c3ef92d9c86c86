import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { bindPowerEvents } from './power-events'

describe('power events', () => {
  it('suspends polling on sleep and screen lock, resumes on wake and unlock, and unbinds', () => {
    const monitor = new EventEmitter()
    const nodes = { setSuspended: vi.fn() }
    const unbind = bindPowerEvents(monitor, nodes)
    for (const e of ['suspend', 'resume', 'lock-screen', 'unlock-screen']) monitor.emit(e)
    expect(nodes.setSuspended.mock.calls).toEqual([[true], [false], [true], [false]])
    unbind()
    monitor.emit('suspend')
    expect(nodes.setSuspended).toHaveBeenCalledTimes(4)
    expect(monitor.eventNames()).toEqual([])
  })
})
