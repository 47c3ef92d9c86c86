// Reads the JSON reports of vitest and Playwright into counts and the failed tests by name, for `npm test`'s summary.
import { relative } from 'node:path'

// The first line of a failure's message, without colour codes, short enough for a summary line.
export const firstLine = (text) =>
  String(text ?? '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean)
    ?.slice(0, 160) ?? ''

export const vitestReport = (json, cwd = process.cwd()) => ({
  passed: json.numPassedTests ?? 0,
  failed: json.numFailedTests ?? 0,
  skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
  failures: (json.testResults ?? []).flatMap((file) => {
    const where = relative(cwd, file.name ?? '')
    const tests = (file.assertionResults ?? []).filter((t) => t.status === 'failed')
    // A file that failed before any test ran (an import error) has no failed test to name.
    if (!tests.length && file.status === 'failed')
      return [{ where, title: '(the file failed to run)', why: firstLine(file.message) }]
    return tests.map((t) => ({ where, title: t.fullName ?? t.title, why: firstLine(t.failureMessages?.[0]) }))
  })
})

const playwrightFailures = (suite, titles) => [
  ...(suite.suites ?? []).flatMap((s) => playwrightFailures(s, [...titles, s.title])),
  ...(suite.specs ?? []).flatMap((spec) =>
    (spec.tests ?? [])
      .filter((t) => t.status === 'unexpected')
      .map((t) => ({
        where: `${spec.file}:${spec.line}`,
        title: [...titles, spec.title].filter(Boolean).join(' › '),
        why: firstLine(t.results?.at(-1)?.error?.message)
      }))
  )
]

// Playwright's top-level suites are files; their titles are the file names, already in `where`.
export const playwrightReport = (json) => ({
  passed: (json.stats?.expected ?? 0) + (json.stats?.flaky ?? 0),
  failed: json.stats?.unexpected ?? 0,
  skipped: json.stats?.skipped ?? 0,
  failures: (json.suites ?? []).flatMap((file) => playwrightFailures(file, []))
})

// One line per failed test and one with its reason, at most `max` tests, for the end of the log.
export const failureLines = (steps, max = 20) => {
  const all = steps.flatMap((s) => s.failures.map((f) => ({ step: s.step, ...f })))
  const lines = all
    .slice(0, max)
    .flatMap((f) => [`${f.step}: ${f.where} › ${f.title}`, ...(f.why ? [`    ${f.why}`] : [])])
  return all.length > max ? [...lines, `… and ${all.length - max} more`] : lines
}
