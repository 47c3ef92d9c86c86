// The side panel for one node. A header that stays put (name, status, profile and location, the action bar) over
// facts grouped in sections (Specs, Network, Billing with the committed card, Access), each copyable value with a
// copy button. A node deleted from here closes the panel at once; one that vanished otherwise says so plainly.
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { ExternalLink, RefreshCw, ServerOff, SquareTerminal, X } from 'lucide-react'
import type { NodeSummary } from '../../../../shared/domain/node'
import { PENDING_LABEL, type PendingAction } from '../../../../shared/domain/node-state'
import { EmptyState } from '../../components/EmptyState'
import { ErrorText } from '../../components/ErrorText'
import { Spinner } from '../../components/Spinner'
import { StatusBadge } from '../../components/StatusBadge'
import { Button, IconButton } from '../../components/ui/Button'
import { useNodesStore } from '../../stores/nodes.store'
import { toast } from '../../stores/notifications.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { DeleteNodeDialog } from './DeleteNodeDialog'
import { useNodeActions } from './NodeActions'
import { OverflowMenu, type MenuItem } from './OverflowMenu'
import { NodeFacts } from './NodeFacts'
import { openMyAccount } from './open-myaccount'
import { MYACCOUNT_URL, sshCommand } from './node-facts'
import { copyTextOrError } from '../../lib/clipboard'
import { plainErrorText } from '../../lib/plain-error'
import { useNodeDetail } from './use-node-detail'
import './node-detail.css'
import { DemoBadge } from '../../components/ui/Badge'

interface NodeDetailPanelProps {
  profileId: string
  nodeId: number
  onClose(): void
  /** The panel's own Delete opens its dialog (the list notes where the row is, to focus the next one after). */
  onDeleteStart?(): void
  /** The node was deleted from here; without it the panel just closes. */
  onDeleted?(): void
}

export function NodeDetailPanel({ profileId, nodeId, onClose, onDeleteStart, onDeleted }: NodeDetailPanelProps) {
  const state = useNodesStore((s) => s.byProfile[profileId])
  const profile = useProfilesStore((s) => s.profiles.find((p) => p.id === profileId))
  const summary = state?.nodes.find((n) => n.id === nodeId)
  const pending = state?.pending[String(nodeId)]
  const { detail, error, loading, reload } = useNodeDetail(profileId, nodeId, summary)
  // The node being deleted, kept as it was: the list can drop it (main confirmed the delete) before the delete
  // call itself answers, and the dialog must stay up until then.
  const [deleting, setDeleting] = useState<NodeSummary | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // The last change seen under way on this node ("previous value" state, updated during render).
  const [lastPending, setLastPending] = useState(pending?.kind)
  if (pending && pending.kind !== lastPending) setLastPending(pending.kind)
  const [hadSummary, setHadSummary] = useState(summary !== undefined)
  if (summary && !hadSummary) setHadSummary(true)

  // Deleted from anywhere in this app (tray, list, row menu): the panel closes at once.
  useEffect(() => {
    if (!summary && state && hadSummary && lastPending === 'delete' && !deleting) onClose()
  }, [summary, state, hadSummary, lastPending, deleting, onClose])

  // Opening the panel moves focus to its heading so keyboard and screen-reader users land on it.
  useEffect(() => headingRef.current?.focus(), [])

  const profileName = profile?.name ?? profileId
  const node = summary ?? null
  const name = summary?.name ?? detail?.name ?? `Node ${nodeId}`
  const gone = !summary && state !== undefined && !(loading && !detail) && deleting === null

  const moreItems: MenuItem[] = node
    ? [
        {
          id: 'ssh',
          label: 'Copy SSH command',
          icon: SquareTerminal,
          disabledReason: sshCommand(node) ? null : 'The node has no public IP',
          onSelect: () => {
            const cmd = sshCommand(node)
            if (cmd) void copySsh(cmd)
          }
        },
        {
          id: 'myaccount',
          label: 'Open in MyAccount',
          icon: ExternalLink,
          onSelect: () => void openMyAccount(MYACCOUNT_URL)
        },
        { id: 'refresh', label: 'Refresh details', icon: RefreshCw, onSelect: () => reload() }
      ]
    : []

  const copySsh = async (command: string) => {
    const err = await copyTextOrError(command)
    if (err) toast({ kind: 'error', title: 'Couldn’t copy the SSH command', body: plainErrorText(err) })
    else toast({ kind: 'ok', title: 'SSH command copied', body: command })
  }

  return (
    <aside
      className="detail-panel card"
      aria-labelledby="detail-title"
      data-testid="node-detail"
      onKeyDown={(e) => {
        // Escape closes the panel (its menu and dialogs stop their own Escape; a select keeps it for its list).
        if (e.key === 'Escape' && !(e.target instanceof HTMLSelectElement)) onClose()
      }}
    >
      {node ? (
        <LiveHeader
          headingRef={headingRef}
          name={name}
          profileId={profileId}
          profileName={profileName}
          isDemo={profile?.isDemo ?? false}
          node={node}
          pending={pending}
          onClose={onClose}
          onDelete={() => {
            onDeleteStart?.()
            setDeleting(node)
          }}
          moreItems={moreItems}
        />
      ) : (
        <header className="nd-head">
          <TitleRow headingRef={headingRef} name={name} onClose={onClose} />
        </header>
      )}
      <div className="nd-body">
        {gone ? (
          <EmptyState
            icon={ServerOff}
            title={`${name} is gone`}
            testId="node-gone"
            actions={
              <Button size="sm" onClick={onClose}>
                Close
              </Button>
            }
          >
            It is no longer in {profileName}’s list: it was deleted, or E2E no longer reports it.
          </EmptyState>
        ) : (
          <>
            {error && <ErrorText title="Couldn’t load the details" error={error} onRetry={() => void reload()} />}
            {/* With the node's facts on screen their "…" show the wait: a spinner above them would push them down and
                they would jump back up when the details came. Screen readers still hear it. */}
            {loading && !detail && !node && <Spinner label="Loading details…" />}
            {loading && !detail && node && (
              <p className="sr-only" role="status">
                Loading details…
              </p>
            )}
            {node && (
              <NodeFacts
                profileId={profileId}
                node={node}
                detail={detail}
                detailLoading={loading && !detail && !error}
                onRenewalSaved={() => void reload()}
                onOpenMyAccount={() => void openMyAccount(MYACCOUNT_URL)}
              />
            )}
          </>
        )}
      </div>
      {deleting && (
        <DeleteNodeDialog
          profileId={profileId}
          profileName={profileName}
          node={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null)
            // Main's own notification for this delete has the same words, so only one shows.
            toast({ kind: 'info', title: `${deleting.name} deleted · ${profileName}`, body: 'The node is gone.' })
            if (onDeleted) onDeleted()
            else onClose()
          }}
        />
      )}
    </aside>
  )
}

