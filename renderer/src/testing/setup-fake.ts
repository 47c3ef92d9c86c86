// Per-test wiring: fresh stores, a fresh fake bridge, and a viewport the virtualiser can measure in jsdom.
import { afterEach, beforeEach } from 'vitest'
import { setBridgeForTests } from '../lib/ipc'
import { resetStores } from '../stores/reset'
import { createFakeApi, type FakeApi, type FakeHandlers, type FakeState } from './fake-api'

let installed: FakeApi | null = null

export function installFake(overrides: Partial<FakeHandlers> = {}, initial: Partial<FakeState> = {}): FakeApi {
  installed = createFakeApi(overrides, initial)
  setBridgeForTests(installed)
  return installed
}

/** jsdom lays nothing out; give scroll containers a height so the virtualiser renders rows. */
export function stubJsdomViewport(height = 800): void {
  let restore: (() => void) | null = null
  beforeEach(() => {
    const desc = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height })
    restore = () => {
      if (desc) Object.defineProperty(HTMLElement.prototype, 'clientHeight', desc)
    }
  })
  afterEach(() => restore?.())
}

export function resetStoresAfterEach(): void {
  beforeEach(() => resetStores())
  afterEach(() => {
    setBridgeForTests(null)
    installed = null
  })
}
