import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AppError } from './ipc'
import { useAction } from './use-action'
import { useFetch } from './use-fetch'

/** A load whose answer the test releases by hand. */
function deferred<T>() {
  let resolve: (v: T) => void = () => undefined
  let reject: (e: unknown) => void = () => undefined
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

describe('useFetch', () => {
  it('never lets an answer for an older key land, and keeps the newest data while the next loads', async () => {
    const slowA = deferred<string>()
    const fastB = deferred<string>()
    const loads: Record<string, Promise<string>> = { a: slowA.promise, b: fastB.promise }
    const { result, rerender } = renderHook(({ k }) => useFetch(k, () => loads[k]!), { initialProps: { k: 'a' } })
    rerender({ k: 'b' })
    await act(async () => fastB.resolve('B'))
    await act(async () => slowA.resolve('A'))
    expect(result.current).toMatchObject({ status: 'ready', data: 'B', latest: 'B' })
    loads['c'] = new Promise(() => undefined)
    rerender({ k: 'c' })
    expect(result.current).toMatchObject({ status: 'loading', latest: 'B' })
  })

  it('keeps the last error beside the last data until an answer replaces it', async () => {
    let fail = true
    const { result } = renderHook(() =>
      useFetch('k', () =>
        fail ? Promise.reject(new AppError({ code: 'NETWORK', message: 'offline' })) : Promise.resolve(1)
      )
    )
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.latestError?.code).toBe('NETWORK')
    fail = false
    act(() => result.current.reload())
    expect(result.current.latestError?.code).toBe('NETWORK')
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', data: 1, latestError: null }))
  })
})

describe('useAction', () => {
  it('says which action runs, and keeps a failure shown elsewhere out of `error`', async () => {
    const { result } = renderHook(() => useAction<'on' | 'off'>())
    const work = deferred<void>()
    let running: Promise<boolean> = Promise.resolve(true)
    act(() => void (running = result.current.run(() => work.promise, { label: 'off' })))
    expect(result.current).toMatchObject({ busy: true, running: 'off' })
    await act(async () => work.resolve())
    expect(await running).toBe(true)
    expect(result.current).toMatchObject({ busy: false, running: null, error: null })

    const refused = new AppError({ code: 'VALIDATION', message: 'bad', field: 'entries.0.name' })
    await act(() => result.current.run(() => Promise.reject(refused), { onError: (e) => e.field !== undefined }))
    expect(result.current.error).toBeNull()
    await act(() => result.current.run(() => Promise.reject(new Error('boom'))))
    expect(result.current.error).toMatchObject({ code: 'INTERNAL', message: 'boom' })
  })
})
