// Parsers for the credential files users already have (docs/e2e-api.md#credential-files): MyAccount's "Download Tokens"
// file and e2ectl's ~/.e2e/config.json. Errors say what is wrong without ever quoting a value.
import { constants, type Stats } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { basename } from 'node:path'
import { LOCATIONS, type Location } from '../../../shared/domain/location'
import { ApiKeySchema, AuthTokenSchema, cleanProfileName } from '../../../shared/ipc/schemas'
import { DomainError } from '../errors'
import type { Credentials } from '../vault/credential-vault'
import type { DiskFs } from './atomic-file'

export const MAX_IMPORT_BYTES = 1024 * 1024
const MAX_ALIAS = 100

/**
 * The import buttons as the window labels them (renderer/src/features/first-run/ImportFlow.tsx), so a wrong-file
 * message names a button the user can see. import-files.test.ts checks the window still says exactly these.
 */
export const IMPORT_BUTTON_LABELS = { tokenFile: 'MyAccount token file…', e2ectl: 'e2ectl profiles…' } as const

export interface ParsedImportEntry {
  alias: string
  credentials: Credentials
  suggestedProjectId: string | null
  suggestedLocation: Location | null
}

const bad = (message: string) => new DomainError('VALIDATION', message, { field: 'file' })
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const show = (alias: string) => JSON.stringify(alias.length > 40 ? `${alias.slice(0, 40)}…` : alias)

const tooLarge = (name: string) => bad(`${name} is larger than 1 MB, so it is not a credentials file.`)
const unreadable = (name: string) =>
  bad(`${name} could not be read. Check that the file exists and that you may read it.`)

/**
 * Reads and JSON-parses a user's file. Only reads: the file is never modified. `_fs` models Nodetray's own files;
 * a user's file is read through one handle instead, so what is checked (fstat) is what is read.
 */
export async function readImportFile(_fs: DiskFs, path: string): Promise<unknown> {
  const name = basename(path)
  const text = await readSmallRegularFile(path, name)
  try {
    return JSON.parse(text)
  } catch {
    // JSON.parse's own message quotes the content, which may be a secret: do not pass it on.
    throw bad(`${name} is not JSON. Pick the file exactly as it was downloaded.`)
  }
}

