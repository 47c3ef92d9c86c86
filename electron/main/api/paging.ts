// Paging (docs/e2e-api.md#paging): page_no (1-based) + per_page, totals beside `data`. A server that ignores paging
// (more rows than asked, or no totals) sent the whole list.
// With the page count of the last list known, every page is asked for at once (one round trip); otherwise page 1
// first, then the rest. Pages fetched at different moments may disagree when the list changes meanwhile (a delete
// shifts later rows one page back, so one row can be missed), so a list whose replies do not add up is read once
// more, and rows from both reads are kept rather than lose one.
import { z } from 'zod'
import { DomainError } from '../errors'
import type { Http, KeptReply, RequestSpec } from './http'
import { num } from './lenient'

export const MAX_PAGES = 500
export const DEFAULT_PER_PAGE = 100
// 10 in flight: a 1,000-node account (10 pages) refreshes in one round trip once its page count is known.
// Still a small burst for an API whose rate limit is undocumented; the poller backs off ≥ 30 s on a 429.
export const DEFAULT_CONCURRENCY = 10
/** Reads of a list that keeps changing under us before we settle for the union of what we saw. */
const MAX_READS = 2

const pageSchema = z.looseObject({
  data: z.array(z.unknown()),
  total_page_number: num,
  total_count: num
})
/** A page as the pager holds it: its rows as the caller made them on arrival (ListOptions.rowsOf), and its totals. */
interface PageOf<R> {
  data: R[]
  total_page_number: number | null
  total_count: number | null
}

/**
 * Each page's last reply, by page number, for one list and page size (the caller's to keep and to reset). A page
 * whose reply is byte for byte the last one is neither parsed nor made into rows again: its rows are the same
 * objects as last time. Only the text and the caller's rows are kept, not the parsed JSON.
 */
export type KeptPages<R> = Map<number, KeptReply<PageOf<R>>>

export interface PagingOptions {
  perPage?: number
  concurrency?: number
  signal?: AbortSignal | undefined
}

export interface ListOptions<R> extends PagingOptions {
  /** Pages the last list of this resource had: ask for all of them at once. */
  knownPages?: number | undefined
  /** Ids of the last list: one missing now may have moved to a page already read, so it is read again. */
  previousIds?: ReadonlySet<number> | undefined
  /**
   * What a reply's rows become, as soon as the reply arrives (a node list maps them to nodes in this one pass, so
   * the parsed JSON dies young instead of being held until every page is in).
   */
  rowsOf: (rows: unknown[]) => R[]
  /** The id of a row as rowsOf made it, for the consistency check (null: a row without a usable id). */
  idOf: (row: R) => number | null
  /** false once this server's total_count proved not to count the rows it lists (see PagedList). */
  trustCount?: boolean | undefined
  /** Last replies of this list's pages: unchanged pages are not parsed again. Pages past the end are dropped. */
  kept?: KeptPages<R> | undefined
}

export interface PagedList<R> {
  /**
   * Each reply's rows, in page order; a second read's pages come first. Not deduplicated: the caller maps rows by
   * id. A page reused from `kept` is the same array as last time, so the caller may reuse what it made of it.
   */
  pageRows: (readonly R[])[]
  /** Pages this list has now (1 when the server sent everything at once). */
  pages: number
  /** Two reads listed the same nodes, yet neither matched total_count: stop checking against it. */
  countUnreliable?: boolean
}

type Spec = Omit<RequestSpec, 'method' | 'query' | 'signal'>

function pager<R>(
  http: Http,
  spec: Spec,
  o: PagingOptions & { kept?: KeptPages<R> | undefined; rowsOf: (rows: unknown[]) => R[] }
) {
  type Page = PageOf<R>
  const perPage = Math.max(1, Math.floor(o.perPage ?? DEFAULT_PER_PAGE))
  const concurrency = Math.max(1, Math.floor(o.concurrency ?? DEFAULT_CONCURRENCY))
  const { kept, rowsOf } = o
  const schema = pageSchema.transform((p): Page => ({
    data: rowsOf(p.data),
    total_page_number: p.total_page_number,
    total_count: p.total_count
  }))
  const get = async (page: number): Promise<Page> => {
    const request = { ...spec, method: 'GET' as const, query: { page_no: page, per_page: perPage }, signal: o.signal }
    if (!kept) return http.read(request, schema)
    const reply = await http.readAgain(request, schema, kept.get(page))
    kept.set(page, reply)
    return reply.value
  }

  /** These pages, at most `concurrency` in flight; one failure fails them all (no silent gaps). */
  async function fetchPages(pages: number[], into = new Map<number, Page>()): Promise<Map<number, Page>> {
    let next = 0
    let failed: DomainError | null = null
    const worker = async (): Promise<void> => {
      while (next < pages.length && !failed) {
        const page = pages[next++] as number
        try {
          into.set(page, await get(page))
        } catch (e) {
          failed ??= e instanceof DomainError ? e : new DomainError('INTERNAL', 'Reading a page of the list failed.')
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, pages.length) }, () => worker()))
    if (failed) throw failed
    return into
  }

  /** Whole list in one reply: no totals, or more rows than a page holds. */
  const isWhole = (p: Page): boolean => p.total_page_number === null || p.data.length > perPage
  /** The most pages any reply announced (a list that grew meanwhile needs its new pages too). */
  const announced = (read: Map<number, Page>): number =>
    Math.max(1, ...[...read.values()].map((p) => Math.floor(p.total_page_number ?? 1)))

  /** Reads `first` pages, then whatever the replies say is still missing. */
  async function read(first: number[]): Promise<Map<number, Page>> {
    const got = await fetchPages(first)
    for (let round = 0; round < 3; round++) {
      const page1 = got.get(1)
      if (page1 && isWhole(page1)) break
      const last = Math.min(announced(got), MAX_PAGES)
      const missing = Array.from({ length: last }, (_, i) => i + 1).filter((p) => !got.has(p))
      if (!missing.length) break
      await fetchPages(missing, got)
    }
    return got
  }

  return { perPage, read, isWhole, announced }
}

