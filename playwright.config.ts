import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

// Debian's Chromium when present (Playwright cannot download its own browsers here); override with CHROMIUM_PATH.
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const executablePath = existsSync(systemChromium) ? systemChromium : undefined

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  // In CI a failed test runs once more, in a fresh worker and preview host; one that passed only then is named at the
  // end of `npm test` ("flaky"). Not locally, where a flake should be seen.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  // The heaviest specs (axe and screenshots of every step, light and dark) take ~50 s on this 2-core machine when it
  // is busy: a limit near that fails them for the machine's load, not for what they check.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/playwright',
  use: {
    headless: true,
    viewport: { width: 1200, height: 800 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run'
      ]
    }
  }
})
