// Linux: asks the Secret Service over D-Bus (with dbus-send, part of every D-Bus install) whether our entries
// exist and whether they are locked, without reading a secret and without raising an unlock prompt.
// keytar cannot tell: on a locked collection libsecret reads null ("nothing stored"), waits for a prompt, or
// (findCredentials) crashes the process. So the keytar vault asks here first.
import { execFile } from 'node:child_process'

export type ItemState = 'unlocked' | 'locked' | 'absent'

export interface SecretServiceProbe {
  /** null when the probe cannot run here (no dbus-send); throws when D-Bus or the Secret Service is missing. */
  item(service: string, account: string): Promise<ItemState | null>
  /** Every account stored under `service` and whether it is locked; null when the probe cannot run here. */
  accounts(service: string): Promise<{ account: string; locked: boolean }[] | null>
}

const DEST = 'org.freedesktop.secrets'
const TIMEOUT_MS = 3000
// Account and service names we write are plain (see keytar-vault.ts); anything else would break dbus-send's syntax.
const SAFE = /^[A-Za-z0-9_.-]{1,100}$/

type Run = (args: string[]) => Promise<string | null>

/** Runs dbus-send; null when it is not installed, throws with its error text otherwise. */
export const runDbusSend: Run = (args) =>
  new Promise((resolve, reject) => {
    execFile(
      'dbus-send',
      ['--session', '--print-reply', `--reply-timeout=${TIMEOUT_MS}`, `--dest=${DEST}`, ...args],
      { timeout: TIMEOUT_MS + 500, env: process.env },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout)
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return resolve(null)
        reject(new Error(`dbus-send: ${stderr.trim() || err.message}`))
      }
    )
  })

/** The two object-path arrays of a SearchItems reply: (unlocked, locked). */
export function parseSearchReply(text: string): { unlocked: string[]; locked: string[] } {
  const arrays = text.split('array [').slice(1)
  const paths = (chunk: string | undefined) =>
    [...(chunk ?? '').matchAll(/object path "([^"]+)"/g)].map((m) => m[1] ?? '')
  return { unlocked: paths(arrays[0]), locked: paths(arrays[1]) }
}

/** The attribute dictionary of a Properties.Get(Attributes) reply. */
export function parseAttributesReply(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of text.matchAll(/dict entry\(\s*string "([^"]*)"\s*string "([^"]*)"\s*\)/g))
    out[m[1] ?? ''] = m[2] ?? ''
  return out
}

export function createSecretServiceProbe(run: Run = runDbusSend): SecretServiceProbe {
  const search = async (attrs: string[]) => {
    const text = await run([
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service.SearchItems',
      `dict:string:string:${attrs.join(',')}`
    ])
    return text === null ? null : parseSearchReply(text)
  }
  return {
    async item(service, account) {
      if (!SAFE.test(service) || !SAFE.test(account)) return null
      const r = await search(['service', service, 'account', account])
      if (!r) return null
      if (r.unlocked.length) return 'unlocked'
      return r.locked.length ? 'locked' : 'absent'
    },
    async accounts(service) {
      if (!SAFE.test(service)) return null
      const r = await search(['service', service])
      if (!r) return null
      const out: { account: string; locked: boolean }[] = []
      for (const [path, locked] of [
        ...r.unlocked.map((p) => [p, false] as const),
        ...r.locked.map((p) => [p, true] as const)
      ]) {
        const text = await run([
          path,
          'org.freedesktop.DBus.Properties.Get',
          'string:org.freedesktop.Secret.Item',
          'string:Attributes'
        ])
        const account = text === null ? undefined : parseAttributesReply(text).account
        if (account) out.push({ account, locked })
      }
      return out
    }
  }
}
