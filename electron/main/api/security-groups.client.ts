import type { SecurityGroup } from '../../../shared/domain/resources'
import type { CallOptions } from './client.types'
import type { Http } from './http'
import { parseItems } from './lenient'
import { dataList, securityGroupRow, toSecurityGroup } from './resources.mapper'

/** docs/e2e-api.md#security-groups: GET security_group/. */
export async function listSecurityGroups(http: Http, o: CallOptions = {}): Promise<SecurityGroup[]> {
  const reply = await http.read({ method: 'GET', path: 'security_group/', scope: 'proj', signal: o.signal }, dataList)
  return parseItems(reply.data, securityGroupRow).map(toSecurityGroup)
}
