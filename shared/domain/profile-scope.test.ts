import { describe, expect, it } from 'vitest'
import { DEFAULT_API_BASE_URL, onePerScope, type Profile } from './profile'

type Scoped = Pick<Profile, 'id' | 'projectId' | 'location' | 'apiBaseUrl'>
const makeProfile = (p: Partial<Scoped> & { id: string }): Scoped => ({
  projectId: '51734',
  location: 'Delhi',
  apiBaseUrl: DEFAULT_API_BASE_URL,
  ...p
})

describe('one profile per project scope (the totals count each node once)', () => {
  const a = makeProfile({ id: 'a', projectId: '51734', location: 'Delhi' })
  const b = makeProfile({ id: 'b', projectId: '051734', location: 'Delhi' }) // the same project, typed otherwise
  const c = makeProfile({ id: 'c', projectId: '51734', location: 'Chennai' })
  const d = makeProfile({
    id: 'd',
    projectId: '51734',
    location: 'Delhi',
    apiBaseUrl: 'https://API.e2enetworks.com:443/myaccount/api/v1/'
  })
  const elsewhere = makeProfile({
    id: 'e',
    projectId: '51734',
    location: 'Delhi',
    apiBaseUrl: 'http://127.0.0.1:9999/myaccount/api/v1'
  })

  it('keeps the first of each project, location and address, in the given order', () => {
    expect(onePerScope([c, a, b, d, elsewhere], () => true).map((p) => p.id)).toEqual(['c', 'a', 'e'])
  })

  it('takes the one that has its nodes when the first has none yet (a rejected key, say)', () => {
    expect(onePerScope([a, b, c], (p) => p.id !== 'a').map((p) => p.id)).toEqual(['b', 'c'])
    expect(onePerScope([a, b], () => false).map((p) => p.id)).toEqual(['a'])
  })
})
