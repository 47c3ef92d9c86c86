// The simulator CLI's flags (cli.ts), apart from the process so they can be tested; the preview host's CLI reads
// --latency with the same rule.
import type { SeedName, SimulatorOptions, TransitionMode } from './types'

/** `--latency MS`: a plain number of milliseconds, 0 or more. "abc", "-5" or "" is an error, never "no latency". */
export function parseLatencyMs(value: string): number {
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN
  if (!Number.isFinite(ms)) throw new Error(`--latency must be a number of milliseconds, 0 or more (got "${value}")`)
  return ms
}

/** `--port N`: 0 (any free port) to 65535. "abc" or "70000" is an error, not Node's own message about NaN. */
export function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN
  if (!(port >= 0 && port <= 65535)) throw new Error(`--port must be a whole number from 0 to 65535 (got "${value}")`)
  return port
}

export function parseSimulatorArgs(argv: string[]): SimulatorOptions {
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
        opts.port = parsePort(need())
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
        opts.latencyMs = parseLatencyMs(need())
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
