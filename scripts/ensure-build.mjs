// Builds the app when out/ is missing or older than the sources, so `npm run preview:web` always serves
// what is in the tree.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const marker = 'out/renderer/index.html'
const newest = (dir) => {
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}
const stale =
  !existsSync(marker) ||
  ['renderer', 'shared', 'electron/main', 'electron/preload'].some((d) => newest(d) > statSync(marker).mtimeMs)
// Build output goes to stderr: stdout is kept for the URL line.
if (stale) execSync('npx electron-vite build', { stdio: ['ignore', 2, 2] })
