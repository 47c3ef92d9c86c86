// The row menu (the row's "…" button or a right-click) and what its items open: the same actions as the detail,
// from the same action model (labels, icons, reasons, runner), a confirm for the ones that interrupt work, and the
// detail's delete dialog (typed name, committed warning, keep IP). One menu at a time, mounted only while open.
import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react'
import { useNodesStore } from '../../stores/nodes.store'
import { toast } from '../../stores/notifications.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { useUiStore } from '../../stores/ui.store'
import type { NodeRow } from './list-filter'
import type { RowMenuRequest } from './NodeTable'
import { LazyRowConfirm, LazyRowMenu } from './lazy-power-tools'
import type { Confirming } from './RowMenu'
import { nodeKey } from './selection.store'
import type { DeleteFocus } from './use-delete-focus'

// The dialog's chunk (with the committed-term check) loads the first time a delete starts from the list.
const DeleteNodeDialog = lazy(async () => ({
  default: (await import('../node-detail/DeleteNodeDialog')).DeleteNodeDialog
}))

/** The live node for a row (the menu may open on a row a poll has since changed). */
function liveRow(row: NodeRow): NodeRow {
  const node = useNodesStore.getState().byProfile[row.profileId]?.nodes.find((n) => n.id === row.node.id)
  return node ? { ...row, node } : row
}

/** `focus` puts the keyboard on the next row once a delete is done (the deleted row's controls are gone). */
export function useRowActions(focus?: DeleteFocus): {
  openMenu(request: RowMenuRequest): void
  requestDelete(row: NodeRow): void
  element: ReactNode
} {
  const [menu, setMenu] = useState<RowMenuRequest | null>(null)
  const [confirming, setConfirming] = useState<Confirming | null>(null)
  const [deleting, setDeleting] = useState<NodeRow | null>(null)
  const openMenu = useCallback((r: RowMenuRequest) => setMenu({ ...r, row: liveRow(r.row) }), [])
  // The row menu's Delete… and the Delete key both come here.
  const requestDelete = useCallback(
    (row: NodeRow) => {
      focus?.remember([nodeKey(row.profileId, row.node.id)])
      setDeleting(liveRow(row))
    },
    [focus]
  )

  const element = (
    <>
      {menu && (
        <Suspense fallback={null}>
          <LazyRowMenu
            request={menu}
            onClose={() => setMenu(null)}
            onConfirm={setConfirming}
            onDelete={requestDelete}
          />
        </Suspense>
      )}
      {confirming && (
        <Suspense fallback={null}>
          <LazyRowConfirm confirming={confirming} onClose={() => setConfirming(null)} />
        </Suspense>
      )}
      {deleting && (
        <Suspense fallback={null}>
          <DeleteNodeDialog
            profileId={deleting.profileId}
            profileName={
              useProfilesStore.getState().profiles.find((p) => p.id === deleting.profileId)?.name ?? deleting.profileId
            }
            node={deleting.node}
            onClose={() => setDeleting(null)}
            onDeleted={() => {
              const { selected, select } = useUiStore.getState()
              if (selected?.profileId === deleting.profileId && selected.nodeId === deleting.node.id) select(null)
              toast({ kind: 'ok', title: `${deleting.node.name} deleted` })
              setDeleting(null)
              focus?.restore([nodeKey(deleting.profileId, deleting.node.id)])
            }}
          />
        </Suspense>
      )}
    </>
  )
  return { openMenu, requestDelete, element }
}
