// `npm run preview:web -- [--port N] [--user-data-dir DIR] [--vault memory|keychain] [--demo opt-in|on|off]
//   [--no-demo] [--transitions instant|fast|real] [--latency MS] [--test-hooks]`
// --demo opt-in (default): the first-run screen offers the demo sandbox, as in the app. on: start with the demo
// shown while nothing is set up (no profile of your own). off (or --no-demo): no demo at all.
// Prints the URL on its own line (first line of stdout), then serves until interrupted. A bad flag value, or a data
// folder another preview host is using (data-lock.ts), is one line on stderr and exit code 1.
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { MemoryVault } from '../main/vault/memory-vault'
import { createKeytarVault, keychainServiceFromEnv } from '../main/vault/keytar-vault'
import { parseLatencyMs, parsePort } from '../simulator/cli-args'
import { startPreviewHost } from './host'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'user-data-dir': { type: 'string', default: '.preview-data' },
      vault: { type: 'string', default: 'memory' },
      demo: { type: 'string', default: 'opt-in' },
      'no-demo': { type: 'boolean', default: false },
      transitions: { type: 'string', default: 'fast' },
      latency: { type: 'string', default: '0' },
      'test-hooks': { type: 'boolean', default: false },
      'renderer-dir': { type: 'string', default: join(__dirname, '../../out/renderer') }
    }
  })
  const transitions = values.transitions
  if (transitions !== 'instant' && transitions !== 'fast' && transitions !== 'real')
    throw new Error('--transitions must be instant, fast or real')
  const demoMode = values['no-demo'] ? 'off' : values.demo
  if (demoMode !== 'opt-in' && demoMode !== 'on' && demoMode !== 'off')
    throw new Error('--demo must be opt-in, on or off')
  if (values.vault !== 'memory' && values.vault !== 'keychain') throw new Error('--vault must be memory or keychain')
  const latencyMs = parseLatencyMs(values.latency)
  const port = parsePort(values.port)
  const dataDir = resolve(values['user-data-dir'])
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const host = await startPreviewHost({
    port,
    dataDir,
    rendererDir: resolve(values['renderer-dir']),
    // Never the app's own service name: the preview's entries stay apart from the installed app's.
    vault:
      values.vault === 'memory'
        ? new MemoryVault()
        : createKeytarVault({ service: keychainServiceFromEnv(process.env, 'Nodetray-preview') }),
    demo: demoMode !== 'off',
    demoStart: demoMode === 'on' ? 'on' : 'opt-in',
    demoTransitions: transitions,
    demoLatencyMs: latencyMs,
    testHooks: values['test-hooks']
  })
  process.stdout.write(`${host.url}\n`)
  const stop = () => {
    void host.close().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  // One line, always: node's own flag errors (an unknown option, `--latency -5`) come in several.
  const message = (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ')
  process.stderr.write(`preview host failed: ${message}\n`)
  process.exit(1)
})
