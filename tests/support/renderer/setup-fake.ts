// Per-test wiring: everything reset (reset.ts), a fresh fake bridge, and a viewport the virtualiser can measure in jsdom.
import { afterEach, beforeEach } from 'vitest'
import { createFakeApi, type FakeApi, type FakeHandlers, type FakeState } from './fake-api'
import { installBridge, resetForTests } from './reset'

let installed: FakeApi | null = null

export function installFake(overrides: Partial<FakeHandlers> = {}, initial: Partial<FakeState> = {}): FakeApi {
  installed = createFakeApi(overrides, initial)
  installBridge(installed)
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

/** resetForTests() before and after each test: stores, start-up, bridge and saved first screen. */
export function resetStoresAfterEach(): void {
  beforeEach(() => resetForTests())
  afterEach(() => {
    resetForTests()
    installed = null
  })
}