const inPageOrder = <R>(read: Map<number, PageOf<R>>): R[][] =>
  [...read.entries()].sort(([a], [b]) => a - b).map(([, p]) => p.data)

/** All rows of a paged list, in page order (not deduplicated: the caller knows the id field). */
export async function fetchAllPages(http: Http, spec: Spec, o: PagingOptions = {}): Promise<unknown[]> {
  const { read, isWhole } = pager(http, spec, { ...o, rowsOf: (rows) => rows })
  const got = await read([1])
  const page1 = got.get(1)
  return page1 && isWhole(page1) ? page1.data : inPageOrder(got).flat()
}

/**
 * A list read with its page count known from last time, checked for consistency: every reply announces the
 * same totals, the distinct ids add up to total_count, and no id of the last list went missing. Otherwise it is
 * read once more; if that read does not add up either, the rows of both reads are returned (newest first).
 */
export async function fetchList<R>(http: Http, spec: Spec, o: ListOptions<R>): Promise<PagedList<R>> {
  const list = await readList(http, spec, o)
  for (const page of o.kept?.keys() ?? []) if (page > list.pages) o.kept?.delete(page)
  return list
}

async function readList<R>(http: Http, spec: Spec, o: ListOptions<R>): Promise<PagedList<R>> {
  const { read, isWhole, announced } = pager(http, spec, o)
  const known = Math.min(MAX_PAGES, Math.floor(o.knownPages ?? 0))
  const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1)

  const reads: { got: Map<number, PageOf<R>>; ids: Set<number>; agree: boolean }[] = []
  for (let attempt = 0; attempt < MAX_READS; attempt++) {
    const pages = attempt === 0 ? (known > 1 ? all(known) : [1]) : all(Math.min(announced(reads[0]!.got), MAX_PAGES))
    const got = await read(pages)
    const page1 = got.get(1)
    if (page1 && isWhole(page1)) return { pageRows: [page1.data], pages: 1 }
    const checked = check(got, o.idOf, attempt === 0 ? o.previousIds : undefined, o.trustCount ?? true)
    reads.unshift({ got, ids: checked.ids, agree: checked.agree })
    if (checked.ok) return { pageRows: inPageOrder(got), pages: announced(got) }
  }
  const [latest, earlier] = reads as [(typeof reads)[0], (typeof reads)[0]]
  // Two reads with the same nodes that still do not match total_count: that server's count means something else.
  // Trusting it would read every list twice, so the caller stops checking against it.
  const same = latest.ids.size === earlier.ids.size && [...earlier.ids].every((id) => latest.ids.has(id))
  if (same && latest.agree && earlier.agree)
    return { pageRows: inPageOrder(latest.got), pages: announced(latest.got), countUnreliable: true }
  return { pageRows: reads.flatMap((r) => inPageOrder(r.got)), pages: announced(latest.got) }
}

function check<R>(
  got: Map<number, PageOf<R>>,
  idOf: (row: R) => number | null,
  previousIds: ReadonlySet<number> | undefined,
  trustCount: boolean
): { ok: boolean; ids: Set<number>; agree: boolean } {
  const replies = [...got.values()]
  const ids = new Set<number>()
  let withoutId = 0
  for (const p of replies) {
    for (const row of p.data) {
      const id = idOf(row)
      if (id === null) withoutId++
      else ids.add(id)
    }
  }
  const first = replies[0]
  if (!first) return { ok: false, ids, agree: false }
  // A list longer than MAX_PAGES is cut short on purpose: reading it again would not complete it.
  if ((first.total_page_number ?? 0) > MAX_PAGES) return { ok: true, ids, agree: true }
  const agree = replies.every(
    (p) => p.total_count === first.total_count && p.total_page_number === first.total_page_number
  )
  const counted = !trustCount || first.total_count === null || ids.size + withoutId === first.total_count
  const kept = !previousIds || [...previousIds].every((id) => ids.has(id))
  return { ok: agree && counted && kept, ids, agree }
}
