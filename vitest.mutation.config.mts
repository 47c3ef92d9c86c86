// vitest for StrykerJS (`npm run mutate`): the same `main` and `renderer` projects as vitest.config.mts, minus the
// long-running suites (the 1,000-operation fault soak, the crash-safety child processes, the 300-runs-per-channel
// fuzzer). Stryker runs each mutant against the tests that cover it, so the quick, focused tests must be the ones
// that kill it. scripts/mutate.mjs names each module group's test files in NODETRAY_MUTATE_TESTS (comma-separated
// globs); then only those run. (Not Stryker's own `testFiles`: with it, Stryker 9.6 activates static mutants after
// their module has loaded, and reports them as surviving; stryker-js issue #6144.)
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

const slow = [
  'tests/integration/fault-soak.test.ts',
  'tests/integration/crash-safety.test.ts',
  'tests/integration/ipc-fuzz.test.ts'
]

const only = process.env.NODETRAY_MUTATE_TESTS?.split(',').filter(Boolean)

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          environment: 'node',
          include: only ?? [
            'electron/**/*.test.ts',
            'shared/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/security/**/*.test.ts'
          ],
          exclude: ['**/node_modules/**', ...slow],
          setupFiles: ['tests/setup/electron-mock.ts'],
          testTimeout: 20_000
        }
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: only ? [] : ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['tests/setup/renderer.ts']
        }
      }
    ]
  }
})
