// The input schemas are main's first line against a compromised or buggy renderer, and their messages are what a
// person reads beside a form field. Each rule is checked at its edge (the longest accepted value and one longer, the
// shortest and one shorter), and each message is the one the user sees.
import { describe, expect, it } from 'vitest'
import { invokeSchemas, type InvokeChannel } from '../../shared/ipc/contract'
import { NODE_NAME_RE } from '../../shared/ipc/schemas'
import { STUB_KNOWN, validExamples } from '../support/ipc-examples'

const examples = validExamples(STUB_KNOWN)

type Input = Record<string, unknown>

/** The channel's valid example with `patch` applied (a key set to undefined is removed). */
function withFields(channel: InvokeChannel, patch: Input): Input {
  const out: Input = { ...(examples[channel] as Input), ...patch }
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete out[k]
  return out
}

function parse(channel: InvokeChannel, input: unknown) {
  return invokeSchemas[channel].safeParse(input)
}

function accepts(channel: InvokeChannel, patch: Input): boolean {
  return parse(channel, withFields(channel, patch)).success
}

/** The first problem as the registry reports it: the field path and the message. */
function problem(channel: InvokeChannel, patch: Input): { path: string; message: string } | null {
  const r = parse(channel, withFields(channel, patch))
  if (r.success) return null
  const first = r.error.issues[0]!
  return { path: first.path.join('.'), message: first.message }
}

function value(channel: InvokeChannel, patch: Input): Input {
  const r = parse(channel, withFields(channel, patch))
  if (!r.success) throw new Error(`${channel} refused ${JSON.stringify(patch)}: ${r.error.message}`)
  return r.data as Input
}

const str = (n: number, c = 'a') => c.repeat(n)

describe('length limits of every free-text field', () => {
  const cases: [InvokeChannel, string, number, number][] = [
    ['profiles:delete', 'profileId', 1, 64],
    ['profiles:create', 'name', 1, 40],
    ['profiles:create', 'apiKey', 8, 200],
    ['profiles:create', 'authToken', 16, 8192],
    ['profiles:create', 'initials', 1, 2],
    ['profiles:import', 'importId', 1, 64],
    ['nodes:delete', 'confirmName', 0, 100],
    ['nodes:create', 'plan', 3, 200],
    ['nodes:create', 'image', 1, 200],
    ['nodes:create', 'name', 1, 50],
    ['nodes:create', 'startScript', 0, 16384],
    ['catalog:plans', 'os', 1, 100],
    ['catalog:plans', 'version', 1, 100],
    ['catalog:plans', 'subCategory', 0, 100],
    ['catalog:plans', 'displayCategory', 1, 100],
    ['app:dismiss-notice', 'id', 1, 100],
    ['clipboard:write', 'text', 1, 2000],
    ['app:open-external', 'url', 0, 2048],
    ['tray:activate', 'itemId', 1, 300],
    ['dialog:respond', 'dialogId', 1, 64],
    ['dialog:respond', 'path', 0, 4096]
  ]
  it.each(cases)('%s %s: %i to %i characters', (channel, field, min, max) => {
    expect(accepts(channel, { [field]: str(max) }), `${max} characters`).toBe(true)
    expect(accepts(channel, { [field]: str(Math.max(min, 2)) }), `${Math.max(min, 2)} characters`).toBe(true)
    expect(accepts(channel, { [field]: str(min) }), `${min} characters`).toBe(true)
    expect(accepts(channel, { [field]: str(max + 1) }), `${max + 1} characters`).toBe(false)
    if (min > 0) expect(accepts(channel, { [field]: str(min - 1) }), `${min - 1} characters`).toBe(false)
  })

  it('the API base URL is at most 300 characters', () => {
    const url = (n: number) => `https://api.example/${str(n - 'https://api.example/'.length)}`
    expect(accepts('profiles:create', { apiBaseUrl: url(300) })).toBe(true)
    expect(accepts('profiles:create', { apiBaseUrl: url(301) })).toBe(false)
  })

  it('credentials checked before saving: import id up to 64, alias up to 100, neither empty', () => {
    const check = (importId: string, alias: string) => parse('profiles:check-credentials', { importId, alias }).success
    expect(check(str(64), str(100))).toBe(true)
    expect(check('ab', 'ab')).toBe(true)
    expect(check(str(65), 'prod')).toBe(false)
    expect(check('imp', str(101))).toBe(false)
    expect(check('', 'prod')).toBe(false)
    expect(check('imp', '')).toBe(false)
  })

  it('imported entries: aliases 1–100 characters, 1–50 entries', () => {
    const entry = (alias: string) => ({ alias, name: 'Imported', projectId: '51734', location: 'Chennai' })
    const imp = (entries: unknown[]) => parse('profiles:import', { importId: 'import-1', entries })
    expect(imp([entry(str(100)), entry('ab')]).success).toBe(true)
    expect(imp([entry(str(101))]).success).toBe(false)
    expect(imp([entry('')]).success).toBe(false)
    expect(imp(Array.from({ length: 50 }, (_, i) => entry(`a${i}`))).success).toBe(true)
    expect(imp(Array.from({ length: 51 }, (_, i) => entry(`a${i}`))).success).toBe(false)
    const none = imp([])
    expect(none.success).toBe(false)
    expect(none.error?.issues[0]?.message).toBe('Pick at least one profile to import')
  })

  it('SSH keys: each 20–16384 characters, at most 20 of them', () => {
    const key = (n: number) => `ssh-ed25519 ${str(n - 12)}`
    expect(accepts('nodes:create', { sshKeys: [key(20), key(16384)] })).toBe(true)
    expect(accepts('nodes:create', { sshKeys: [key(19)] })).toBe(false)
    expect(accepts('nodes:create', { sshKeys: [key(16385)] })).toBe(false)
    expect(accepts('nodes:create', { sshKeys: [] })).toBe(true)
    expect(accepts('nodes:create', { sshKeys: Array.from({ length: 20 }, () => key(40)) })).toBe(true)
    expect(accepts('nodes:create', { sshKeys: Array.from({ length: 21 }, () => key(40)) })).toBe(false)
  })
})

