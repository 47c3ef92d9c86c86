// Reads the JSON reports of vitest and Playwright into counts and the failed and flaky tests by name, for `npm test`'s
// summary.
import { relative } from 'node:path'

// The first line of a failure's message, without colour codes, short enough for a summary line.
export const firstLine = (text) =>
  String(text ?? '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean)
    ?.slice(0, 160) ?? ''

// A test that failed and then passed on CI's one retry is "flaky": counted as passed, and named apart.
export const vitestReport = (json, cwd = process.cwd()) => {
  const named = (where, t) => ({ where, title: t.fullName ?? t.title, why: firstLine(t.failureMessages?.[0]) })
  const files = (json.testResults ?? []).map((file) => ({ file, where: relative(cwd, file.name ?? '') }))
  return {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    failures: files.flatMap(({ file, where }) => {
      const tests = (file.assertionResults ?? []).filter((t) => t.status === 'failed')
      // A file that failed before any test ran (an import error) has no failed test to name.
      if (!tests.length && file.status === 'failed')
        return [{ where, title: '(the file failed to run)', why: firstLine(file.message) }]
      return tests.map((t) => named(where, t))
    }),
    // vitest keeps a retried test's earlier errors on the test that then passed.
    flaky: files.flatMap(({ file, where }) =>
      (file.assertionResults ?? [])
        .filter((t) => t.status === 'passed' && t.failureMessages?.length)
        .map((t) => named(where, t))
    )
  }
}

const playwrightTests = (suite, titles) => [
  ...(suite.suites ?? []).flatMap((s) => playwrightTests(s, [...titles, s.title])),
  ...(suite.specs ?? []).flatMap((spec) =>
    (spec.tests ?? []).map((t) => ({
      status: t.status,
      where: `${spec.file}:${spec.line}`,
      title: [...titles, spec.title].filter(Boolean).join(' › '),
      // A failure's reason is its last attempt's; a flaky test's is the attempt that failed.
      why: firstLine((t.status === 'flaky' ? t.results?.[0] : t.results?.at(-1))?.error?.message)
    }))
  )
]

// Playwright's top-level suites are files; their titles are the file names, already in `where`.
export const playwrightReport = (json) => {
  const tests = (json.suites ?? []).flatMap((file) => playwrightTests(file, []))
  const named = ({ where, title, why }) => ({ where, title, why })
  return {
    passed: (json.stats?.expected ?? 0) + (json.stats?.flaky ?? 0),
    failed: json.stats?.unexpected ?? 0,
    skipped: json.stats?.skipped ?? 0,
    failures: tests.filter((t) => t.status === 'unexpected').map(named),
    flaky: tests.filter((t) => t.status === 'flaky').map(named)
  }
}

// One line per test and one with its reason (failed, or flaky), at most `max` tests, for the end of the log.
export const failureLines = (steps, max = 20) => {
  const all = steps.flatMap((s) => s.tests.map((f) => ({ step: s.step, ...f })))
  const lines = all
    .slice(0, max)
    .flatMap((f) => [`${f.step}: ${f.where} › ${f.title}`, ...(f.why ? [`    ${f.why}`] : [])])
  return all.length > max ? [...lines, `… and ${all.length - max} more`] : lines
}
