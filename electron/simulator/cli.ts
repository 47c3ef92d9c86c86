// `npx tsx electron/simulator/cli.ts --port 0 --seed demo [--transitions fast] [--latency 100]`
// First stdout line: one JSON object with URLs and the primary account's credentials; requests log (redacted) to stderr.
import { startSimulator } from './index'
import type { SeedName, SimulatorOptions, TransitionMode } from './types'

function parseArgs(argv: string[]): SimulatorOptions {
  const opts: SimulatorOptions = {}
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    const need = (): string => {
      if (value === undefined) throw new Error(`${flag} needs a value`)
      i++
      return value
    }
    switch (flag) {
      case '--port':
        opts.port = Number(need())
        break
      case '--seed': {
        const s = need()
        opts.seed = (s === 'demo' || s === 'empty' ? s : Number(s)) as SeedName
        if (typeof opts.seed === 'number' && !Number.isInteger(opts.seed))
          throw new Error('--seed must be demo, empty or an integer')
        break
      }
      case '--transitions': {
        const t = need()
        if (t !== 'instant' && t !== 'fast' && t !== 'real')
          throw new Error('--transitions must be instant, fast or real')
        opts.transitions = t as TransitionMode
        break
      }
      case '--latency':
        opts.latencyMs = Number(need())
        break
      case '--secret':
        opts.controlSecret = need()
        break
      default:
        throw new Error(`unknown flag ${flag ?? ''}`)
    }
  }
  return opts
}

async function main(): Promise<void> {
  const sim = await startSimulator(parseArgs(process.argv.slice(2)), (e) => {
    process.stderr.write(
      `${e.at} ${e.method} ${e.route} ${JSON.stringify(e.query)} -> ${e.status}${e.fault ? ` [${e.fault}]` : ''}\n`
    )
  })
  const { demo } = sim
  process.stdout.write(
    `${JSON.stringify({
      baseUrl: sim.baseUrl,
      controlUrl: sim.controlUrl,
      controlSecret: sim.controlSecret,
      apiKey: demo.apiKey,
      authToken: demo.authToken,
      projects: demo.projects,
      locations: demo.locations
    })}\n`
  )
  const shutdown = (): void => {
    void sim.stop().then(() => process.exit(0))
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((err: unknown) => {
  process.stderr.write(`simulator: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