describe('number ranges', () => {
  const cases: [InvokeChannel, string, number, number, string | null, string | null][] = [
    ['nodes:create', 'count', 1, 5, 'Count must be 1 to 5', 'Count must be 1 to 5'],
    ['settings:update', 'steadyIntervalSec', 15, 3600, 'At least 15 seconds', 'At most an hour'],
    ['nodes:snapshot', 'firstByName', 1, 1000, null, null],
    ['dialog:respond', 'response', -1, 10, null, null]
  ]
  it.each(cases)('%s %s: %i to %i', (channel, field, min, max, below, above) => {
    expect(accepts(channel, { [field]: min })).toBe(true)
    expect(accepts(channel, { [field]: min + 1 })).toBe(true)
    expect(accepts(channel, { [field]: max })).toBe(true)
    expect(problem(channel, { [field]: min - 1 })).toEqual({ path: field, message: below ?? expect.any(String) })
    expect(problem(channel, { [field]: max + 1 })).toEqual({ path: field, message: above ?? expect.any(String) })
  })

  it('a fractional node count says a whole number is wanted, in the same words as the range', () => {
    expect(problem('nodes:create', { count: 2.5 })).toEqual({
      path: 'count',
      message: 'Count must be a whole number, 1 to 5'
    })
  })
})

