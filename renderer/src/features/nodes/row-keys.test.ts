import { describe, expect, it } from 'vitest'
import { columnFor, rowMoveOf, rowMoveTarget, rowsPerPage, type KeyLike } from './row-keys'

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods
})

describe('rowMoveOf', () => {
  it('maps the list keys to moves', () => {
    expect(rowMoveOf(key('ArrowDown'))).toBe('next')
    expect(rowMoveOf(key('ArrowUp'))).toBe('prev')
    expect(rowMoveOf(key('Home'))).toBe('first')
    expect(rowMoveOf(key('End'))).toBe('last')
    expect(rowMoveOf(key('PageDown'))).toBe('pageDown')
    expect(rowMoveOf(key('PageUp'))).toBe('pageUp')
  })

  it('takes Shift on the arrows and Ctrl on Home/End, nothing with Alt or Cmd, other keys never', () => {
    expect(rowMoveOf(key('ArrowDown', { shiftKey: true }))).toBe('next')
    expect(rowMoveOf(key('Home', { ctrlKey: true }))).toBe('first')
    expect(rowMoveOf(key('End', { ctrlKey: true }))).toBe('last')
    expect(rowMoveOf(key('ArrowDown', { ctrlKey: true }))).toBeNull()
    expect(rowMoveOf(key('Home', { shiftKey: true }))).toBeNull()
    expect(rowMoveOf(key('ArrowUp', { altKey: true }))).toBeNull()
    expect(rowMoveOf(key('End', { metaKey: true }))).toBeNull()
    expect(rowMoveOf(key('PageDown', { shiftKey: true }))).toBeNull()
    for (const k of ['ArrowLeft', 'ArrowRight', 'Enter', ' ', 'Tab', 'a', 'Delete'])
      expect(rowMoveOf(key(k))).toBeNull()
  })
})

describe('rowMoveTarget', () => {
  it('steps one row and stops at the ends', () => {
    expect(rowMoveTarget(3, 'next', 10, 5)).toBe(4)
    expect(rowMoveTarget(3, 'prev', 10, 5)).toBe(2)
    expect(rowMoveTarget(9, 'next', 10, 5)).toBe(9)
    expect(rowMoveTarget(0, 'prev', 10, 5)).toBe(0)
  })

  it('goes to the first and last row from anywhere', () => {
    expect(rowMoveTarget(5, 'first', 10, 5)).toBe(0)
    expect(rowMoveTarget(5, 'last', 10, 5)).toBe(9)
    expect(rowMoveTarget(null, 'last', 10_000, 5)).toBe(9_999)
  })

  it('pages by the rows that fit, clamped', () => {
    expect(rowMoveTarget(2, 'pageDown', 100, 12)).toBe(14)
    expect(rowMoveTarget(95, 'pageDown', 100, 12)).toBe(99)
    expect(rowMoveTarget(14, 'pageUp', 100, 12)).toBe(2)
    expect(rowMoveTarget(5, 'pageUp', 100, 12)).toBe(0)
    expect(rowMoveTarget(5, 'pageDown', 100, 0)).toBe(6)
  })

  it('from outside the rows (header, box), down enters at the top and up does nothing', () => {
    expect(rowMoveTarget(null, 'next', 10, 5)).toBe(0)
    expect(rowMoveTarget(null, 'pageDown', 10, 5)).toBe(0)
    expect(rowMoveTarget(null, 'prev', 10, 5)).toBeNull()
    expect(rowMoveTarget(null, 'pageUp', 10, 5)).toBeNull()
  })

  it('has nowhere to go in an empty list', () => {
    expect(rowMoveTarget(null, 'first', 0, 5)).toBeNull()
    expect(rowMoveTarget(0, 'next', 0, 5)).toBeNull()
  })
})

describe('rowsPerPage', () => {
  it('counts the rows under the header, less one kept for context, at least one', () => {
    expect(rowsPerPage(34 + 38 * 10, 34, 38)).toBe(9)
    expect(rowsPerPage(34 + 38 * 10 + 20, 34, 38)).toBe(9)
    expect(rowsPerPage(60, 34, 38)).toBe(1)
  })
})

describe('columnFor', () => {
  it('keeps the remembered column on the control a move landed on (a fallback), else takes the one focused', () => {
    expect(columnFor('open', true, 'copy')).toBe('copy')
    expect(columnFor('menu', false, 'copy')).toBe('menu')
    expect(columnFor(null, false, 'check')).toBe('check')
  })
})
