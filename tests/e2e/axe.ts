// One way to run axe in the specs. The app has no frames, so axe runs in the page itself ("legacy mode"): the
// default opens a blank page per run to merge the results of each frame, which made a run take ~2.2 s instead of
// ~0.6 s on the list (with two runs per screen, the Playwright step went from ~16 to ~10 minutes). A page that does
// have frames gets the default, so a frame is never left unchecked. Only violations are collected in full; the specs
// read nothing else.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export async function axeViolations(page: Page): Promise<Awaited<ReturnType<AxeBuilder['analyze']>>['violations']> {
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] })
  if (page.frames().length === 1) builder.setLegacyMode(true)
  return (await builder.analyze()).violations
}
