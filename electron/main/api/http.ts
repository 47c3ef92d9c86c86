// The one place that talks HTTP: one axios instance per client (keep-alive agents, no redirects followed, replies
// decompressed and capped, no interceptors). No AxiosError ever leaves this file (its config carries the
// Authorization header and the apikey query): every failure becomes a DomainError built from method, path (no
// query), status and a scrubbed snippet.
// axios costs ~0.3 ms of CPU per request (config merging, header objects, adapter set-up): ten profiles' 100 pages
// spend ~30 ms building requests. The stack fixes axios, so the cost is paid here and stated in docs/performance.md.
import http, { type IncomingHttpHeaders } from 'node:http'
import https from 'node:https'
import axios, { type AxiosInstance } from 'axios'
import type { z } from 'zod'
import { DomainError } from '../errors'
import { scrubSecrets } from '../redact'
import type { ApiTarget, ClientOptions } from './client.types'
import { detectFailure, jsonSnippet, parseBody, textSnippet } from './envelope'
import { fromHttpFailure, fromTransport, invalidReply, parseRetryAfter, replyTooLarge } from './errors.map'

export const DEFAULT_TIMEOUT_MS = 10_000
// A page of 100 nodes is ~37 KB; a server that ignores paging sends the whole list in one reply, and 10,000
// simulator nodes are 3.7 MB. 32 MiB leaves ~9× room per row for fields the simulator leaves out, while a hostile
// or broken reply (hundreds of MB, or a gzip bomb: the count is after decompression) stops at 32 MiB of buffers.
export const MAX_REPLY_BYTES = 32 * 1024 * 1024
// Our own bodies (a create, an action) are a few KB.
export const MAX_REQUEST_BYTES = 1024 * 1024
const DEFAULT_GET_RETRIES = 2
const BACKOFF_BASE_MS = 250

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface RequestSpec {
  method: Method
  /** Relative to the base URL, exactly as docs/e2e-api.md#base-url-and-paths spells it (trailing slashes matter). */
  path: string
  /** 'proj' adds project_id and location; 'acct' sends neither. */
  scope: 'acct' | 'proj'
  query?: Record<string, string | number | boolean>
  body?: unknown
  signal?: AbortSignal | undefined
}

/** A 200 reply kept for readAgain(): its exact text and what read() made of it. */
export interface KeptReply<T> {
  readonly text: string
  readonly value: T
}

/** once()'s answer when the reply was the text it was told to look for. */
const UNCHANGED = Symbol('unchanged')

export interface Http {
  /** Sends (retrying GETs), detects failures, returns the parsed JSON body. */
  send(spec: RequestSpec): Promise<unknown>
  /** send() + validate the body with `schema`; unreadable → INVALID_REPLY. */
  read<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S>>
  /**
   * read() of a request asked before: a 200 whose text is byte for byte `last.text` gives `last` back as it is,
   * neither parsed nor validated again (a steady refresh's pages mostly are). Keep what it returns for next time.
   */
  readAgain<S extends z.ZodType>(
    spec: RequestSpec,
    schema: S,
    last: KeptReply<z.output<S>> | undefined
  ): Promise<KeptReply<z.output<S>>>
  scrub(text: string): string
  readonly target: ApiTarget
}

const RETRYABLE_FOR_GET = new Set(['SERVER', 'NETWORK', 'TIMEOUT'])

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(fromTransport('cancelled', '', '', 0))
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(fromTransport('cancelled', '', '', 0))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** https only; plain http only for the local simulator. Returns the base without a trailing slash. */
export function checkBaseUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new DomainError('VALIDATION', 'The API base URL is not a valid URL.', { field: 'apiBaseUrl' })
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new DomainError(
      'VALIDATION',
      'The API base URL must use https:// (plain http is allowed only for 127.0.0.1).',
      { field: 'apiBaseUrl' }
    )
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new DomainError('VALIDATION', 'The API base URL must not contain credentials, a query or a fragment.', {
      field: 'apiBaseUrl'
    })
  }
  return url.toString().replace(/\/+$/, '')
}

