// docs/e2e-api.md#account-calls: account-level calls (no project_id, no location).
import type { Project } from '../../../shared/domain/resources'
import type { CallOptions } from './client.types'
import type { Http } from './http'
import { parseItems } from './lenient'
import { dataList, projectRow, toProject } from './resources.mapper'

export function createProjectsClient(http: Http) {
  return {
    /** 200 = the pair works; 401/403 surface as AUTH. The reply body is opaque
     * (docs/e2e-api.md#check-credentials), so it is not read. */
    async checkCredentials(o: CallOptions = {}): Promise<void> {
      await http.send({ method: 'GET', path: 'iam/multi-crn/', scope: 'acct', signal: o.signal })
    },
    async listProjects(o: CallOptions = {}): Promise<Project[]> {
      const reply = await http.read({ method: 'GET', path: 'pbac/project/', scope: 'acct', signal: o.signal }, dataList)
      return parseItems(reply.data, projectRow).map(toProject)
    }
  }
}
