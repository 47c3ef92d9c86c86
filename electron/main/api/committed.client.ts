// docs/e2e-api.md#committed-plans-and-plan-changes: committed settings (bare {status,message} reply), convert to
// committed, upgrade.
import type { CommittedMode } from '../../../shared/domain/node'
import { DomainError } from '../errors'
import type { CallOptions } from './client.types'
import type { Http } from './http'
import { nodePath } from './nodes.client'

export function createCommittedClient(http: Http) {
  return {
    async updateCommittedSettings(
      nodeId: number,
      mode: CommittedMode,
      committedPlanId?: number,
      o: CallOptions = {}
    ): Promise<void> {
      nodePath(nodeId) // validates the id
      if (mode === 'auto_renew' && committedPlanId === undefined) {
        throw new DomainError('VALIDATION', 'Choose the committed plan to renew into.', { field: 'committedPlanId' })
      }
      // detectFailure() reads the bare reply's `status` too, so a {status: 400, ...} body still fails.
      await http.send({
        method: 'POST',
        path: 'update_committed_node_status/',
        scope: 'proj',
        signal: o.signal,
        body: {
          vcn_id: nodeId,
          node_status: mode,
          ...(committedPlanId !== undefined ? { committed_plan: committedPlanId } : {})
        }
      })
    },
    async convertToCommitted(nodeId: number, skuId: number, o: CallOptions = {}): Promise<void> {
      await http.send({
        method: 'POST',
        path: nodePath(nodeId),
        scope: 'proj',
        body: { sku_day_id: skuId },
        signal: o.signal
      })
    },
    async upgradeNode(nodeId: number, plan: string, image: string, o: CallOptions = {}): Promise<void> {
      nodePath(nodeId)
      // The one path without a trailing slash (docs/e2e-api.md#base-url-and-paths).
      await http.send({
        method: 'PUT',
        path: `nodes/upgrade/${nodeId}`,
        scope: 'proj',
        body: { plan, image },
        signal: o.signal
      })
    }
  }
}
