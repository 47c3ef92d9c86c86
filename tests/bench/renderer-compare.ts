// `npm run bench:compare -- <renderer dir> <renderer dir> …`: the renderer bench's two figures (first paint of the
// cached list after a reload, keystroke → painted filter result) for several builds under the same conditions.
// On a shared 2-core machine one build's figures move by a third from run to run, so comparing two `npm run bench`
// runs says little. Here every build gets its own preview host and page in one browser, and the builds take turns:
// a few reloads and a typing round each, ROUNDS times, so load on the machine falls on all of them alike.
//
// A build: `npx electron-vite build --outDir /tmp/out-x`, then pass /tmp/out-x/renderer. An older commit's renderer
// works too as long as the IPC channels it calls still exist (the host is this checkout's).
import type { Page } from '@playwright/test'
import { startHost } from '../e2e/fixtures'
import {
  type BenchList,
  installFirstRowProbe,
  launchBenchBrowser,
  measureKeystrokes,
  measureReloadPaint,
  median,
  openListOf10k,
  percentile,
  runBenchScript
} from './renderer.bench'

const ROUNDS = Number(process.env.ROUNDS ?? 5)
const RELOADS_PER_ROUND = 4

interface Figures {
  key: number[]
  dom: number[]
  paint: number[]
  mountAt: number[]
  render: number[]
}

const round1 = (x: number) => Math.round(x * 10) / 10

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const list: BenchList = args.includes('--own') ? 'own' : 'demo'
  const dirs = args.filter((a) => a !== '--own')
  if (dirs.length < 2) throw new Error('usage: npm run bench:compare -- [--own] <renderer dir> <renderer dir> [...]')
  const browser = await launchBenchBrowser()
  const hosts: { stop(): Promise<void> }[] = []
  try {
    const pages: Page[] = []
    for (const dir of dirs) {
      const host = await startHost({ transitions: 'instant', extraArgs: ['--renderer-dir', dir] })
      hosts.push(host)
      const page = await openListOf10k(browser, host.handle, list)
      await installFirstRowProbe(page)
      pages.push(page)
    }
    const figures: Figures[] = dirs.map(() => ({ key: [], dom: [], paint: [], mountAt: [], render: [] }))
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, page] of pages.entries()) {
        const f = figures[i] as Figures
        await page.bringToFront()
        for (const s of await measureReloadPaint(page, RELOADS_PER_ROUND)) {
          f.paint.push(s.painted)
          f.mountAt.push(s.mountAt)
          f.render.push(s.mountedAt - s.mountAt)
        }
        await page.getByTestId('node-row').first().waitFor()
        await page.waitForTimeout(500)
        const k = await measureKeystrokes(page, 1)
        f.key.push(...k.paint)
        f.dom.push(...k.dom)
      }
    }
    console.log(
      `\n${list === 'own' ? "A profile of the user's own, no demo" : 'The demo sandbox'}: ` +
        `${ROUNDS} rounds, ${RELOADS_PER_ROUND} reloads and 20 keystrokes per build per round (medians, ms)\n` +
        '| build | first paint | p90 | React mount starts | first render | keystroke → paint | → DOM |\n' +
        '| --- | --- | --- | --- | --- | --- | --- |'
    )
    for (const [i, dir] of dirs.entries()) {
      const f = figures[i] as Figures
      console.log(
        `| ${dir} | ${round1(median(f.paint))} | ${round1(percentile(f.paint, 0.9))} | ${round1(median(f.mountAt))} | ` +
          `${round1(median(f.render))} | ${round1(median(f.key))} | ${round1(median(f.dom))} |`
      )
    }
  } finally {
    await browser.close()
    for (const h of hosts) await h.stop()
  }
}

runBenchScript(main)
