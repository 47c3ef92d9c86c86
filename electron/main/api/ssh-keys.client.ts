import type { SshKey } from '../../../shared/domain/resources'
import type { CallOptions } from './client.types'
import type { Http } from './http'
import { parseItems } from './lenient'
import { dataList, sshKeyRow, toSshKey } from './resources.mapper'

/** docs/e2e-api.md#ssh-keys: GET ssh_keys/. */
export async function listSshKeys(http: Http, o: CallOptions = {}): Promise<SshKey[]> {
  const reply = await http.read({ method: 'GET', path: 'ssh_keys/', scope: 'proj', signal: o.signal }, dataList)
  return parseItems(reply.data, sshKeyRow).map(toSshKey)
}
