// The one `electron` mock for every main-process test. Recent electron packages download their
// binary on the first real require('electron') and throw offline, so nothing may load the real module.
// Specs override behaviour with vi.mocked(...) and the helpers exported from tests/setup/fake-electron.ts.
import { vi } from 'vitest'
import { createFakeElectron } from './fake-electron'

vi.mock('electron', () => createFakeElectron())
// keytar is a native module; unit tests use the in-memory vault. Real-keyring tests live in tests/keyring.
vi.mock('keytar', () => {
  const fail = (): never => {
    throw new Error('keytar is not available in unit tests; inject MemoryVault')
  }
  return { default: { getPassword: fail, setPassword: fail, deletePassword: fail, findCredentials: fail } }
})