describe('identifiers and credentials: characters and messages', () => {
  it('profile ids are letters, digits, - and _ only, all the way through', () => {
    expect(accepts('profiles:delete', { profileId: 'p_1-Ab' })).toBe(true)
    for (const bad of ['a b', 'ab/', '/ab', '../x', 'é'])
      expect(problem('profiles:delete', { profileId: bad }), bad).toEqual({
        path: 'profileId',
        message: 'Unknown profile id'
      })
  })

  it('a project id is 1–12 digits, spaces around it trimmed', () => {
    expect(value('profiles:create', { projectId: ' 51734 ' })['projectId']).toBe('51734')
    expect(accepts('profiles:create', { projectId: '5' })).toBe(true)
    expect(accepts('profiles:create', { projectId: '123456789012' })).toBe(true)
    for (const bad of ['1234567890123', '12ab', 'ab12', '1 2', ''])
      expect(problem('profiles:create', { projectId: bad }), bad).toEqual({
        path: 'projectId',
        message: 'Project id must be digits only, e.g. 51734'
      })
  })

  it('names are trimmed, required and at most 40 characters, with messages to show', () => {
    expect(value('profiles:create', { name: '  Prod  ' })['name']).toBe('Prod')
    expect(problem('profiles:create', { name: '   ' })).toEqual({ path: 'name', message: 'Name is required' })
    expect(problem('profiles:create', { name: str(41) })).toEqual({
      path: 'name',
      message: 'Name must be at most 40 characters'
    })
  })

  it('the location is Delhi or Chennai, and says so', () => {
    expect(accepts('profiles:create', { location: 'Chennai' })).toBe(true)
    expect(problem('profiles:create', { location: 'Mumbai' })).toEqual({
      path: 'location',
      message: 'Location must be Delhi or Chennai'
    })
  })

  it('an API key: trimmed, letters, digits and dashes, 8–200 characters', () => {
    expect(value('profiles:create', { apiKey: '  abcd-1234  ' })['apiKey']).toBe('abcd-1234')
    expect(problem('profiles:create', { apiKey: 'abc' })).toEqual({
      path: 'apiKey',
      message: 'API key looks too short'
    })
    expect(problem('profiles:create', { apiKey: str(201) })).toEqual({
      path: 'apiKey',
      message: 'API key looks too long'
    })
    for (const bad of ['abcd efgh', 'abcd_efgh', 'abcdefgh!', '!abcdefgh', 'abcd\nefgh'])
      expect(problem('profiles:create', { apiKey: bad }), JSON.stringify(bad)).toEqual({
        path: 'apiKey',
        message: 'API key may contain only letters, digits and dashes'
      })
  })

  it('an auth token: trimmed, token characters only, 16–8192 characters', () => {
    const ok = 'aA0._~+/=-bcdefghij'
    expect(value('profiles:create', { authToken: ` ${ok} ` })['authToken']).toBe(ok)
    expect(problem('profiles:create', { authToken: str(15) })).toEqual({
      path: 'authToken',
      message: 'Auth token looks too short'
    })
    expect(problem('profiles:create', { authToken: str(8193) })).toEqual({
      path: 'authToken',
      message: 'Auth token looks too long'
    })
    for (const bad of [`${ok} x`, `x ${ok}`, `${ok}!`, `"${ok}`])
      expect(problem('profiles:create', { authToken: bad }), bad).toEqual({
        path: 'authToken',
        message: 'Auth token has characters a token cannot contain'
      })
  })

  it('blank credentials in an update keep the stored ones; anything else must be a real credential', () => {
    expect(value('profiles:update', { apiKey: '', authToken: '' })).toMatchObject({ apiKey: '', authToken: '' })
    expect(accepts('profiles:update', { apiKey: 'abcd-1234', authToken: str(16) })).toBe(true)
    expect(accepts('profiles:update', { apiKey: undefined, authToken: undefined })).toBe(true)
    expect(accepts('profiles:update', { apiKey: 'short' })).toBe(false)
    expect(accepts('profiles:update', { authToken: 'short' })).toBe(false)
  })

  it('colours are #rrggbb and initials one or two characters, trimmed', () => {
    expect(accepts('profiles:create', { color: '#3B82f6' })).toBe(true)
    for (const bad of ['#3b82f', '#3b82f6a', 'x#3b82f6', '#3b82fg', '3b82f6'])
      expect(problem('profiles:create', { color: bad }), bad).toEqual({
        path: 'color',
        message: 'Colour must look like #3b82f6'
      })
    expect(value('profiles:create', { initials: ' AB ' })['initials']).toBe('AB')
    expect(problem('profiles:create', { initials: 'ABC' })).toEqual({
      path: 'initials',
      message: 'Initials are one or two characters'
    })
    expect(accepts('profiles:create', { initials: ' ' })).toBe(false)
  })

  it('node names: 1–50 letters, digits, - or _, no spaces', () => {
    expect(NODE_NAME_RE.test('web-1_A')).toBe(true)
    for (const bad of ['web 1', ' web', 'web ', 'web.1', str(51)])
      expect(problem('nodes:create', { name: bad }), bad).toEqual({
        path: 'name',
        message: 'Name: 1–50 letters, digits, - or _ (no spaces)'
      })
  })

  it('import kinds are the two files Nodetray reads', () => {
    expect(parse('profiles:pick-import', { kind: 'token-file' }).success).toBe(true)
    expect(parse('profiles:pick-import', { kind: 'e2ectl' }).success).toBe(true)
    expect(parse('profiles:pick-import', { kind: 'csv' }).success).toBe(false)
  })
})

