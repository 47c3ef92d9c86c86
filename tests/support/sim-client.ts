// Test helper: a tiny fetch wrapper that sends credentials the way the app does (apikey query + Bearer header).
import type { SimAccountInfo, StartedSimulator } from '../../electron/simulator/types'

export interface CallOptions {
  query?: Record<string, string | number>
  body?: unknown
  account?: Pick<SimAccountInfo, 'apiKey' | 'authToken'>
  /** false = send no credentials at all */
  auth?: boolean
  projectId?: number | null
  location?: string
}

export interface CallResult {
  status: number
  text: string
  json: unknown
  headers: Headers
}

/** `json` as a loose record for assertions */
export type Loose = Record<string, unknown> & { data?: unknown }

export async function call(
  sim: StartedSimulator,
  method: string,
  path: string,
  opts: CallOptions = {}
): Promise<CallResult> {
  const account = opts.account ?? sim.demo
  const url = new URL(`${sim.baseUrl}/${path}`)
  if (opts.auth !== false) url.searchParams.set('apikey', account.apiKey)
  const projectId = opts.projectId === undefined ? sim.demo.projects[0]?.projectId : opts.projectId
  if (projectId !== null && projectId !== undefined) url.searchParams.set('project_id', String(projectId))
  url.searchParams.set('location', opts.location ?? 'Delhi')
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v))
  const headers: Record<string, string> = {}
  if (opts.auth !== false) headers['authorization'] = `Bearer ${account.authToken}`
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(url, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {})
  })
  const text = await res.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = null
  }
  return { status: res.status, text, json, headers: res.headers }
}

export const loose = (r: CallResult): Loose => (r.json ?? {}) as Loose
export const rows = (r: CallResult): Loose[] => (loose(r).data ?? []) as Loose[]
export const dataOf = (r: CallResult): Loose => (loose(r).data ?? {}) as Loose

export function planSlug(sku: string, location = 'Delhi', os = 'Ubuntu', version = '22.04'): string {
  const table: Record<string, string> = {
    'C3.8GB': 'C3-4vCPU-8RAM-100DISK',
    'C3.16GB': 'C3-8vCPU-16RAM-200DISK',
    'C3.64GB': 'C3-32vCPU-64RAM-800DISK',
    'M3.32GB': 'M3-4vCPU-32RAM-100DISK',
    'E1.8GB': 'E1-4vCPU-8RAM-0DISK',
    'GDC3.A10080-16.115GB': 'GDC-16vCPU-115RAM-1500DISK'
  }
  return `${table[sku] ?? sku}-${sku}-${os}-${version}-${location}`
}