/** A transport failure: only the error code travels on (see the file's header). */
class TransportError extends Error {
  constructor(readonly code: string | undefined) {
    super('transport failure')
  }
}
const TOO_LARGE = 'NODETRAY_REPLY_TOO_LARGE'
const codeOf = (e: unknown): string | undefined =>
  typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

interface Exchange {
  method: Method
  url: string
  headers: Record<string, string>
  body: string | undefined
  signal: AbortSignal
}

/**
 * One request and its whole reply as text (UTF-8) through axios. Never follows a redirect (a 3xx is a reply like any
 * other); the reply is capped at MAX_REPLY_BYTES after decompression; a failure keeps only its error code.
 */
async function exchange(instance: AxiosInstance, x: Exchange): Promise<Reply> {
  if (x.body !== undefined && Buffer.byteLength(x.body) > MAX_REQUEST_BYTES) throw new TransportError('ERR_BAD_REQUEST')
  // A turn of the event loop first: Node writes a request only once the code that built it has finished, so a
  // hundred built together (ten profiles refreshing at once) would all wait for the last; this way each leaves as
  // soon as it is built and the replies come back spread out (docs/performance.md, "Steady polling").
  await new Promise<void>((resolve) => setImmediate(resolve))
  try {
    const res = await instance.request<unknown>({
      method: x.method,
      url: x.url,
      headers: { ...x.headers, 'User-Agent': 'Nodetray' },
      ...(x.body !== undefined ? { data: x.body } : {}),
      signal: x.signal
    })
    return {
      status: res.status,
      headers: res.headers as IncomingHttpHeaders,
      text: typeof res.data === 'string' ? res.data : ''
    }
  } catch (err) {
    const code = codeOf(err)
    // axios reports the cap as ERR_BAD_RESPONSE; its fixed text ("maxContentLength size of N exceeded") tells it
    // apart from a dropped stream. The text is only tested, never passed on.
    if (code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test(String((err as { message?: unknown }).message)))
      throw new TransportError(TOO_LARGE)
    throw new TransportError(code)
  }
}

