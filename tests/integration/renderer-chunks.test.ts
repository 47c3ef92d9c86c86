// The built pages' request chains: how many chunks each page waits for before React can start. Builds the app
// into a temporary directory (a few seconds) and reads the HTML and the chunks' import statements, as the browser
// would. The grouping itself is scripts/lib/chunk-groups.ts; this checks what the browser actually gets.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let out = ''
let assets = ''

const read = (file: string) => readFileSync(join(assets, file), 'utf8')
/** The chunks a script imports statically (`import … from"./x.js"`), by file name. */
const staticImports = (file: string) =>
  [...read(file).matchAll(/(?:^|[;}\s])import\s*(?:[^"']*?from\s*)?["']\.\/([\w.-]+\.js)["']/g)].map(
    (m) => m[1] as string
  )
/** Everything a page asks for before its entry script runs: the entry, its modulepreloads and what they import. */
function pageScripts(page: string): { entry: string; loaded: Set<string> } {
  const html = readFileSync(join(out, page), 'utf8')
  const entry = /<script type="module"[^>]*src="\.\/assets\/([\w.-]+\.js)"/.exec(html)?.[1]
  if (!entry) throw new Error(`${page}: no entry script`)
  return { entry, loaded: closure([entry]) }
}
function closure(files: string[]): Set<string> {
  const seen = new Set<string>()
  const stack = [...files]
  for (let f = stack.pop(); f !== undefined; f = stack.pop()) {
    if (seen.has(f)) continue
    seen.add(f)
    stack.push(...staticImports(f))
  }
  return seen
}
const chunk = (prefix: string) => {
  // The name, then rolldown's 8-character hash, which may itself hold "-" or "_" ("mount--Ef17Zm4.js"): "tray" must
  // not also match "tray-deps-…".
  const name = new RegExp(`^${prefix}-[\\w-]{8}\\.js$`)
  const found = readdirSync(assets).filter((f) => name.test(f))
  if (found.length !== 1) throw new Error(`expected one ${prefix} chunk, found ${found.join(', ') || 'none'}`)
  return found[0] as string
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'nodetray-chunks-'))
  execFileSync('npx', ['electron-vite', 'build', '--outDir', out], { stdio: 'ignore' })
  out = join(out, 'renderer')
  assets = join(out, 'assets')
}, 120_000)
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }))

describe('the built renderer’s chunks', () => {
  it('the window’s React chunk waits for at most four other chunks, three of them already preloaded', () => {
    const { loaded: beforeEntry } = pageScripts('index.html')
    const mount = chunk('mount')
    const needs = [...closure([mount])].filter((f) => f !== mount)
    expect(needs.length).toBeLessThanOrEqual(4)
    // Only the shared chunk (react-dom, the virtualizer) is new by then; the rest came with the page.
    expect(needs.filter((f) => !beforeEntry.has(f))).toEqual([chunk('shared')])
  })

  it('the window’s entry loads neither React’s DOM nor the list: it paints the saved first screen without them', () => {
    const { loaded } = pageScripts('index.html')
    expect(loaded.has(chunk('shared'))).toBe(false)
    expect(loaded.has(chunk('mount'))).toBe(false)
    expect(loaded.size).toBeLessThanOrEqual(4)
  })

  it('the tray popover loads at most five chunks and none of the window’s', () => {
    const { loaded } = pageScripts('tray.html')
    expect(loaded.size).toBeLessThanOrEqual(5)
    for (const windowOnly of [chunk('mount'), chunk('window-boot')]) expect(loaded.has(windowOnly)).toBe(false)
  })

  it('the window’s detail panel does not load the tray popover’s own code', () => {
    const detail = readdirSync(assets).find((f) => f.startsWith('NodeDetailPanel-') && f.endsWith('.js'))
    expect(detail).toBeDefined()
    const { entry: trayEntry } = pageScripts('tray.html')
    expect(closure([detail as string]).has(trayEntry)).toBe(false)
  })
})
