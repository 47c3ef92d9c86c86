// Shown instead of the polling line while rows are checked: how many, and the bulk actions with how many nodes each
// would reach (the rules decide per node; the dialog lists the ones skipped and why).
import { useMemo } from 'react'
import { Power, PowerOff, Trash2, X } from 'lucide-react'
import { ActionBar } from '../../components/ui/ActionBar'
import { Button } from '../../components/ui/Button'
import { useNodesStore } from '../../stores/nodes.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { profileBlockReason } from '../node-detail/node-action-model'
import { nodesWord, planBulk, type BulkKind } from './bulk'
import type { NodeRow } from './list-filter'
import { formatCount } from '../../lib/format'

interface BulkBarProps {
  rows: NodeRow[]
  /** Checked rows the search or a status chip hides. */
  hidden: number
  onRun(kind: BulkKind): void
  onClear(): void
}

const KINDS: { kind: BulkKind; label: string; icon: typeof Power; none: string }[] = [
  { kind: 'power_on', label: 'Power on', icon: Power, none: 'None of the checked nodes can be powered on now' },
  { kind: 'power_off', label: 'Power off', icon: PowerOff, none: 'None of the checked nodes can be powered off now' },
  { kind: 'delete', label: 'Delete…', icon: Trash2, none: 'None of the checked nodes can be deleted now' }
]

export function BulkBar({ rows, hidden, onRun, onClear }: BulkBarProps) {
  const profiles = useProfilesStore((s) => s.profiles)
  const byProfile = useNodesStore((s) => s.byProfile)
  const ready = useMemo(() => {
    const ctx = {
      blockReason: (id: string) =>
        profileBlockReason(
          profiles.find((p) => p.id === id),
          byProfile[id]
        ),
      isBusy: (r: NodeRow) => byProfile[r.profileId]?.pending[String(r.node.id)] !== undefined
    }
    return Object.fromEntries(KINDS.map(({ kind }) => [kind, planBulk(kind, rows, ctx).ready.length])) as Record<
      BulkKind,
      number
    >
  }, [rows, profiles, byProfile])

  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      <span
        className="bulk-count"
        role="status"
        title={
          hidden > 0
            ? `${nodesWord(rows.length)} checked (${formatCount(hidden)} hidden by the search or filter)`
            : undefined
        }
      >
        <strong>{nodesWord(rows.length)} checked</strong>
        {hidden > 0 && <span className="muted"> ({formatCount(hidden)} hidden by the search or filter)</span>}
      </span>
      <ActionBar label="Bulk actions">
        {KINDS.map(({ kind, label, icon, none }) => (
          <Button
            key={kind}
            icon={icon}
            size="sm"
            variant={kind === 'delete' ? 'danger' : 'default'}
            onClick={() => onRun(kind)}
            disabledReason={ready[kind] === 0 ? none : null}
            data-testid={`bulk-${kind}`}
          >
            {label}
            {ready[kind] > 0 && ready[kind] !== rows.length ? ` (${ready[kind]})` : ''}
          </Button>
        ))}
        <Button icon={X} size="sm" variant="ghost" onClick={onClear}>
          Uncheck all
        </Button>
      </ActionBar>
    </div>
  )
}
