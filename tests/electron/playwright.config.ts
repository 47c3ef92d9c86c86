// The Electron suite: Playwright's `_electron` against the built app (`npm run build`), one worker. Run it with
// `npm run test:electron`, which skips it with one line where Electron's binary cannot run.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '../../test-results/electron.json' }]] : 'list',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: '../../test-results/electron'
})
