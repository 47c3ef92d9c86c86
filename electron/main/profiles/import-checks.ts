// The checks an imported key and token go through before anything is saved, each a line of the page's checklist:
// the token's expiry (read locally), the API address (through the host policy), E2E's answer to the pair, and the
// project lookup. A failed check is a result, not an error: the page shows it and the import refuses that alias.
import { DEFAULT_API_BASE_URL, type CredentialCheck, type ImportCheckResult } from '../../../shared/domain/profile'
import type { ClientFactory } from '../api/client.types'
import { DomainError } from '../errors'
import type { Clock } from '../ports'
import type { Credentials } from '../vault/credential-vault'
import type { ApiHostPolicy } from './api-hosts'
import { EXPIRING_WITHIN_DAYS, formatExpiry } from './credential-info'
import { readJwtExpiry } from './jwt'

const DAY_MS = 24 * 60 * 60 * 1000

export interface ImportCheckDeps {
  apiHosts: ApiHostPolicy
  createClient: ClientFactory
  clock: Clock
}

/** The token line alone (no network): also what the import itself enforces for entries never checked. */
export function tokenCheck(authToken: string, now: number): CredentialCheck {
  const exp = readJwtExpiry(authToken)
  if (!exp) {
    return {
      id: 'token',
      state: 'warn',
      text: 'The token’s expiry date cannot be read. E2E will tell once it is used.'
    }
  }
  const left = exp.getTime() - now
  if (left <= 0) {
    return {
      id: 'token',
      state: 'fail',
      text: `This token expired on ${formatExpiry(exp)}. Create a new token in MyAccount → API & IAM and download the file again.`
    }
  }
  if (left <= EXPIRING_WITHIN_DAYS * DAY_MS) {
    const days = Math.floor(left / DAY_MS)
    const when = days <= 0 ? 'today' : `in ${days} ${days === 1 ? 'day' : 'days'}`
    return {
      id: 'token',
      state: 'warn',
      text: `Token expires ${when} (${formatExpiry(exp)}). It works until then; make a new one in MyAccount soon.`
    }
  }
  return { id: 'token', state: 'ok', text: `Token valid until ${formatExpiry(exp)}` }
}

function errorOf(err: unknown): { code: string; message: string } {
  if (err instanceof DomainError) return { code: err.code, message: err.message }
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }
}

/** E2E did not answer (offline, slow, 5xx, rate limited): the pair is not known to be bad, so a warning only. */
const unreachable = (code: string, message: string) =>
  code === 'NETWORK' || code === 'TIMEOUT'
    ? 'E2E could not be reached to check them. You can import now; Nodetray checks them again when it connects.'
    : `E2E could not check them right now (${message.replace(/\.$/, '')}). You can import now; Nodetray checks them again when it connects.`

export async function checkImportedCredentials(
  d: ImportCheckDeps,
  alias: string,
  creds: Credentials
): Promise<ImportCheckResult> {
  const checks: CredentialCheck[] = [tokenCheck(creds.authToken, d.clock.now())]
  const expired = checks[0]?.state === 'fail'

  // Imported secrets were typed for no address: they go only to E2E's own (docs/secrets-guarantees.md).
  let baseUrl: string | null = null
  try {
    baseUrl = d.apiHosts.check(DEFAULT_API_BASE_URL)
    checks.push({ id: 'address', state: 'ok', text: `Sent only to E2E Networks (${new URL(baseUrl).host})` })
  } catch (err) {
    checks.push({ id: 'address', state: 'fail', text: errorOf(err).message })
  }

  let projects: ImportCheckResult['projects'] = []
  if (expired || baseUrl === null) {
    checks.push({ id: 'credentials', state: 'skipped', text: 'E2E not asked: fix the problem above first.' })
    checks.push({ id: 'projects', state: 'skipped', text: 'Projects not looked up.' })
  } else {
    const client = d.createClient({ baseUrl, apiKey: creds.apiKey, authToken: creds.authToken })
    let accepted = false
    try {
      await client.checkCredentials()
      accepted = true
      checks.push({ id: 'credentials', state: 'ok', text: 'E2E accepted the API key and token' })
    } catch (err) {
      const e = errorOf(err)
      checks.push(
        e.code === 'AUTH' || e.code === 'FORBIDDEN'
          ? {
              id: 'credentials',
              state: 'fail',
              text: `E2E rejected this API key and token. Create a new token in MyAccount → API & IAM.`
            }
          : { id: 'credentials', state: 'warn', text: unreachable(e.code, e.message) }
      )
    }
    if (!accepted) {
      checks.push({ id: 'projects', state: 'skipped', text: 'Projects not looked up: type the project id.' })
    } else {
      try {
        projects = await client.listProjects()
        checks.push({
          id: 'projects',
          state: projects.length > 0 ? 'ok' : 'warn',
          text:
            projects.length > 0
              ? `${projects.length} ${projects.length === 1 ? 'project' : 'projects'} found`
              : 'No projects listed. Projects shared with you through IAM are not listed: type the id.'
        })
      } catch (err) {
        checks.push({
          id: 'projects',
          state: 'warn',
          text: `Could not list the projects (${errorOf(err).message.replace(/\.$/, '')}). Type the project id.`
        })
      }
    }
  }
  const blocking = checks.find((c) => c.state === 'fail')
  return { alias, checks, projects, blockedBy: blocking ? blocking.text : null }
}
