import { beforeEach, describe, expect, it } from 'vitest'
import { useSelectionStore } from './selection.store'

const order = ['a', 'b', 'c', 'd', 'e']
const sel = () => useSelectionStore.getState()
const checked = () => [...sel().ids].sort()

beforeEach(() => sel().clear())

describe('checking a range', () => {
  it('a second Shift-click nearer the anchor shrinks the range to it', () => {
    sel().toggle('b')
    sel().extend('d', order)
    expect(checked()).toEqual(['b', 'c', 'd'])
    sel().extend('c', order)
    expect(checked()).toEqual(['b', 'c'])
    // And across the anchor: the range flips to the other side.
    sel().extend('a', order)
    expect(checked()).toEqual(['a', 'b'])
  })

  it('keeps rows checked before the anchor was set, wherever the range goes', () => {
    sel().toggle('e')
    sel().toggle('a')
    sel().extend('c', order)
    expect(checked()).toEqual(['a', 'b', 'c', 'e'])
    sel().extend('a', order)
    expect(checked()).toEqual(['a', 'e'])
  })

  it('an unchecked anchor unchecks its range, and shrinking gives those rows back', () => {
    sel().setMany(order, true)
    sel().toggle('b')
    sel().extend('d', order)
    expect(checked()).toEqual(['a', 'e'])
    sel().extend('c', order)
    expect(checked()).toEqual(['a', 'd', 'e'])
  })

  it('after check-all the next range starts from what is checked then', () => {
    sel().toggle('a')
    sel().setMany(['d', 'e'], true)
    sel().extend('b', order)
    expect(checked()).toEqual(['a', 'b', 'd', 'e'])
  })
})
