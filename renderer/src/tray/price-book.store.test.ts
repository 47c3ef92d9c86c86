import { afterEach, describe, expect, it } from 'vitest'
import type { OsFamily } from '../../../shared/domain/catalog'
import { fail } from '../../../tests/support/renderer/fake-api'
import { installFake } from '../../../tests/support/renderer/setup-fake'
import { installBridge } from '../../../tests/support/renderer/reset'
import { makeNode, makePlan, makeProfile, makeProfileNodes } from '../../../tests/support/builders'
import { resetPriceBooks, usePriceStore } from './price-book.store'

/** A promise the test settles when it chooses: holds a catalog call in flight. */
function held<T>() {
  let resolve: (v: T) => void = () => undefined
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

const profile = makeProfile({ id: 'p1', location: 'Delhi' })
const nodes = { p1: makeProfileNodes({ profileId: 'p1', nodes: [makeNode({ id: 1, plan: 'C3.8GB' })] }) }
const ubuntu: OsFamily = {
  os: 'Ubuntu',
  displayCategories: ['Linux Virtual Node'],
  versions: [{ os: 'Ubuntu', version: '22.04', subCategory: 'Ubuntu', displayCategory: 'Linux Virtual Node' }]
}

describe('price books: prices on their way', () => {
  afterEach(() => {
    resetPriceBooks()
    installBridge(null)
  })

  it('marks a profile as fetching while its plan prices are asked for, then keeps the book', async () => {
    const os = held<OsFamily[]>()
    installFake({
      'catalog:os': () => os.promise,
      'catalog:plans': () => [makePlan()]
    })
    const done = usePriceStore.getState().update([profile], nodes)
    await Promise.resolve()
    expect(usePriceStore.getState().fetching).toEqual({ p1: true })
    expect(usePriceStore.getState().books.p1).toBeUndefined()
    os.resolve([ubuntu])
    await done
    expect(usePriceStore.getState().fetching).toEqual({})
    expect(usePriceStore.getState().books.p1?.hourlyBySku).toEqual({ 'C3.8GB': 2.7 })
  })

  it('stops fetching when the catalog fails, so the total is not held back for ever', async () => {
    installFake({
      'catalog:os': () => {
        throw fail('NETWORK', 'E2E could not be reached')
      }
    })
    await usePriceStore.getState().update([profile], nodes)
    expect(usePriceStore.getState().fetching).toEqual({})
    expect(usePriceStore.getState().books.p1).toBeUndefined()
  })
})