/** Regular files only, at most MAX_IMPORT_BYTES: a device (/dev/zero), a FIFO or a folder fails at once. */
async function readSmallRegularFile(path: string, name: string): Promise<string> {
  let fh: FileHandle
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. Regular files ignore it.
    fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (e) {
    const code = (e as { code?: unknown }).code
    if (code === 'EISDIR') throw notAFile(name, 'a folder')
    if (code === 'ENXIO') throw notAFile(name, 'a socket or device')
    throw unreadable(name)
  }
  try {
    const st = await fh.stat()
    if (!st.isFile()) throw notAFile(name, kindOf(st))
    if (st.size > MAX_IMPORT_BYTES) throw tooLarge(name)
    // One byte past the limit tells "exactly 1 MB" from "grew since fstat".
    const buf = Buffer.alloc(MAX_IMPORT_BYTES + 1)
    let filled = 0
    for (;;) {
      const { bytesRead } = await fh.read(buf, filled, buf.length - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
      if (filled === buf.length) throw tooLarge(name)
    }
    return buf.toString('utf8', 0, filled)
  } catch (e) {
    throw e instanceof DomainError ? e : unreadable(name)
  } finally {
    await fh.close().catch(() => undefined)
  }
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder'
  if (st.isFIFO()) return 'a named pipe (FIFO)'
  if (st.isSocket()) return 'a socket'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device'
  return 'a special file'
}

function notAFile(name: string, kind: string): DomainError {
  return bad(`${name} is ${kind}, not a regular file. Pick the JSON file exactly as it was downloaded.`)
}

function credentialsOf(alias: string, value: Record<string, unknown>, tokenField: string): Credentials {
  const apiKey = value['api_key']
  const authToken = value[tokenField]
  if (typeof apiKey !== 'string' || apiKey.trim() === '') throw bad(`The entry ${show(alias)} has no api_key.`)
  if (typeof authToken !== 'string' || authToken.trim() === '')
    throw bad(`The entry ${show(alias)} has no ${tokenField}.`)
  const key = ApiKeySchema.safeParse(apiKey)
  if (!key.success)
    throw bad(`The api_key of ${show(alias)} is not valid: ${key.error.issues[0]?.message ?? 'bad format'}.`)
  const token = AuthTokenSchema.safeParse(authToken)
  if (!token.success)
    throw bad(`The ${tokenField} of ${show(alias)} is not valid: ${token.error.issues[0]?.message ?? 'bad format'}.`)
  return { apiKey: key.data, authToken: token.data }
}

/**
 * An alias is shown and suggested as the profile name: cleaned like a typed name (NFC, no control, bidi or
 * zero-width characters), so a file cannot reverse the window's text or pass off a look-alike of another name.
 */
function cleanAlias(raw: string): string {
  const alias = cleanProfileName(raw)
  if (alias === '')
    throw bad(raw.trim() === '' ? 'An entry has an empty alias.' : 'An entry’s alias has only invisible characters.')
  if (alias.length > MAX_ALIAS) throw bad(`The alias ${show(alias)} is longer than ${MAX_ALIAS} characters.`)
  return alias
}

/** Aliases key the pending import: two that differ only in invisible characters cannot be told apart. */
function assertDistinct(entries: readonly ParsedImportEntry[]): void {
  const seen = new Set<string>()
  for (const { alias } of entries) {
    if (seen.has(alias))
      throw bad(`Two entries are named ${show(alias)} once invisible characters are removed. Rename one in the file.`)
    seen.add(alias)
  }
}

/** MyAccount "Download Tokens": {"<alias>": {"api_key": "…", "api_auth_token": "…"}}. */
export function parseTokenFile(raw: unknown): ParsedImportEntry[] {
  if (!isObject(raw)) throw bad('This is not a MyAccount token file: it should be a JSON object keyed by token name.')
  if (isObject(raw['profiles']))
    throw bad(`This looks like an e2ectl config file. Use "${IMPORT_BUTTON_LABELS.e2ectl}" for it.`)
  const entries = Object.entries(raw)
  if (entries.length === 0) throw bad('The token file holds no tokens.')
  const parsed = entries.map(([key, value]) => {
    const alias = cleanAlias(key)
    if (!isObject(value)) throw bad(`The entry ${show(alias)} should be an object with api_key and api_auth_token.`)
    return {
      alias,
      credentials: credentialsOf(alias, value, 'api_auth_token'),
      suggestedProjectId: null,
      suggestedLocation: null
    }
  })
  assertDistinct(parsed)
  return parsed
}

/** e2ectl: {"profiles": {"<alias>": {"api_key","auth_token","default_project_id"?,"default_location"?}}, "default"?}. */
export function parseE2ectlConfig(raw: unknown): ParsedImportEntry[] {
  if (!isObject(raw) || !isObject(raw['profiles'])) {
    throw bad(
      `This is not an e2ectl config file: it has no "profiles" object. For a MyAccount token file use "${IMPORT_BUTTON_LABELS.tokenFile}".`
    )
  }
  const entries = Object.entries(raw['profiles'])
  if (entries.length === 0) throw bad('The e2ectl config holds no profiles.')
  const parsed = entries.map(([key, value]) => {
    const alias = cleanAlias(key)
    if (!isObject(value)) throw bad(`The profile ${show(alias)} should be an object with api_key and auth_token.`)
    return {
      alias,
      credentials: credentialsOf(alias, value, 'auth_token'),
      suggestedProjectId: projectIdOf(value['default_project_id']),
      suggestedLocation: locationOf(value['default_location'])
    }
  })
  assertDistinct(parsed)
  // e2ectl's default profile first: it is most likely the one the user wants.
  const def = typeof raw['default'] === 'string' ? cleanProfileName(raw['default']) : null
  return def !== null ? [...parsed.filter((e) => e.alias === def), ...parsed.filter((e) => e.alias !== def)] : parsed
}

function projectIdOf(v: unknown): string | null {
  const s = typeof v === 'number' && Number.isInteger(v) && v >= 0 ? String(v) : typeof v === 'string' ? v.trim() : ''
  return /^\d{1,12}$/.test(s) ? s : null
}

function locationOf(v: unknown): Location | null {
  if (typeof v !== 'string') return null
  return LOCATIONS.find((l) => l.toLowerCase() === v.trim().toLowerCase()) ?? null
}
