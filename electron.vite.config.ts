import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { rendererChunkGroups } from './scripts/lib/chunk-groups'

// The production CSP lives in renderer/index.html. The dev server's React Refresh preamble is an inline
// script, so only `vite serve` gets a relaxed policy (plus ws: for HMR); builds keep the strict one.
const devCsp = (): Plugin => ({
  name: 'nodetray-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html: string) =>
    html.replace(
      /<meta http-equiv="Content-Security-Policy"[^>]*>/,
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws:">`
    )
})

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } }
    }
  },
  preload: {
    // A sandboxed preload must be one CommonJS file with nothing external.
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      // Minified: the page parses a third as much script before its first paint.
      minify: true,
      // The tray popover has its own small entry: it must not wait for the window's chunks.
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html'), tray: resolve(__dirname, 'renderer/tray.html') },
        // One chunk per set of pages that loads it, not one per set of importers: a page asks for 3 or 4 chunks
        // before React starts, not 15 (scripts/lib/chunk-groups.ts).
        output: {
          codeSplitting: {
            groups: rendererChunkGroups({
              window: resolve(__dirname, 'renderer/src/main.tsx'),
              mount: resolve(__dirname, 'renderer/src/mount.tsx'),
              tray: resolve(__dirname, 'renderer/src/tray/main.tsx')
            })
          }
        }
      }
    },
    plugins: [react(), devCsp()]
  }
})
