import { act, render, screen } from '@testing-library/react'
import { Suspense, useEffect, useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ScreenBoundary } from './components/ScreenBoundary'
import { lazyScreen } from './lazy-screens'

/** A screen with state of its own (an open menu, an inline error): it counts its mounts. */
function Counter({ tick, onMount }: { tick: number; onMount(): void }) {
  const [clicks, setClicks] = useState(0)
  useEffect(onMount, [onMount])
  return (
    <button type="button" onClick={() => setClicks((c) => c + 1)}>
      clicked {clicks}, tick {tick}
    </button>
  )
}

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

afterEach(() => vi.restoreAllMocks())

describe('lazyScreen', () => {
  it('renders one element type before and after its chunk comes in, so React never mounts the screen again', async () => {
    // React commits what a render returned; a screen committed through the lazy wrapper (opened while its chunk
    // loaded, on a busy machine) and rendered as the loaded component later is a new component to React: it
    // mounts again and drops its state.
    const chunk = deferred<{ Counter: typeof Counter }>()
    const { Screen, preload } = lazyScreen(
      () => chunk.promise,
      (m) => m.Counter
    )
    const props = { tick: 1, onMount: () => undefined }
    const before = Screen(props)
    chunk.resolve({ Counter })
    await preload()
    const after = Screen(props)
    expect(after.type).toBe(before.type)
  })

  it('keeps a screen opened before its chunk came in: later renders keep its state', async () => {
    const chunk = deferred<{ Counter: typeof Counter }>()
    const { Screen } = lazyScreen(
      () => chunk.promise,
      (m) => m.Counter
    )
    let mounts = 0
    const onMount = () => {
      mounts++
    }
    const ui = (tick: number) => (
      <Suspense fallback={<p>loading</p>}>
        <Screen tick={tick} onMount={onMount} />
      </Suspense>
    )
    const view = render(ui(1))
    expect(screen.getByText('loading')).toBeTruthy()
    await act(async () => chunk.resolve({ Counter }))
    const button = await screen.findByRole('button')
    await act(async () => button.click())
    view.rerender(ui(2))
    expect(screen.getByRole('button').textContent).toBe('clicked 1, tick 2')
    expect(mounts).toBe(1)
  })

  it('shows a preloaded screen in the first render, without the fallback', async () => {
    const { Screen, preload } = lazyScreen(
      async () => ({ Counter }),
      (m) => m.Counter
    )
    await preload()
    render(
      <Suspense fallback={<p>loading</p>}>
        <Screen tick={1} onMount={() => undefined} />
      </Suspense>
    )
    // No act() flush needed: the screen is there at once.
    expect(screen.queryByText('loading')).toBeNull()
    expect(screen.getByRole('button').textContent).toBe('clicked 0, tick 1')
  })

  it('loads a chunk that failed again on Try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined) // React logs the caught error
    let attempt = 0
    const { Screen } = lazyScreen(
      async () => {
        attempt++
        if (attempt === 1) throw new Error('chunk failed')
        return { Counter }
      },
      (m) => m.Counter
    )
    render(
      <ScreenBoundary>
        <Screen tick={1} onMount={() => undefined} />
      </ScreenBoundary>
    )
    const tryAgain = await screen.findByRole('button', { name: 'Try again' })
    await act(async () => tryAgain.click())
    expect((await screen.findByRole('button', { name: /clicked/ })).textContent).toBe('clicked 0, tick 1')
    expect(attempt).toBe(2)
  })
})