describe('the API base URL', () => {
  it('is https, or plain http only to this machine (the simulator), trimmed', () => {
    for (const ok of [
      'https://api.e2enetworks.com/myaccount/api/v1/',
      'http://127.0.0.1:8080/v1/',
      'http://localhost:3000/'
    ])
      expect(accepts('profiles:create', { apiBaseUrl: ok }), ok).toBe(true)
    expect(value('profiles:create', { apiBaseUrl: ' https://api.example/ ' })['apiBaseUrl']).toBe(
      'https://api.example/'
    )
    for (const bad of [
      'http://api.e2enetworks.com/',
      'http://127.0.0.2/',
      'http://localhost.evil.example/',
      'ftp://127.0.0.1/',
      'file:///etc/passwd',
      'not a url',
      ''
    ])
      expect(problem('profiles:create', { apiBaseUrl: bad }), bad).toEqual({
        path: 'apiBaseUrl',
        message: 'API base URL must be an https:// URL'
      })
  })
})

describe('rules across fields', () => {
  it('auto-renewal needs the committed plan to renew with; the other modes do not', () => {
    expect(problem('nodes:committed-settings', { mode: 'auto_renew', committedPlanId: undefined })).toEqual({
      path: 'committedPlanId',
      message: 'Choose the committed plan to renew with'
    })
    expect(accepts('nodes:committed-settings', { mode: 'auto_renew', committedPlanId: 7 })).toBe(true)
    expect(accepts('nodes:committed-settings', { mode: 'auto_terminate', committedPlanId: undefined })).toBe(true)
    expect(accepts('nodes:committed-settings', { mode: 'hourly_billing', committedPlanId: undefined })).toBe(true)
  })

  it('a disk size follows the catalogue steps, reported on the disk field', () => {
    expect(accepts('nodes:create', { disk: 100 })).toBe(true)
    expect(accepts('nodes:create', { disk: 200 })).toBe(true)
    expect(problem('nodes:create', { disk: 110 })).toEqual({
      path: 'disk',
      message: 'Below 150 GB, disk size goes in steps of 25 GB'
    })
    expect(problem('nodes:create', { disk: 50 })).toEqual({
      path: 'disk',
      message: 'Disk size must be between 75 and 2400 GB'
    })
  })

  it('a reserved IP goes with one node only', () => {
    expect(accepts('nodes:create', { reserveIp: '203.0.113.7', count: 1 })).toBe(true)
    expect(accepts('nodes:create', { reserveIp: undefined, count: 2 })).toBe(true)
    expect(problem('nodes:create', { reserveIp: '203.0.113.7', count: 2 })).toEqual({
      path: 'reserveIp',
      message: 'A reserved IP can be used for one node only'
    })
    expect(accepts('nodes:create', { reserveIp: 'not-an-ip', count: 1 })).toBe(false)
  })
})
