import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach, beforeAll } from 'vitest'
import { preloadScreens } from '../../renderer/src/lazy-screens'

// The app loads its secondary screens lazily. Load them up front here so a test's wait covers React's one
// suspended render, not vitest transforming a chunk (which can take over a second on a busy machine).
beforeAll(async () => {
  await preloadScreens()
})

afterEach(() => {
  cleanup()
})
