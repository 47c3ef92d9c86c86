// Auth (docs/e2e-api.md#authentication, #simulator-auth-and-scope): apikey query + Bearer token, expiry on the
// virtual clock or after N calls, read-only tokens, and project/location scoping.
import { ApiError, badRequest, detailError, notFound } from './responses'
import { SIM_LOCATIONS, type SimLocation } from './types'
import { scopeKey, type Account, type Scope, type World } from './world'

export const NO_CREDENTIALS = 'Authentication credentials were not provided.'

function authFail(world: World, detail: string): ApiError {
  return detailError(world.options.authFailureStatus, detail)
}

export function bearerOf(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return m?.[1] ?? null
}

/** Resolve the calling account, or throw the DRF-style 401/403. Counts the call against expiresAfterCalls. */
export function authenticate(
  world: World,
  query: URLSearchParams,
  authorization: string | undefined,
  isWrite: boolean
): Account {
  const apiKey = query.get('apikey')
  const token = bearerOf(authorization)
  if (!apiKey || !token) throw authFail(world, NO_CREDENTIALS)
  const account = world.tokens.get(token)
  if (!account || account.apiKey !== apiKey) throw authFail(world, 'Invalid API key or token.')
  if (account.expired || (account.expiresAt !== null && world.now() >= account.expiresAt)) {
    account.expired = true
    throw authFail(world, 'Given token not valid for any token type: token has expired.')
  }
  if (account.callsLeft !== null) {
    if (account.callsLeft <= 0) {
      account.expired = true
      throw authFail(world, 'Given token not valid for any token type: token has expired.')
    }
    account.callsLeft -= 1
  }
  if (isWrite && account.readOnly) throw detailError(403, 'You do not have permission to perform this action.')
  return account
}

export function resolveScope(world: World, account: Account, query: URLSearchParams): Scope {
  const rawProject = query.get('project_id')
  let projectId: number
  if (rawProject === null || rawProject === '') {
    const def = account.projects.find((p) => p.isDefault) ?? account.projects[0]
    if (!def) throw notFound('Project')
    projectId = def.projectId
  } else {
    projectId = Number(rawProject)
    if (!Number.isInteger(projectId)) throw badRequest('project_id must be an integer')
  }
  const rawLocation = query.get('location') ?? 'Delhi'
  if (!SIM_LOCATIONS.includes(rawLocation as SimLocation)) throw badRequest(`Invalid location "${rawLocation}"`)
  const scope = world.scopes.get(scopeKey(account.apiKey, projectId, rawLocation as SimLocation))
  if (!scope) throw notFound('Project')
  return scope
}
