import { describe, expect, it } from 'vitest'
import { call } from './ipc'

describe('call', () => {
  // A wizard effect that ran after its test's bridge had gone threw out of React ("bridge is missing") instead of
  // taking the failure path its `.then(ok, failed)` has for it.
  it('a missing bridge is a rejected promise, never a throw before it returns', async () => {
    let promise: Promise<unknown> | undefined
    expect(() => {
      promise = call((api) => api.app.info({}))
    }).not.toThrow()
    await expect(promise).rejects.toThrow('The Nodetray bridge is missing')
  })
})
