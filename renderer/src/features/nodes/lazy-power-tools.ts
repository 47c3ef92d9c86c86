// The power tools' chunk: fetched when the page is idle after the list has painted, or at first use.
import { lazy } from 'react'

type PowerTools = typeof import('./power-tools')
let loading: Promise<PowerTools> | null = null

export function preloadPowerTools(): Promise<PowerTools> {
  loading ??= import('./power-tools').catch((e: unknown) => {
    // A failed load is tried again next time instead of failing for good.
    loading = null
    throw e
  })
  return loading
}

export const LazyRowMenu = lazy(async () => ({ default: (await preloadPowerTools()).RowMenu }))
export const LazyRowConfirm = lazy(async () => ({ default: (await preloadPowerTools()).RowConfirm }))
export const LazyBulkBar = lazy(async () => ({ default: (await preloadPowerTools()).BulkBar }))
export const LazyBulkDialog = lazy(async () => ({ default: (await preloadPowerTools()).BulkDialog }))
