// Issue 11 A (review finding 4): a profile's project, location and API address cannot change while one of its
// creates is in flight or checking; only a list of the project the POST went to can tell whether E2E made the
// node. Through the real registry: profiles:update is refused naming the node and the time left, other edits go
// through, and Retry after the refused edit sends no second POST.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { errorOf, startMainHarness, valueOf, type MainHarness } from './harness'

let h: MainHarness

beforeAll(async () => {
  h = await startMainHarness()
}, 30_000)

afterAll(async () => {
  await h?.close()
})

it('refuses a scope edit while a create is sending or checking; Retry after it sends no second POST', async () => {
  const account = h.sim.control.addAccount({ projects: [{ name: 'pin-a' }, { name: 'pin-b' }] })
  const [a, b] = account.projects
  if (!a || !b) throw new Error('no projects')
  const profile = valueOf(
    await h.call('profiles:create', {
      name: 'Pinned',
      projectId: String(a.projectId),
      location: 'Delhi',
      apiBaseUrl: h.sim.baseUrl,
      color: '#3b82f6',
      apiKey: account.apiKey,
      authToken: account.authToken
    }),
    'profiles:create'
  )
  const os = valueOf(await h.call('catalog:os', { profileId: profile.id }), 'catalog:os')[0]?.versions[0]
  if (!os) throw new Error('no OS')
  const plan = valueOf(await h.call('catalog:plans', { profileId: profile.id, ...os }), 'catalog:plans').find(
    (x) => x.available && !x.requiresDisk
  )
  if (!plan) throw new Error('no plan')
  valueOf(await h.call('nodes:refresh', { profileId: profile.id }), 'nodes:refresh')
  const posts = () => h.sim.control.countRequests({ method: 'POST', path: 'nodes/' })
  const before = posts()

  // The POST takes a while, then fails in a way that does not say whether E2E made the node.
  h.sim.control.injectFault({ kind: 'latency', ms: 600, method: 'POST', route: 'nodes/', times: 1 })
  h.sim.control.injectFault({ kind: 'http5xx', status: 503, body: 'html', method: 'POST', route: 'nodes/', times: 1 })
  const create = {
    profileId: profile.id,
    requestId: randomUUID(),
    name: 'pinned-01',
    plan: plan.slug,
    image: plan.image,
    count: 1,
    sshKeys: [],
    backups: false,
    ipv6: false
  }
  const first = h.call('nodes:create', create)
  await new Promise((r) => setTimeout(r, 200))

  const sending = errorOf(await h.call('profiles:update', { profileId: profile.id, location: 'Chennai' }))
  expect(sending).toMatchObject({
    code: 'PRECONDITION',
    message: expect.stringMatching(/creating pinned-01 \(about \d+ s left\)/)
  })
  expect(errorOf(await first)).toMatchObject({ createOutcome: 'unknown' })

  const checking = errorOf(await h.call('profiles:update', { profileId: profile.id, projectId: String(b.projectId) }))
  expect(checking).toMatchObject({
    code: 'PRECONDITION',
    message: expect.stringMatching(/checking whether E2E created pinned-01 \(about \d+ s left\)/)
  })
  // Edits that keep the project are fine.
  valueOf(await h.call('profiles:update', { profileId: profile.id, name: 'Pinned 2' }), 'rename')
  const stored = JSON.parse(await h.readProfileFile()) as {
    profiles: { id: string; location: string; projectId: string }[]
  }
  expect(stored.profiles.find((p) => p.id === profile.id)).toMatchObject({
    location: 'Delhi',
    projectId: String(a.projectId)
  })

  expect(errorOf(await h.call('nodes:create', create))).toMatchObject({
    code: 'PRECONDITION',
    createOutcome: 'unknown'
  })
  expect(posts() - before).toBe(1)
}, 30_000)
