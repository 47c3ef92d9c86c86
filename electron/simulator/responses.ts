// Reply bodies (docs/e2e-api.md#the-reply-envelope, #errors-and-status-codes). Handlers throw ApiError; the router
// turns it into a response.
export interface SimResponse {
  status: number
  body: unknown
  /** text/html bodies are sent as-is */
  html?: boolean
  headers?: Record<string, string>
}

export class ApiError extends Error {
  constructor(readonly response: SimResponse) {
    super(`sim ${response.status}`)
  }
}

export const envelope = (data: unknown, extras: Record<string, unknown> = {}, message = 'Success'): SimResponse => ({
  status: 200,
  body: { code: 200, data, errors: {}, message, ...extras }
})

export const precondition = (why: string): ApiError =>
  new ApiError({ status: 412, body: { code: 412, data: {}, errors: { detail: [why] }, message: why } })

export const badRequest = (why: string): ApiError =>
  new ApiError({ status: 400, body: { code: 400, data: {}, errors: why, message: 'Bad Request' } })

export const notFound = (what: string): ApiError =>
  new ApiError({
    status: 404,
    body: { code: 404, data: {}, errors: { detail: [`${what} not found`] }, message: `${what} not found` }
  })

export const detailError = (status: number, detail: string): ApiError => new ApiError({ status, body: { detail } })

const HTML_TITLES: Record<number, string> = {
  404: 'Not Found',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout'
}
export function htmlPage(status: number, text?: string): SimResponse {
  const title = HTML_TITLES[status] ?? 'Error'
  const para =
    text ?? (status === 404 ? 'The requested resource was not found on this server.' : 'Please try again later.')
  return {
    status,
    html: true,
    body: `<!doctype html>\n<html><head><title>${status} ${title}</title></head><body><h1>${title}</h1><p>${para}</p></body></html>\n`
  }
}

/** Paging (docs/e2e-api.md#paging): page_no 1-based, per_page; all rows when both absent; totals always beside data. */
export function paged<T>(
  rows: readonly T[],
  query: URLSearchParams,
  ignorePaging: boolean
): { rows: T[]; totals: { total_count: number; total_page_number: number } } {
  const total = rows.length
  const pageRaw = query.get('page_no')
  const perRaw = query.get('per_page')
  if (ignorePaging || (pageRaw === null && perRaw === null)) {
    return { rows: rows.slice(), totals: { total_count: total, total_page_number: total > 0 ? 1 : 0 } }
  }
  const page = pageRaw === null ? 1 : Number(pageRaw)
  // Page size when only page_no is sent is unknown (docs/e2e-api.md#paging); 10 is our guess.
  const per = perRaw === null ? 10 : Number(perRaw)
  if (!Number.isInteger(page) || !Number.isInteger(per) || page < 0 || per < 1)
    throw badRequest('page_no and per_page must be positive integers')
  const start = (Math.max(page, 1) - 1) * per // SPEC allows 0: treat it as the first page
  return {
    rows: rows.slice(start, start + per),
    totals: { total_count: total, total_page_number: Math.ceil(total / per) }
  }
}
