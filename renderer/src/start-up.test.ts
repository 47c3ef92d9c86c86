import { afterEach, describe, expect, it } from 'vitest'
import { createFakeApi } from '../../tests/support/renderer/fake-api'
import { makeNode, makeProfile, makeProfileNodes } from '../../tests/support/builders'
import { installBridge, resetForTests } from '../../tests/support/renderer/reset'
import { startLoading, startWindow } from './start-up'
import { currentFirstScreen, dropFirstScreenUnlessValid, FIRST_SCREEN_KEY } from './stores/boot-cache'
import { FIRST_PAINT_ROWS, useNodesStore } from './stores/nodes.store'

afterEach(() => resetForTests())

describe('nodes store: the window start', () => {
  it('has its first data with the cut list, and asks for the full list only once the window says it painted', async () => {
    const nodes = Array.from({ length: 200 }, (_, i) => makeNode({ id: i + 1, name: `n-${i + 1}` }))
    const seen: number[] = []
    installBridge(
      createFakeApi({
        'nodes:snapshot': (input) => {
          seen.push(input.firstByName ?? 0)
          return input.firstByName
            ? [makeProfileNodes({ nodes: nodes.slice(0, input.firstByName), totalNodes: nodes.length })]
            : [makeProfileNodes({ nodes })]
        }
      })
    )
    let painted: () => void = () => undefined
    const paint = new Promise<void>((r) => (painted = r))
    const { firstData, all } = startLoading({ beforeFullLists: () => paint })
    await firstData
    expect(useNodesStore.getState().loaded).toBe(true)
    expect(useNodesStore.getState().byProfile['p1']?.nodes).toHaveLength(FIRST_PAINT_ROWS)
    // Long enough for any stray request to have gone out: the full list waits for the paint.
    await new Promise((r) => setTimeout(r, 50))
    expect(seen).toEqual([FIRST_PAINT_ROWS])
    painted()
    await all
    expect(seen).toEqual([FIRST_PAINT_ROWS, 0])
    expect(useNodesStore.getState().byProfile['p1']?.nodes).toHaveLength(200)
  })
})

describe('the window start after a saved first screen', () => {
  it('asks main nothing until the saved screen has painted, then asks for everything in one go', async () => {
    const fake = createFakeApi({})
    installBridge(fake)
    let painted: () => void = () => undefined
    const { firstData } = startLoading({ gate: new Promise<void>((r) => (painted = r)) })
    await new Promise((r) => setTimeout(r, 30))
    expect(fake.calls).toEqual([])
    painted()
    await firstData
    expect(fake.calls.map((c) => c.channel).sort()).toEqual([
      'app:info',
      'nodes:snapshot',
      'profiles:list',
      'settings:get'
    ])
  })
})

/** A first screen as the window saves it, after main's answers for one profile with `nodes`. */
async function savedScreen(): Promise<string> {
  installBridge(createFakeApi({}, { profiles: [makeProfile()], snapshot: [makeProfileNodes({ nodes: [makeNode()] })] }))
  await startLoading().all
  const screen = currentFirstScreen()
  resetForTests()
  return JSON.stringify(screen)
}

/** startWindow with hooks the test controls: the frame paints and the page goes idle when the test says so. */
function startForTest() {
  const steps: string[] = []
  let paint: () => void = () => undefined
  const framePainted = new Promise<void>((r) => (paint = r))
  let idle: () => void = () => undefined
  const started = startWindow({
    mount: async () => void steps.push('mount'),
    afterPaint: () => framePainted,
    whenIdle: (fn) => (idle = fn),
    preloadFirstRun: async () => steps.push('first-run chunk')
  })
  return { started, steps, paint, idle: () => idle() }
}

describe('the window start (start-up.ts)', () => {
  it('paints a saved first screen before asking main, and keeps a copy that passes the full check', async () => {
    const saved = await savedScreen()
    localStorage.setItem(FIRST_SCREEN_KEY, saved)
    const fake = createFakeApi({}, { profiles: [makeProfile()], snapshot: [makeProfileNodes({ nodes: [] })] })
    installBridge(fake)
    const { started, steps, paint, idle } = startForTest()
    expect(useNodesStore.getState().byProfile['p1']?.nodes).toHaveLength(1)
    await new Promise((r) => setTimeout(r, 20))
    expect(steps).toEqual(['mount'])
    expect(fake.calls).toEqual([])
    paint()
    await started.painted
    await started.firstData
    expect(useNodesStore.getState().byProfile['p1']?.nodes).toHaveLength(0)
    idle()
    // The same full check the idle step ran: what the window saves passes it, so it is kept.
    expect(await dropFirstScreenUnlessValid()).toBe(true)
    expect(localStorage.getItem(FIRST_SCREEN_KEY)).toBe(saved)
  })

  it('drops a saved copy that the full check refuses once the page is idle (it painted, main replaced it)', async () => {
    const bad = JSON.parse(await savedScreen()) as { nodes: { nodes: { status: string }[] }[] }
    bad.nodes[0]!.nodes[0]!.status = 'EXPLODED'
    localStorage.setItem(FIRST_SCREEN_KEY, JSON.stringify(bad))
    installBridge(createFakeApi({}, { profiles: [makeProfile()] }))
    const { started, paint, idle } = startForTest()
    paint()
    await started.painted
    idle()
    await expect.poll(() => localStorage.getItem(FIRST_SCREEN_KEY)).toBeNull()
  })

  it('ignores a copy of another version and waits for main instead', async () => {
    const other = { ...(JSON.parse(await savedScreen()) as object), v: 2 }
    localStorage.setItem(FIRST_SCREEN_KEY, JSON.stringify(other))
    let answer: () => void = () => undefined
    const answered = new Promise<void>((r) => (answer = r))
    installBridge(
      createFakeApi({ 'profiles:list': async () => (await answered, [makeProfile()]) }, { profiles: [makeProfile()] })
    )
    const { started, steps, paint } = startForTest()
    expect(useNodesStore.getState().loaded).toBe(false)
    answer()
    await started.firstData
    await expect.poll(() => steps).toEqual(['mount'])
    paint()
    await started.painted
  })

  it('loads the first-run chunk before mounting when there is no profile yet', async () => {
    installBridge(createFakeApi({}, { profiles: [] }))
    const { started, steps, paint } = startForTest()
    await expect.poll(() => steps).toEqual(['first-run chunk', 'mount'])
    paint()
    await started.painted
  })
})

describe('resetForTests', () => {
  it('resets the stores, the start-up and the bridge', async () => {
    const fake = createFakeApi({}, { profiles: [makeProfile()], snapshot: [makeProfileNodes({ nodes: [makeNode()] })] })
    installBridge(fake)
    const first = startLoading()
    await first.all
    expect(useNodesStore.getState().loaded).toBe(true)
    resetForTests()
    expect(useNodesStore.getState()).toMatchObject({ byProfile: {}, loaded: false })
    expect(localStorage.length).toBe(0)
    // No bridge: a new start fails to reach main instead of reusing the old fake, and it is a new start.
    const second = startLoading()
    expect(second).not.toBe(first)
    await second.firstData
    expect(useNodesStore.getState().error?.message).toMatch(/lost contact|bridge is missing/)
  })
})