export function createHttp(target: ApiTarget, options: ClientOptions = {}): Http {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  const maxGetRetries = Math.max(0, options.maxGetRetries ?? DEFAULT_GET_RETRIES)
  let base: string | null = null
  let baseError: DomainError | null = null
  try {
    base = checkBaseUrl(target.baseUrl)
  } catch (e) {
    baseError = e instanceof DomainError ? e : new DomainError('VALIDATION', 'The API base URL is not valid.')
  }

  const secrets = [target.apiKey, target.authToken].filter((s) => s && s.length >= 4)
  const scrub = (text: string): string => scrubSecrets(text, secrets)
  /** The whole reply is scrubbed before it is cut, so no part of a secret survives at the cut. */
  const scrubbedJson = (value: unknown, max: number): string => {
    const text = scrub(jsonSnippet(value, Number.MAX_SAFE_INTEGER))
    return text.length > max ? `${text.slice(0, max - 1)}…` : text
  }

  // Keep-alive: a 10-page refresh reuses a handful of sockets instead of ten TLS handshakes.
  const instance: AxiosInstance = axios.create({
    adapter: 'http',
    responseType: 'text',
    transformResponse: [(d: unknown) => d],
    validateStatus: () => true,
    maxRedirects: 0,
    maxContentLength: MAX_REPLY_BYTES,
    maxBodyLength: MAX_REQUEST_BYTES,
    proxy: false,
    httpAgent: new http.Agent({ keepAlive: true }),
    httpsAgent: new https.Agent({ keepAlive: true })
  })

  function urlFor(spec: RequestSpec): string {
    const params = new URLSearchParams()
    params.set('apikey', target.apiKey)
    if (spec.scope === 'proj') {
      if (target.projectId !== undefined) params.set('project_id', String(target.projectId))
      if (target.location !== undefined) params.set('location', target.location)
    }
    for (const [k, v] of Object.entries(spec.query ?? {})) params.set(k, String(v))
    return `${base ?? ''}/${spec.path}?${params.toString()}`
  }

  /** One request; `sameAs`: the text of an earlier 200 reply, answered with UNCHANGED when this one matches it. */
  async function once(spec: RequestSpec, sameAs?: string): Promise<{ text: string; value: unknown }> {
    const { method, path } = spec
    if (spec.signal?.aborted) throw fromTransport('cancelled', method, path, timeoutMs)
    // One controller for both deadline and caller cancellation, so a slow drip also times out.
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const onAbort = (): void => controller.abort()
    spec.signal?.addEventListener('abort', onAbort, { once: true })
    let res: Reply
    try {
      options.onRequest?.({ method, path })
      const body = spec.body !== undefined ? JSON.stringify(spec.body) : undefined
      res = await exchange(instance, {
        method,
        url: urlFor(spec),
        headers: {
          Authorization: `Bearer ${target.authToken}`,
          Accept: 'application/json',
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {})
        },
        body,
        signal: controller.signal
      })
    } catch (err) {
      // Read only the error code; the error itself (request, URL) is dropped here.
      const code = err instanceof TransportError ? err.code : undefined
      if (timedOut) throw fromTransport('timeout', method, path, timeoutMs)
      if (spec.signal?.aborted) throw fromTransport('cancelled', method, path, timeoutMs)
      if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') throw fromTransport('timeout', method, path, timeoutMs)
      if (code === TOO_LARGE) throw replyTooLarge(method, path, MAX_REPLY_BYTES)
      throw fromTransport('network', method, path, timeoutMs, code)
    } finally {
      clearTimeout(timer)
      spec.signal?.removeEventListener('abort', onAbort)
    }
    const text = res.text
    if (res.status === 200 && sameAs && text === sameAs) return { text, value: UNCHANGED }
    const parsed = parseBody(text)
    const retryAfterMs = parseRetryAfter(res.headers['retry-after'])
    if (!parsed.ok) {
      if (res.status >= 300) {
        throw fromHttpFailure({
          method,
          path,
          status: res.status,
          serverText: textSnippet(scrub(text)) || null,
          retryAfterMs,
          scrub
        })
      }
      throw invalidReply(method, path, res.status, textSnippet(scrub(text)), scrub)
    }
    const failure = detectFailure(res.status, parsed.value)
    if (failure) {
      throw fromHttpFailure({ method, path, status: failure.status, serverText: failure.message, retryAfterMs, scrub })
    }
    // Only a 200 can be reused: another 2xx with the same text might not mean the same.
    return { text: res.status === 200 ? text : '', value: parsed.value }
  }

  async function send(spec: RequestSpec): Promise<unknown> {
    return (await sendOnce(spec)).value
  }

  async function sendOnce(spec: RequestSpec, sameAs?: string): Promise<{ text: string; value: unknown }> {
    if (baseError) throw baseError
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(spec, sameAs)
      } catch (err) {
        const e = err instanceof DomainError ? err : new DomainError('INTERNAL', 'The request failed unexpectedly.')
        // Writes are never retried (a duplicate create is billed). A 429 is not retried here either: the
        // caller gets RATE_LIMITED with retryAfterMs and the poller backs off for at least 30 s.
        if (spec.method !== 'GET' || attempt >= maxGetRetries || !RETRYABLE_FOR_GET.has(e.code)) throw e
        const backoff = BACKOFF_BASE_MS * 2 ** attempt * (0.5 + random())
        await sleep(Math.round(backoff), spec.signal)
      }
    }
  }

  async function read<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S>> {
    return validate(spec, schema, await send(spec))
  }

  async function readAgain<S extends z.ZodType>(
    spec: RequestSpec,
    schema: S,
    last: KeptReply<z.output<S>> | undefined
  ): Promise<KeptReply<z.output<S>>> {
    const { text, value } = await sendOnce(spec, last?.text)
    if (value === UNCHANGED && last) return last
    return { text, value: validate(spec, schema, value) }
  }

  function validate<S extends z.ZodType>(spec: RequestSpec, schema: S, body: unknown): z.output<S> {
    const r = schema.safeParse(body)
    if (!r.success) {
      const issue = r.error.issues[0]
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : ''
      throw invalidReply(spec.method, spec.path, 200, `${where} in ${scrubbedJson(body, 160)}`, scrub)
    }
    return r.data
  }

  return { send, read, readAgain, scrub, target }
}
