import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger, SecretScrubber } from '../redact'
import { createRotatingLog, DEFAULT_MAX_BYTES, nodeLogFs, type LogFs } from './rotating-file'

let dir: string
let file: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nodetray-log-'))
  file = join(dir, 'nodetray.log')
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const line = (i: number, width = 100) => `line ${String(i).padStart(6, '0')} `.padEnd(width - 1, '.')
const linesOf = async (path: string) => (await readFile(path, 'utf8')).split('\n').filter(Boolean)

describe('rotating log file', () => {
  it('with the defaults, stays at 1 MiB per file and keeps 3 old files, dropping the oldest', async () => {
    const log = createRotatingLog({ file })
    const total = 5_500 // × 1,000 bytes ≈ 5.2 MiB
    // In bursts of 1,000 lines, as a busy main would log; one synchronous 5 MB burst would hit the queue cap.
    for (let i = 0; i < total; i++) {
      log.write(line(i, 1000))
      if (i % 1000 === 999) await log.flush()
    }
    await log.flush()
    expect((await readdir(dir)).sort()).toEqual(['nodetray.log', 'nodetray.log.1', 'nodetray.log.2', 'nodetray.log.3'])
    for (const name of await readdir(dir))
      expect((await stat(join(dir, name))).size).toBeLessThanOrEqual(DEFAULT_MAX_BYTES)
    // Oldest to newest, the kept files hold one unbroken run of lines that ends with the last one written.
    const kept = [
      ...(await linesOf(`${file}.3`)),
      ...(await linesOf(`${file}.2`)),
      ...(await linesOf(`${file}.1`)),
      ...(await linesOf(file))
    ]
    const numbers = kept.map((l) => Number(l.slice(5, 11)))
    expect(numbers.at(-1)).toBe(total - 1)
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i))
    expect(numbers[0]).toBeGreaterThan(0)
  })

  it('counts the file left by the last run', async () => {
    await writeFile(file, 'x'.repeat(2_000) + '\n')
    const log = createRotatingLog({ file, maxBytes: 2_048, keep: 1 })
    log.write(line(1))
    await log.flush()
    expect(await readFile(`${file}.1`, 'utf8')).toBe('x'.repeat(2_000) + '\n')
    expect(await linesOf(file)).toEqual([line(1)])
  })

  it('writes lines in the order they came, without callers waiting', async () => {
    const log = createRotatingLog({ file })
    const order = Array.from({ length: 2_000 }, (_, i) => line(i, 40))
    for (const l of order) log.write(l)
    await log.flush()
    expect(await linesOf(file)).toEqual(order)
  })

  it('never throws into callers when the disk fails, and writes again once it recovers', async () => {
    let failing = true
    const fs: LogFs = {
      ...nodeLogFs,
      appendFile: (p, d) => (failing ? Promise.reject(new Error('ENOSPC')) : nodeLogFs.appendFile(p, d)),
      rename: (a, b) => (failing ? Promise.reject(new Error('EIO')) : nodeLogFs.rename(a, b))
    }
    const log = createRotatingLog({ file, fs, maxBytes: 1_024 })
    expect(() => {
      for (let i = 0; i < 50; i++) log.write(line(i))
    }).not.toThrow()
    await expect(log.flush()).resolves.toBeUndefined()
    failing = false
    log.write('after recovery')
    await log.flush()
    expect(await linesOf(file)).toEqual(['after recovery'])
  })

  it('a burst larger than the queue drops lines and says how many, instead of growing memory', async () => {
    const log = createRotatingLog({ file, maxBytes: 64 * 1024 * 1024 })
    for (let i = 0; i < 6_000; i++) log.write(line(i, 1000)) // 6 MB at once, no await
    await log.flush()
    log.write('next')
    await log.flush()
    const lines = await linesOf(file)
    expect(lines.length).toBeLessThan(6_000)
    expect(lines.at(-2)).toMatch(/WARN log: \d+ lines dropped while the disk was busy$/)
    expect(lines.at(-1)).toBe('next')
  })

  it('a huge line is cut, not allowed to fill the file', async () => {
    const log = createRotatingLog({ file, maxBytes: 10_000 })
    log.write('y'.repeat(50_000))
    await log.flush()
    const [only] = await linesOf(file)
    expect(only).toMatch(/^y{1000}… \[49000 characters cut\]$/)
  })

  it('stores what the scrubbing logger wrote: no secret reaches the file', async () => {
    const scrubber = new SecretScrubber()
    const secret = 'feedc0de-5ec7-4e75-9a11-ca7a7c1e0a01'
    scrubber.add(secret)
    const log = createRotatingLog({ file, maxBytes: 1_024 })
    const logger = createLogger(scrubber, log.write)
    for (let i = 0; i < 40; i++) logger.error('api failed', { url: `https://x/?apikey=${secret}`, i })
    await log.flush()
    const everything = (await Promise.all((await readdir(dir)).map((n) => readFile(join(dir, n), 'utf8')))).join('')
    expect(everything).toContain('[redacted]')
    expect(everything).not.toContain(secret)
  })
})
