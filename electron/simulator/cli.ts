// `npx tsx electron/simulator/cli.ts --port 0 --seed demo [--transitions fast] [--latency 100]`
// First stdout line: one JSON object with URLs and the primary account's credentials; requests log (redacted) to stderr.
import { parseSimulatorArgs } from './cli-args'
import { startSimulator } from './index'

async function main(): Promise<void> {
  const sim = await startSimulator(parseSimulatorArgs(process.argv.slice(2)), (e) => {
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
