import { describe, expect, it } from 'vitest'
import { makeNode, makeProfile, makeProfileNodes } from '../../../tests/support/builders'
import { badgesFor, buildRows, countStatuses, freshness, type GlanceRow } from './glance-model'

const prod = makeProfile({ id: 'prod', name: 'Production' })
const stage = makeProfile({ id: 'stage', name: 'Staging', initials: 'ST' })
const byProfile = {
  prod: makeProfileNodes({
    profileId: 'prod',
    nodes: [
      makeNode({ id: 1, name: 'web-10' }),
      makeNode({ id: 2, name: 'web-2', status: 'OFF' }),
      makeNode({ id: 3, name: 'db', status: 'FAILED', publicIp: '164.52.9.9' }),
      makeNode({ id: 4, name: 'api', status: 'CREATING' }),
      makeNode({ id: 5, name: 'cache' })
    ],
    pending: { '5': { nodeId: 5, kind: 'power_off', startedAt: '2026-03-01T00:00:00Z' } }
  }),
  stage: makeProfileNodes({ profileId: 'stage', nodes: [makeNode({ id: 9, name: 'web-stage' })] })
}
const names = (rows: GlanceRow[]) =>
  rows.map((r) =>
    r.kind === 'section'
      ? `[${r.profile.name}]`
      : r.kind === 'node'
        ? r.node.name
        : r.kind === 'create'
          ? `<${r.create.state} ${r.create.names.join(',')}>`
          : `(${r.text})`
  )

describe('glance rows', () => {
  it('lists each profile with its nodes, attention first: ours changing, changing, failed, running, off', () => {
    const rows = buildRows({ profiles: [prod, stage], byProfile, query: '', collapsed: new Set() })
    expect(names(rows)).toEqual(['[Production]', 'cache', 'api', 'db', 'web-10', 'web-2', '[Staging]', 'web-stage'])
  })

  // Outside tester, December 2026: a create whose reply was lost ("checking") showed only in the wizard; the tray
  // said "0 changing" with no row for it.
  it('an open or failed create shows under its profile until a node row can stand for it; not while searching', () => {
    const creates = [
      { requestId: 'r1', names: ['qa-node'], state: 'checking' as const, checkAfter: '2026-03-01T00:01:00Z' },
      { requestId: 'r2', names: ['batch-1', 'batch-2'], state: 'sending' as const, checkAfter: null },
      { requestId: 'r3', names: ['gone'], state: 'not_created' as const, checkAfter: null },
      { requestId: 'r4', names: ['made'], state: 'created' as const, checkAfter: null }
    ]
    const withCreates = { ...byProfile, stage: { ...byProfile['stage']!, creates } }
    const rows = buildRows({ profiles: [prod, stage], byProfile: withCreates, query: '', collapsed: new Set() })
    expect(names(rows).slice(6)).toEqual([
      '[Staging]',
      '<checking qa-node>',
      '<sending batch-1,batch-2>',
      '<not_created gone>',
      'web-stage'
    ])
    expect(names(buildRows({ profiles: [stage], byProfile: withCreates, query: 'web', collapsed: new Set() }))).toEqual(
      ['[Staging]', 'web-stage']
    )
    expect(
      names(buildRows({ profiles: [stage], byProfile: withCreates, query: '', collapsed: new Set(['stage']) }))
    ).toEqual(['[Staging]'])
  })

  it('search matches name or IP, case-insensitive, drops profiles without a match and opens folded ones', () => {
    const rows = buildRows({ profiles: [prod, stage], byProfile, query: 'WEB', collapsed: new Set(['stage']) })
    expect(names(rows)).toEqual(['[Production]', 'web-10', 'web-2', '[Staging]', 'web-stage'])
    expect(rows[0]).toMatchObject({ shown: 2, total: 5 })
    expect(names(buildRows({ profiles: [prod, stage], byProfile, query: '52.9.9', collapsed: new Set() }))).toEqual([
      '[Production]',
      'db'
    ])
    expect(names(buildRows({ profiles: [prod, stage], byProfile, query: 'zzz', collapsed: new Set() }))).toEqual([
      '(No node matches “zzz”)'
    ])
  })

  it('a folded profile shows only its header', () => {
    const rows = buildRows({ profiles: [prod, stage], byProfile, query: '', collapsed: new Set(['prod']) })
    expect(names(rows)).toEqual(['[Production]', '[Staging]', 'web-stage'])
    expect(rows[0]).toMatchObject({ collapsed: true })
  })

  it('a profile without a list yet says so', () => {
    const rows = buildRows({
      profiles: [prod, makeProfile({ id: 'new', name: 'New' })],
      byProfile,
      query: '',
      collapsed: new Set()
    })
    expect(names(rows).slice(-2)).toEqual(['[New]', '(Loading…)'])
  })
})

describe('glance header data', () => {
  it('counts per state across profiles; our pending change counts as changing', () => {
    expect(countStatuses([prod, stage], byProfile)).toEqual({ running: 2, changing: 2, off: 1, failed: 1 })
  })

  it('two profiles of one project count its nodes once', () => {
    const twin = makeProfile({ id: 'twin', name: 'Production (CI key)', projectId: prod.projectId })
    const twice = { ...byProfile, twin: { ...byProfile.prod, profileId: 'twin' } }
    expect(countStatuses([prod, twin, stage], twice)).toEqual({ running: 2, changing: 2, off: 1, failed: 1 })
    // Until the first has its list, the other's counts stand in for it.
    const { prod: _, ...onlyTwin } = twice
    expect(countStatuses([prod, twin, stage], onlyTwin)).toEqual({ running: 2, changing: 2, off: 1, failed: 1 })
  })

  it('freshness is "refreshing" while any profile is, else the oldest list time', () => {
    const a = makeProfileNodes({ profileId: 'prod', fetchedAt: '2026-03-01T10:00:00Z' })
    const b = makeProfileNodes({ profileId: 'stage', fetchedAt: '2026-03-01T09:00:00Z' })
    expect(freshness([prod, stage], { prod: a, stage: b })).toEqual({
      refreshing: false,
      oldest: '2026-03-01T09:00:00Z'
    })
    expect(freshness([prod, stage], { prod: { ...a, refreshing: true }, stage: b }).refreshing).toBe(true)
  })
})

describe('profile badges', () => {
  const err = (reason: 'offline' | 'rate_limited' | 'auth' | 'other', code = 'NETWORK' as const) =>
    makeProfileNodes({ error: { code, message: 'm', reason } })
  it('names each problem a user must know about', () => {
    expect(badgesFor(prod, err('offline')).map((b) => b.label)).toEqual(['Offline'])
    expect(badgesFor(prod, err('rate_limited')).map((b) => b.label)).toEqual(['Rate limited'])
    expect(badgesFor(prod, err('auth')).map((b) => b.label)).toEqual(['Token expired'])
    expect(
      badgesFor(
        prod,
        makeProfileNodes({ error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'locked', reason: 'other' } })
      ).map((b) => b.label)
    ).toEqual(['Keychain locked'])
    const expired = makeProfile({ credentials: { ...prod.credentials, tokenState: 'expired' } })
    expect(badgesFor(expired, makeProfileNodes()).map((b) => b.label)).toEqual(['Token expired'])
    expect(badgesFor(prod, makeProfileNodes())).toEqual([])
    const expiring = makeProfile({ credentials: { ...prod.credentials, tokenState: 'expiring', tokenDaysLeft: 3 } })
    expect(badgesFor(expiring, makeProfileNodes()).map((b) => b.label)).toEqual(['Token: 3 d left'])
  })
})
