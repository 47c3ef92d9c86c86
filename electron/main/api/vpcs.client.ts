import type { Vpc } from '../../../shared/domain/resources'
import type { CallOptions } from './client.types'
import type { Http } from './http'
import { parseItems } from './lenient'
import { fetchAllPages } from './paging'
import { toVpc, vpcRow } from './resources.mapper'

/** docs/e2e-api.md#vpcs: GET vpc/list/ is paged, so it goes through the same pager as nodes. */
export async function listVpcs(http: Http, o: CallOptions = {}): Promise<Vpc[]> {
  const raw = await fetchAllPages(http, { path: 'vpc/list/', scope: 'proj' }, { signal: o.signal })
  const byId = new Map<number, Vpc>()
  for (const row of parseItems(raw, vpcRow)) if (!byId.has(row.network_id)) byId.set(row.network_id, toVpc(row))
  return [...byId.values()]
}
