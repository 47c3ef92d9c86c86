// `npm run bench:frames -- <renderer dir> [<renderer dir> …] [--css 'name=rules' …]`: what one frame of the loaded
// 10,000-node list costs the renderer's main thread, phase by phase (style, layout, pre-paint, paint, layerize),
// from a Chromium trace of many frames. Two kinds of frame:
// - repaint: the table's text colour flips (style and paint only);
// - rebuild: the table's body is replaced by a copy of itself (new elements: style, layout and paint, as when a
//   keystroke changes every row in view).
// With several renderer dirs the builds take turns, as in bench:compare. With --css, one build is measured with each
// set of extra rules in turn in the same page ('base=' for none), so the cost of one CSS feature (say, a pseudo-element
// in every row) stands out from the machine's noise far better than in the end-to-end figures.
import type { Page } from '@playwright/test'
import { startHost } from '../e2e/fixtures'
import { launchBenchBrowser, openListOf10k, runBenchScript } from './renderer.bench'

const FRAMES = Number(process.env.FRAMES ?? 20)
const ROUNDS = Number(process.env.ROUNDS ?? 3)
const MODES = ['repaint', 'rebuild'] as const
const PHASES = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize']

interface TraceEvent {
  name: string
  ph: string
  dur?: number
  pid: number
  tid: number
  args?: { name?: string }
}

interface Subject {
  label: string
  page: Page
  css: string | null
}

/** A string, not a function: tsx would wrap named inner functions in a helper the page does not have. */
const framesScript = (mode: string, n: number) => `(async () => {
  const table = document.querySelector('[data-testid="node-table"]')
  if (!table) throw new Error('node list not on screen')
  for (let i = 0; i < ${n}; i++) {
    if (${JSON.stringify(mode)} === 'repaint') table.style.color = i % 2 ? 'rgb(1, 2, 3)' : ''
    else { const body = table.querySelector('tbody'); body.replaceWith(body.cloneNode(true)) }
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
  }
  table.style.color = ''
})()`

const cssScript = (css: string) => `(() => {
  document.getElementById('bench-frames-css')?.remove()
  const style = document.createElement('style')
  style.id = 'bench-frames-css'
  style.textContent = ${JSON.stringify(css)}
  document.head.append(style)
})()`

/** Main-thread time by phase, summed over the trace. */
function phaseTimes(events: TraceEvent[]): Map<string, number> {
  const main = new Set<string>()
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') main.add(`${e.pid}:${e.tid}`)
  const sums = new Map<string, number>()
  for (const e of events)
    if (e.ph === 'X' && e.dur !== undefined && PHASES.includes(e.name) && main.has(`${e.pid}:${e.tid}`))
      sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000)
  return sums
}

function parseArgs(argv: string[]): { dirs: string[]; css: { name: string; rules: string }[] } {
  const dirs: string[] = []
  const css: { name: string; rules: string }[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '--css') {
      const spec = argv[++i] ?? ''
      const eq = spec.indexOf('=')
      if (eq < 1) throw new Error(`--css wants name=rules, got "${spec}"`)
      css.push({ name: spec.slice(0, eq), rules: spec.slice(eq + 1) })
    } else dirs.push(a)
  }
  if (dirs.length === 0 || (css.length > 0 && dirs.length !== 1))
    throw new Error(
      "usage: npm run bench:frames -- <renderer dir> [<renderer dir> …] | <renderer dir> --css 'name=rules' …"
    )
  return { dirs, css }
}

async function main(): Promise<void> {
  const { dirs, css } = parseArgs(process.argv.slice(2))
  const browser = await launchBenchBrowser()
  const hosts: { stop(): Promise<void> }[] = []
  try {
    const subjects: Subject[] = []
    for (const dir of dirs) {
      const host = await startHost({ transitions: 'instant', extraArgs: ['--renderer-dir', dir] })
      hosts.push(host)
      const page = await openListOf10k(browser, host.handle)
      // The pointer off the table: a hovered row would be painted differently from the others.
      await page.mouse.move(2, 2)
      await page.waitForTimeout(1500)
      if (css.length) for (const c of css) subjects.push({ label: c.name, page, css: c.rules })
      else subjects.push({ label: dir, page, css: null })
    }
    const totals = subjects.map(() => new Map<string, number>())
    for (let r = 0; r < ROUNDS; r++)
      for (const [i, s] of subjects.entries()) {
        await s.page.bringToFront()
        if (s.css !== null) {
          await s.page.evaluate(cssScript(s.css))
          await s.page.waitForTimeout(300)
        }
        for (const mode of MODES) {
          await browser.startTracing(s.page, {
            categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline']
          })
          await s.page.evaluate(framesScript(mode, FRAMES))
          const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
          const t = totals[i] as Map<string, number>
          for (const [phase, ms] of phaseTimes(trace.traceEvents)) {
            const key = `${mode} ${phase}`
            t.set(key, (t.get(key) ?? 0) + ms / FRAMES / ROUNDS)
          }
        }
      }
    console.log(`\n${ROUNDS} rounds of ${FRAMES} frames per mode; ms of main-thread time per frame (traced)\n`)
    console.log(`| frame, phase | ${subjects.map((s) => s.label).join(' | ')} |`)
    console.log(`| --- | ${subjects.map(() => '---').join(' | ')} |`)
    for (const mode of MODES) {
      for (const phase of [...PHASES, 'all']) {
        const key = `${mode} ${phase}`
        const cell = (t: Map<string, number>) =>
          (phase === 'all'
            ? PHASES.reduce((sum, p) => sum + (t.get(`${mode} ${p}`) ?? 0), 0)
            : (t.get(key) ?? 0)
          ).toFixed(2)
        console.log(`| ${key} | ${totals.map(cell).join(' | ')} |`)
      }
    }
  } finally {
    await browser.close()
    for (const h of hosts) await h.stop()
  }
}

runBenchScript(main)
