// StrykerJS: mutation testing of the code that guards money and keys. Run it with `npm run mutate`
// (scripts/mutate.mjs: one module group at a time, each group's score on one line); `npx stryker run` alone
// mutates every group at once. Not part of `npm test`: on 2 cores a full run takes tens of minutes.
import { readFileSync } from 'node:fs'

/** Lines `from`…`to` (1-based, inclusive) of `file`, found by content so edits elsewhere in the file do not shift them. */
function linesOf(file, startsWith, endsWith) {
  const lines = readFileSync(file, 'utf8').split('\n')
  const from = lines.findIndex((l) => startsWith.test(l))
  const to = from < 0 ? -1 : lines.findIndex((l, i) => i > from && endsWith.test(l))
  if (from < 0 || to < 0) throw new Error(`stryker.config.mjs: cannot find the mutated lines in ${file}`)
  return `${file}:${from + 1}-${to + 1}`
}

/**
 * Module groups, in the order `npm run mutate` runs them: the files to mutate and the test files that guard them.
 * Naming the tests keeps a run short (a schema's mutants are static: each one runs every test given) and shows that
 * the module's own focused tests kill its mutants; the soak, crash and fuzz suites are not needed for that.
 * scripts/mutate.mjs hands the test list to vitest.mutation.config.mts.
 */
export const MUTATION_GROUPS = {
  ipc: {
    mutate: [
      'shared/ipc/schemas.ts',
      'electron/main/ipc/registry.ts',
      'electron/main/ipc/sender.ts',
      // validationError (zod issues → the VALIDATION envelope naming the field) moved here from the registry.
      'electron/main/errors.ts'
    ],
    tests: [
      'tests/security/ipc-schemas.test.ts',
      'tests/security/ipc-registry.test.ts',
      'tests/security/domain-error.test.ts',
      'tests/integration/ipc-unknown-keys.test.ts',
      'electron/main/ipc/registry.test.ts',
      'electron/main/ipc/sender.test.ts'
    ]
  },
  redaction: {
    mutate: [
      'electron/main/redact.ts',
      // The API client's own scrubber (patterns plus the target's key and token, raw and URL-encoded).
      linesOf('electron/main/api/http.ts', /const secrets = \[target\.apiKey/, /^ {2}}$/)
    ],
    tests: [
      'electron/main/redact.test.ts',
      'tests/security/api-scrub.test.ts',
      'tests/security/ipc-registry.test.ts',
      'electron/main/ipc/registry.test.ts'
    ]
  },
  'atomic-file': {
    mutate: ['electron/main/profiles/atomic-file.ts'],
    tests: ['electron/main/profiles/*.test.ts', 'tests/security/atomic-file*.test.ts']
  },
  'create-delete': {
    mutate: ['electron/main/nodes/create-command.ts', 'electron/main/nodes/pending.ts', 'shared/domain/node-rules.ts'],
    tests: [
      'electron/main/nodes/*.test.ts',
      'shared/domain/*.test.ts',
      'tests/security/node-rules.test.ts',
      'tests/security/create-request.test.ts',
      'tests/security/pending-actions.test.ts',
      'tests/security/create-command-mutants.test.ts'
    ]
  },
  profiles: {
    mutate: ['electron/main/profiles/profile-mutations.ts'],
    tests: ['electron/main/profiles/*.test.ts', 'tests/security/profile-mutations-mutants.test.ts']
  },
  poller: {
    mutate: ['electron/main/poller/poller.ts', 'electron/main/poller/request-counter.ts'],
    tests: [
      'electron/main/poller/*.test.ts',
      'electron/main/nodes/nodes.service.test.ts',
      'tests/security/poller-*.test.ts'
    ]
  },
  'request-guard': {
    mutate: ['electron/preview/request-guard.ts'],
    tests: ['electron/preview/*.test.ts', 'tests/security/preview-*.test.ts']
  }
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // The unit projects without the long soaks; `related` runs only the tests that import the mutated file.
  vitest: { configFile: 'vitest.mutation.config.mts', related: true },
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 15_000,
  timeoutFactor: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: [
    'out',
    'release',
    'artifacts',
    'docs',
    'test-results',
    'playwright-report',
    '.preview-data',
    'tests/e2e',
    'tests/bench'
  ],
  mutate: Object.values(MUTATION_GROUPS).flatMap((g) => g.mutate)
}
