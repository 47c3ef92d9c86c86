import type { ReservedIp } from '../../../shared/domain/resources'
import type { CallOptions } from './client.types'
import type { Http } from './http'
import { parseItems } from './lenient'
import { dataList, reservedIpRow, toReservedIp } from './resources.mapper'

/** docs/e2e-api.md#reserved-ips: GET reserve_ips/ (extras like reserve_ip_price sit beside data and are not needed). */
export async function listReservedIps(http: Http, o: CallOptions = {}): Promise<ReservedIp[]> {
  const reply = await http.read({ method: 'GET', path: 'reserve_ips/', scope: 'proj', signal: o.signal }, dataList)
  return parseItems(reply.data, reservedIpRow).map(toReservedIp)
}
