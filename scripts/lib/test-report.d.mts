export interface Failure {
  where: string
  title: string
  why: string
}
export interface Report {
  passed: number
  failed: number
  skipped: number
  failures: Failure[]
  flaky: Failure[]
}
export function firstLine(text: unknown): string
export function vitestReport(json: unknown, cwd?: string): Report
export function playwrightReport(json: unknown): Report
export function failureLines(steps: { step: string; tests: Failure[] }[], max?: number): string[]
