// Keychain account names. Every Nodetray data folder (the installed app, `npm run dev`, a test run, the preview
// host) shares one OS keychain, so each folder has an install id, kept in its profiles.json, and puts it in every
// account it writes: `<profile id>.<install id>.<random>`. The start-up sweep deletes only accounts carrying its
// own install id. Older accounts (`<profile id>` or `<profile id>.<random>`) name no folder: they are read and
// kept while a profile names them, and never swept.
import { randomBytes } from 'node:crypto'

export const INSTALL_ID_RE = /^[a-z0-9]{8,32}$/

export function newInstallId(): string {
  return randomBytes(6).toString('hex')
}

/** A fresh keychain account for a profile's secrets, tagged with this data folder's install id. */
export function newSecretRef(profileId: string, installId: string): string {
  return `${profileId}.${installId}.${randomBytes(4).toString('hex')}`
}

/** The profile id and install id an account carries; installId is null for accounts written before ids existed. */
export function parseSecretRef(account: string): { profileId: string; installId: string | null } {
  const parts = account.split('.')
  const profileId = parts[0] ?? account
  return { profileId, installId: parts.length === 3 && INSTALL_ID_RE.test(parts[1] ?? '') ? (parts[1] ?? null) : null }
}

/** Secret refs a damaged profile file names, read leniently (the file is not JSON any more). */
export function refsInText(text: string): { refs: string[]; installId: string | null } {
  const refs = [...text.matchAll(/"secretRef"\s*:\s*"([A-Za-z0-9_.-]{1,100})"/g)].map((m) => m[1] ?? '')
  const id = /"installId"\s*:\s*"([a-z0-9]{8,32})"/.exec(text)?.[1] ?? null
  return { refs: refs.filter(Boolean), installId: id }
}
