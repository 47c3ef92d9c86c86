// The log file: appended in order by one writer, rotated by size (nodetray.log → .1 → .2 → .3, the oldest
// dropped), and never a source of errors for callers: a failed write is dropped, the next one tries again.
// Lines arrive already scrubbed (createLogger in redact.ts); this module only stores them.
import * as fsp from 'node:fs/promises'

export const DEFAULT_MAX_BYTES = 1024 * 1024
export const DEFAULT_KEEP = 3
// A burst (a fault soak, a crash loop) must not grow main's memory while the disk catches up.
const MAX_PENDING_BYTES = 4 * 1024 * 1024

/** The file operations used; injected so tests can make them fail. */
export interface LogFs {
  appendFile(path: string, data: string): Promise<void>
  rename(from: string, to: string): Promise<void>
  rm(path: string): Promise<void>
  size(path: string): Promise<number>
}

export const nodeLogFs: LogFs = {
  appendFile: (p, d) => fsp.appendFile(p, d, { encoding: 'utf8', mode: 0o600 }),
  rename: (a, b) => fsp.rename(a, b),
  rm: (p) => fsp.rm(p, { force: true }),
  size: async (p) => {
    try {
      return (await fsp.stat(p)).size
    } catch {
      return 0
    }
  }
}

export interface RotatingLogOptions {
  file: string
  /** Rotate before a write would take the file past this size. */
  maxBytes?: number
  /** Old files kept beside the current one: file.1 (newest) … file.<keep>. */
  keep?: number
  fs?: LogFs
}

export interface RotatingLog {
  /** Queues one line; never throws. */
  write(line: string): void
  /** Resolves when every line queued so far is written (or dropped). */
  flush(): Promise<void>
}

export function createRotatingLog(opts: RotatingLogOptions): RotatingLog {
  const maxBytes = Math.max(1024, opts.maxBytes ?? DEFAULT_MAX_BYTES)
  const keep = Math.max(0, Math.floor(opts.keep ?? DEFAULT_KEEP))
  const fs = opts.fs ?? nodeLogFs
  let pending: string[] = []
  let pendingBytes = 0
  let dropped = 0
  let size: number | null = null
  let draining: Promise<void> | null = null

  async function rotate(): Promise<void> {
    await fs.rm(`${opts.file}.${keep}`)
    for (let i = keep - 1; i >= 1; i--)
      await fs.rename(`${opts.file}.${i}`, `${opts.file}.${i + 1}`).catch(() => undefined)
    if (keep > 0) await fs.rename(opts.file, `${opts.file}.1`)
    else await fs.rm(opts.file)
    size = 0
  }

  async function writeChunk(text: string): Promise<void> {
    const bytes = Buffer.byteLength(text)
    size ??= await fs.size(opts.file)
    if (size > 0 && size + bytes > maxBytes) await rotate()
    await fs.appendFile(opts.file, text)
    size += bytes
  }

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const lines = pending
      pending = []
      pendingBytes = 0
      // Lines are dropped only while the queue is full, so they came after every line in it.
      if (dropped > 0) {
        lines.push(`${new Date().toISOString()} WARN log: ${dropped} lines dropped while the disk was busy`)
        dropped = 0
      }
      // Group lines into chunks that each fit the cap, so a rotation falls between lines, never inside one.
      let chunk = ''
      let chunkBytes = 0
      for (const line of lines) {
        const entry = clip(line, maxBytes) + '\n'
        const bytes = Buffer.byteLength(entry)
        if (chunk && chunkBytes + bytes > maxBytes) {
          await writeChunk(chunk).catch(forgetSize)
          chunk = ''
          chunkBytes = 0
        }
        chunk += entry
        chunkBytes += bytes
      }
      if (chunk) await writeChunk(chunk).catch(forgetSize)
    }
  }

  // One drain at a time keeps lines in order; a line queued as a drain finishes starts the next one.
  function kick(): void {
    if (draining) return
    draining = drain()
      .catch(() => undefined)
      .finally(() => {
        draining = null
        if (pending.length > 0) kick()
      })
  }

  // After a failure the size on disk is unknown: read it again before the next write.
  function forgetSize(): void {
    size = null
  }

  return {
    write(line) {
      const bytes = line.length
      if (pendingBytes + bytes > MAX_PENDING_BYTES) {
        dropped++
        return
      }
      pending.push(line)
      pendingBytes += bytes
      kick()
    },
    async flush() {
      while (draining) await draining
    }
  }
}

/** One line never takes more than a tenth of the file. */
function clip(line: string, maxBytes: number): string {
  const limit = Math.floor(maxBytes / 10)
  return line.length > limit ? `${line.slice(0, limit)}… [${line.length - limit} characters cut]` : line
}