function TitleRow({
  headingRef,
  name,
  onClose,
  menu
}: {
  headingRef: RefObject<HTMLHeadingElement | null>
  name: string
  onClose(): void
  menu?: ReactNode
}) {
  return (
    <div className="nd-title-row">
      <h2 id="detail-title" ref={headingRef} tabIndex={-1} className="nd-title">
        {name}
      </h2>
      {menu}
      <IconButton icon={X} label="Close node details" size="sm" onClick={onClose} />
    </div>
  )
}

function LiveHeader({
  headingRef,
  name,
  profileId,
  profileName,
  isDemo,
  node,
  pending,
  onClose,
  onDelete,
  moreItems
}: {
  headingRef: RefObject<HTMLHeadingElement | null>
  name: string
  profileId: string
  profileName: string
  isDemo: boolean
  node: NodeSummary
  pending: PendingAction | undefined
  onClose(): void
  onDelete(): void
  moreItems: MenuItem[]
}) {
  const { bar, menuItems, notices } = useNodeActions({
    profileId,
    node,
    pending,
    onDelete,
    moreItems,
    focusWhileBusy: headingRef
  })
  return (
    <header className="nd-head">
      <TitleRow
        headingRef={headingRef}
        name={name}
        onClose={onClose}
        menu={<OverflowMenu iconOnly label={`More actions for ${node.name}`} items={menuItems} />}
      />
      <p className="nd-meta">
        <StatusBadge status={node.status} {...(pending ? { pending: PENDING_LABEL[pending.kind] } : {})} />
        <span className="nd-meta-sep" aria-hidden="true">
          ·
        </span>
        <span>{profileName}</span>
        {isDemo && <DemoBadge compact />}
        {/* The demo's profile names already say their location. */}
        {node.location && !profileName.includes(node.location) && (
          <>
            <span className="nd-meta-sep" aria-hidden="true">
              ·
            </span>
            <span>{node.location}</span>
          </>
        )}
      </p>
      {bar}
      {notices}
    </header>
  )
}
