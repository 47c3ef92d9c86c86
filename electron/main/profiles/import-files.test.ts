// What `profiles:pick-import` does with a path that is not a small regular file: each fails at once, with a
// message that says what the path is. These use the real file system (a FIFO, /dev/zero, a socket, a folder).
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, open, truncate, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nodeDiskFs } from './atomic-file'
import {
  IMPORT_BUTTON_LABELS,
  MAX_IMPORT_BYTES,
  parseE2ectlConfig,
  parseTokenFile,
  readImportFile
} from './import-files'
import { KEY_A, rejection, stack, tempDir, TOKEN_A } from '../../../tests/support/profiles-kit'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const POSIX = process.platform !== 'win32'
const hasMkfifo =
  POSIX &&
  (() => {
    try {
      execFileSync('sh', ['-c', 'command -v mkfifo'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()

/** The rejection and how long it took. */
async function timedRead(path: string): Promise<{ message: string; code?: string; ms: number }> {
  const started = performance.now()
  const err = await rejection(readImportFile(nodeDiskFs, path))
  return { ...err, ms: performance.now() - started }
}

describe('import files are small regular files, read through one handle', () => {
  it.skipIf(!hasMkfifo)('a FIFO fails at once instead of waiting for a writer (needs mkfifo)', async () => {
    const fifo = join(dir, 'tokens.json')
    execFileSync('mkfifo', [fifo])
    const err = await timedRead(fifo)
    expect(err).toMatchObject({
      code: 'VALIDATION',
      message:
        'tokens.json is a named pipe (FIFO), not a regular file. Pick the JSON file exactly as it was downloaded.'
    })
    expect(err.ms).toBeLessThan(1000)
  })

  it.skipIf(!existsSync('/dev/zero'))('/dev/zero fails at once without reading (needs /dev/zero)', async () => {
    const err = await timedRead('/dev/zero')
    expect(err).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^zero is a device, not a regular file\./)
    })
    expect(err.ms).toBeLessThan(1000)
  })

  it('a folder fails with "is a folder"', async () => {
    await mkdir(join(dir, 'downloads'))
    const err = await timedRead(join(dir, 'downloads'))
    expect(err.message).toMatch(/^downloads is a folder, not a regular file\./)
  })

  it.skipIf(!POSIX)('a Unix socket fails with "socket" (POSIX only)', async () => {
    const path = join(dir, 'agent.sock')
    const server = createServer()
    await new Promise<void>((r) => server.listen(path, r))
    try {
      expect((await timedRead(path)).message).toMatch(/^agent\.sock is a socket/)
    } finally {
      server.close()
    }
  })

  it('a huge file fails from its size alone, at once', async () => {
    const path = join(dir, 'huge.json')
    await writeFile(path, '')
    await truncate(path, 4 * 1024 ** 3) // sparse: 4 GiB that take no disk
    const err = await timedRead(path)
    expect(err.message).toBe('huge.json is larger than 1 MB, so it is not a credentials file.')
    expect(err.ms).toBeLessThan(1000)
  })

  it('exactly the limit is read; one byte more is refused', async () => {
    const path = join(dir, 'edge.json')
    const json = JSON.stringify({ pad: '' })
    await writeFile(path, json + ' '.repeat(MAX_IMPORT_BYTES - json.length))
    await expect(readImportFile(nodeDiskFs, path)).resolves.toEqual({ pad: '' })
    await writeFile(path, json + ' '.repeat(MAX_IMPORT_BYTES - json.length + 1))
    expect((await timedRead(path)).message).toMatch(/larger than 1 MB/)
  })

  it('a missing file says it could not be read', async () => {
    expect((await timedRead(join(dir, 'gone.json'))).message).toBe(
      'gone.json could not be read. Check that the file exists and that you may read it.'
    )
  })

  it.skipIf(!hasMkfifo)(
    'profiles:pick-import on a FIFO answers at once and previews nothing (needs mkfifo)',
    async () => {
      const s = await stack({ dataDir: dir })
      const fifo = join(dir, 'config.json')
      execFileSync('mkfifo', [fifo])
      s.dialogs.open = fifo
      const started = performance.now()
      const err = await rejection(s.profiles.pickImport('e2ectl'))
      expect(err).toMatchObject({ code: 'VALIDATION', field: 'file', message: expect.stringMatching(/named pipe/) })
      expect(performance.now() - started).toBeLessThan(1000)
      // A valid file picked next still imports: nothing was left hanging.
      await writeFile(join(dir, 'tokens.json'), JSON.stringify({ a: { api_key: KEY_A, api_auth_token: TOKEN_A } }))
      s.dialogs.open = join(dir, 'tokens.json')
      expect((await s.profiles.pickImport('token-file'))?.entries).toHaveLength(1)
      // Unblock any reader a broken build left waiting, so the worker can exit.
      await (await open(fifo, 'r+')).close()
    }
  )
})

/** The button labels of the window's import choice, read from its source (main may not import the renderer). */
function importButtonLabels(): string[] {
  const source = readFileSync(join(__dirname, '../../../renderer/src/features/first-run/ImportFlow.tsx'), 'utf8')
  // A label is the plain text between an opening tag's `>` and `</Button>`.
  return Array.from(source.matchAll(/>\s*([^<>{}\s][^<>{}]*?)\s*<\/Button>/g), (m) => m[1] as string)
}

function messageOf(parse: () => unknown): string {
  try {
    parse()
  } catch (e) {
    return (e as Error).message
  }
  throw new Error('expected the parser to refuse the file')
}

describe('a file picked with the wrong button names the right one, as the window labels it', () => {
  const e2ectlConfig = { profiles: { prod: { api_key: KEY_A, auth_token: TOKEN_A } } }
  const tokenFile = { prod: { api_key: KEY_A, api_auth_token: TOKEN_A } }

  it('the window has both import buttons under these labels', () => {
    const labels = importButtonLabels()
    expect(labels).toContain(IMPORT_BUTTON_LABELS.tokenFile)
    expect(labels).toContain(IMPORT_BUTTON_LABELS.e2ectl)
  })

  it.each([
    ['an e2ectl config under "MyAccount token file…"', () => parseTokenFile(e2ectlConfig), 'e2ectl profiles…'],
    ['a token file under "e2ectl profiles…"', () => parseE2ectlConfig(tokenFile), 'MyAccount token file…']
  ])('%s', (_case, parse, button) => {
    const message = messageOf(parse)
    // Every quoted name in the message other than the file's own "profiles" key is a button the window shows.
    const named = Array.from(message.matchAll(/"([^"]+)"/g), (m) => m[1]).filter((n) => n !== 'profiles')
    expect(named).toEqual([button])
    expect(importButtonLabels()).toContain(button)
  })
})
