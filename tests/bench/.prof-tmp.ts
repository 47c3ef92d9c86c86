import { chromium } from '@playwright/test'
import config from '../../playwright.config'
import { startHost } from '../e2e/fixtures'
async function main() {
  const { handle, stop } = await startHost({ transitions: 'instant' })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
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
      count: 10000,
      status: 'mixed'
    })
    await handle.ipc('nodes:refresh', {})
    await page.waitForFunction(
      () => /of (\d{5}) nodes/.test(document.querySelector('[data-testid="node-count"]')?.textContent ?? ''),
      undefined,
      { timeout: 60000 }
    )
    await page.addInitScript(() => {
      const obs = new MutationObserver(() => {
        const w = window as unknown as Record<string, number>
        if (w.__first !== undefined || !document.querySelector('[data-testid="node-row"]')) return
        obs.disconnect()
        w.__dom = performance.now()
        requestAnimationFrame(() => setTimeout(() => (w.__first = performance.now()), 0))
      })
      document.addEventListener('DOMContentLoaded', () =>
        obs.observe(document.body, { childList: true, subtree: true })
      )
    })
    for (let i = 0; i < Number(process.argv[2] ?? 3); i++) {
      await page.reload()
      await page.waitForFunction(() => (window as unknown as Record<string, number>).__first !== undefined)
      const r = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
        const res = performance
          .getEntriesByType('resource')
          .map(
            (e) =>
              `${e.name.replace(/.*\//, '')} ${e.startTime.toFixed(0)}-${(e as PerformanceResourceTiming).responseEnd.toFixed(0)}`
          )
        const w = window as unknown as Record<string, number>
        return {
          respEnd: nav.responseEnd.toFixed(0),
          domInteractive: nav.domInteractive.toFixed(0),
          dcl: nav.domContentLoadedEventEnd.toFixed(0),
          rowsInDom: w.__dom?.toFixed(0),
          firstPaint: w.__first?.toFixed(0),
          res,
          marks: performance.getEntriesByType('mark').map((m) => `${m.name}@${m.startTime.toFixed(0)}`)
        }
      })
      console.log(JSON.stringify(r))
    }
  } finally {
    await browser.close()
    await stop()
  }
}
void main()
