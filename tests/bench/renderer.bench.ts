// Renderer benchmark: the real window in Chromium against a preview host with 10,000 nodes.
// Measures keystroke → painted filter result, first paint of the list after a reload, and the JS heap.
import { chromium, type Page } from '@playwright/test'
import config from '../../playwright.config'
import { startHost } from '../e2e/fixtures'

export interface BenchResult {
  name: string
  value: number
  unit: string
  target?: string
}

const NODE_COUNT = 10_000

declare global {
  interface Window {
    __bench?: { samples: number[]; dom: number[]; t0: number | null; before: string | null }
    __firstRowAt?: number
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

/** In-page probe: keydown on the search box starts a clock; the first change of the result count stops it
 * after the next animation frame has run (i.e. once that frame is painted). */
async function installKeystrokeProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="node-search"]')
    const count = document.querySelector('[data-testid="node-count"]')
    if (!input || !count) throw new Error('node list not on screen')
    const b: { samples: number[]; dom: number[]; t0: number | null; before: string | null } = {
      samples: [],
      dom: [],
      t0: null,
      before: null
    }
    window.__bench = b
    input.addEventListener(
      'keydown',
      () => {
        b.t0 = performance.now()
        b.before = count.textContent
      },
      true
    )
    new MutationObserver(() => {
      const t0 = b.t0
      if (t0 === null || count.textContent === b.before) return
      b.t0 = null
      b.dom.push(performance.now() - t0)
      requestAnimationFrame(() => setTimeout(() => b.samples.push(performance.now() - t0), 0))
    }).observe(count, { characterData: true, childList: true, subtree: true })
  })
}

async function measureKeystrokes(page: Page): Promise<{ paint: number[]; dom: number[] }> {
  await installKeystrokeProbe(page)
  const search = page.getByTestId('node-search')
  await search.click()
  // Each step narrows or widens the result, so every keystroke changes what is painted.
  const steps = [
    'n',
    'o',
    'd',
    'e',
    '-',
    '0',
    '9',
    'Backspace',
    '8',
    'Backspace',
    'Backspace',
    '1',
    '2',
    'Backspace',
    'Backspace',
    'Backspace',
    'Backspace',
    'Backspace',
    'Backspace',
    'Backspace'
  ]
  for (let round = 0; round < 3; round++) {
    for (const key of steps) {
      const before = await page.evaluate(() => window.__bench?.samples.length ?? 0)
      await page.keyboard.press(key)
      await page
        .waitForFunction((n) => (window.__bench?.samples.length ?? 0) > n, before, { timeout: 2000 })
        .catch(() => undefined)
      // Let a quiet frame pass so samples do not overlap.
      await page.waitForTimeout(30)
    }
  }
  return page.evaluate(() => ({ paint: window.__bench?.samples ?? [], dom: window.__bench?.dom ?? [] }))
}

/** Reload with main's node cache warm. `fromNavigation` counts from navigation start (performance.now() is relative
 * to it: HTML, both scripts, the IPC calls and the render); `fromScript` from domInteractive, i.e. from when the
 * page's own scripts may start running. The < 100 ms target is reported against navigation start. */
async function measureReloadPaint(page: Page): Promise<{ fromNavigation: number; fromScript: number }> {
  await page.addInitScript(() => {
    const scriptStart = performance.now()
    ;(window as unknown as { __scriptStart: number }).__scriptStart = scriptStart
    const obs = new MutationObserver(() => {
      if (window.__firstRowAt !== undefined || !document.querySelector('[data-testid="node-row"]')) return
      obs.disconnect()
      requestAnimationFrame(() => setTimeout(() => (window.__firstRowAt = performance.now()), 0))
    })
    document.addEventListener('DOMContentLoaded', () => obs.observe(document.body, { childList: true, subtree: true }))
  })
  await page.reload()
  await page.waitForFunction(() => window.__firstRowAt !== undefined, undefined, { timeout: 30_000 })
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    const at = window.__firstRowAt as number
    return { fromNavigation: at, fromScript: at - (nav?.domInteractive ?? 0) }
  })
}

async function heapUsedMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN
  await cdp.detach()
  return used / (1024 * 1024)
}

export async function benchRenderer(): Promise<BenchResult[]> {
  const { handle, stop } = await startHost({ transitions: 'instant' })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: config.use?.launchOptions?.args ?? []
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
    await page.goto(handle.url)
    await page.getByRole('button', { name: /Explore the demo/ }).click()
    await page.getByTestId('node-row').first().waitFor({ timeout: 30_000 })
    const { demo } = await handle.hook<{
      demo: { apiKey: string; projects: { projectId: number }[]; locations: string[] }
    }>('sim/now', {})
    await handle.hook('sim/addNodes', {
      apiKey: demo.apiKey,
      projectId: demo.projects[0]?.projectId,
      location: demo.locations[0],
      count: NODE_COUNT,
      status: 'mixed'
    })
    await handle.ipc('nodes:refresh', {})
    await page.waitForFunction(
      (n) => {
        const m = /of (\d+) nodes/.exec(document.querySelector('[data-testid="node-count"]')?.textContent ?? '')
        return m !== null && Number(m[1]) >= n
      },
      NODE_COUNT,
      { timeout: 60_000 }
    )

    const { paint: samples, dom } = await measureKeystrokes(page)
    const heap = await heapUsedMb(page)
    const reload = await measureReloadPaint(page)
    // Where the reload time goes: the snapshot call alone, as the page makes it.
    const snapshotMs = await page.evaluate(async () => {
      const t0 = performance.now()
      const res = await fetch('/ipc/nodes:snapshot', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: '{}'
      })
      const text = await res.text()
      JSON.parse(text)
      return performance.now() - t0
    })
    const rows = Number(/of (\d+) nodes/.exec((await page.getByTestId('node-count').textContent()) ?? '')?.[1])
    return [
      {
        name: 'renderer.filter-keystroke-to-paint.median',
        value: round(median(samples)),
        unit: 'ms',
        target: '< 16 ms'
      },
      { name: 'renderer.filter-keystroke-to-paint.p95', value: round(percentile(samples, 0.95)), unit: 'ms' },
      // The script work alone (keydown → list updated in the DOM); the rest of the paint figure is waiting for the frame.
      { name: 'renderer.filter-keystroke-to-dom.median', value: round(median(dom)), unit: 'ms' },
      { name: 'renderer.filter-keystroke.samples', value: samples.length, unit: 'count' },
      { name: 'renderer.reload-first-list-paint', value: round(reload.fromNavigation), unit: 'ms', target: '< 100 ms' },
      { name: 'renderer.reload-first-list-paint.after-dom-interactive', value: round(reload.fromScript), unit: 'ms' },
      { name: 'renderer.snapshot-ipc-roundtrip', value: round(snapshotMs), unit: 'ms' },
      { name: 'renderer.js-heap-used', value: round(heap), unit: 'MB', target: '< 150 MB' },
      { name: 'renderer.nodes-listed', value: rows, unit: 'count' }
    ]
  } finally {
    await browser.close()
    await stop()
  }
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN
}
const round = (x: number) => Math.round(x * 10) / 10

// `npx tsx tests/bench/renderer.bench.ts` runs it alone.
if (process.argv[1]?.endsWith('renderer.bench.ts')) {
  benchRenderer().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e)
      process.exit(1)
    }
  )
}
