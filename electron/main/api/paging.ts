// §1 paging: page_no (1-based) + per_page, totals beside `data`. Page 1 first, then the rest in parallel with
// bounded concurrency. A server that ignores paging (more rows than asked, or no totals) sent the whole list.
import { z } from 'zod'
import { DomainError } from '../errors'
import type { Http, RequestSpec } from './http'
import { num } from './lenient'

export const MAX_PAGES = 500
export const DEFAULT_PER_PAGE = 100
// 10 in flight: a 1,000-node account (10 pages) refreshes in two round trips (page 1, then the other 9 at
// once). Still a small burst for an API whose rate limit is undocumented; the poller backs off ≥ 30 s on a 429.
export const DEFAULT_CONCURRENCY = 10

const pageSchema = z.looseObject({
  data: z.array(z.unknown()),
  total_page_number: num,
  total_count: num
})

export interface PagingOptions {
  perPage?: number
  concurrency?: number
  signal?: AbortSignal | undefined
}

/** All rows of a paged list, in page order (not yet deduplicated: the caller knows the id field). */
export async function fetchAllPages(
  http: Http,
  spec: Omit<RequestSpec, 'method' | 'query' | 'signal'>,
  o: PagingOptions = {}
): Promise<unknown[]> {
  const perPage = Math.max(1, Math.floor(o.perPage ?? DEFAULT_PER_PAGE))
  const concurrency = Math.max(1, Math.floor(o.concurrency ?? DEFAULT_CONCURRENCY))
  const get = (page: number): Promise<z.output<typeof pageSchema>> =>
    http.read({ ...spec, method: 'GET', query: { page_no: page, per_page: perPage }, signal: o.signal }, pageSchema)

  const first = await get(1)
  const totalPages = first.total_page_number
  if (totalPages === null || totalPages <= 1 || first.data.length > perPage) return first.data
  const last = Math.min(Math.floor(totalPages), MAX_PAGES)

  const pages: unknown[][] = [first.data]
  let next = 2
  let failed: DomainError | null = null
  const worker = async (): Promise<void> => {
    while (next <= last && !failed) {
      const page = next++
      try {
        pages[page - 1] = (await get(page)).data
      } catch (e) {
        failed ??= e instanceof DomainError ? e : new DomainError('INTERNAL', 'Reading a page of the list failed.')
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, last - 1) }, () => worker()))
  if (failed) throw failed
  return pages.flat()
}
