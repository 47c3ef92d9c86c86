// Step 4: every choice and what it will cost, before anything is created. Each group has an Edit that goes back
// to the step where it was chosen.
import type { ReactNode } from 'react'
import { Pencil } from 'lucide-react'
import { DemoBadge } from '../../components/ui/Badge'
import type { ProfileView } from '../../../../shared/domain/profile'
import type { CreateOptionsData } from '../../../../shared/domain/resources'
import { Button } from '../../components/ui/Button'
import { costFor } from './wizard.cost'
import { inr, perHour, perMonth } from './wizard-money'
import { nodeNames } from './wizard.rules'
import type { StepId, WizardDraft } from './wizard.types'

interface Props {
  draft: WizardDraft
  profile: ProfileView | null
  options: CreateOptionsData | null
  onEdit?(step: StepId): void
}

export function ReviewStep({ draft, profile, options, onEdit }: Props) {
  const { plan, os } = draft
  if (!plan || !os) return <p className="muted">Choose an OS and a plan first.</p>
  const cost = costFor(plan, draft.count, draft.committedSkuId)
  const names = nodeNames(draft.name, draft.count)
  const keys = options?.sshKeys.filter((k) => draft.sshKeyIds.includes(k.id)) ?? []
  const vpc = options?.vpcs.find((v) => v.networkId === draft.vpcId)
  const sg = options?.securityGroups.find((g) => g.id === draft.securityGroupId)
  const n = draft.count
  const script = draft.startScript.trim()
  const lines = script.split(/\r\n|\r|\n/).length
  return (
    <div className="cw-review">
      {/* Groups, not sections: named sections would each be a region landmark of the page. */}
      <div role="group" className="card cw-cost" aria-labelledby="cw-cost-title" data-testid="cw-cost">
        <h4 id="cw-cost-title">Cost{n > 1 ? ` for ${n} nodes` : ''}</h4>
        {cost.committed ? (
          <>
            <p className="cw-big" data-testid="cw-cost-committed">
              {inr(cost.committed.total)} <span className="muted">for {cost.committed.days} days</span>
            </p>
            <p className="muted">
              {inr(cost.committed.perNode)} × {n} {n > 1 ? 'nodes' : 'node'}, billed in full at creation.
            </p>
          </>
        ) : (
          <>
            <p className="cw-big" data-testid="cw-cost-hourly">
              {perHour(cost.hourlyTotal)}
            </p>
            <p className="muted" data-testid="cw-cost-monthly">
              About {perMonth(cost.monthlyTotal)}
              {n > 1 ? ` (${perHour(cost.hourlyPerNode)} × ${n} nodes)` : ''}. Billed hourly while the node exists, even
              when powered off.
            </p>
          </>
        )}
      </div>

      <div className="cw-summary" data-testid="cw-summary">
        <Group title="Where and what" step="setup" onEdit={onEdit}>
          <dt>Profile</dt>
          <dd>
            {profile ? profile.name : '—'}
            {profile?.isDemo && (
              <>
                {' '}
                <DemoBadge compact />
              </>
            )}
          </dd>
          <dt>Location</dt>
          <dd>{profile ? `${profile.location} · project ${profile.projectId}` : '—'}</dd>
          <dt>OS</dt>
          <dd>
            {os.os} {os.version}
          </dd>
        </Group>
        <Group title="Machine" step="plan" onEdit={onEdit}>
          <dt>Plan</dt>
          <dd>
            <span className="mono">{plan.sku}</span> · {plan.vcpus} vCPU · {plan.ramGb} GB RAM ·{' '}
            {plan.requiresDisk ? `${draft.diskText} GB disk` : `${plan.diskGb} GB disk`}
          </dd>
          <dt>Billing</dt>
          <dd>
            {cost.committed
              ? `Committed, ${cost.committed.days} days (${inr(cost.committed.perNode)} per node)`
              : `Hourly, ${perHour(plan.pricePerHour)} per node`}
          </dd>
        </Group>
        <Group title="Name and access" step="options" onEdit={onEdit}>
          <dt>{n > 1 ? 'Names' : 'Name'}</dt>
          <dd className="mono">{names.join(', ')}</dd>
          <dt>SSH keys</dt>
          <dd className={keys.length ? undefined : 'cw-warn-text'}>
            {keys.length ? keys.map((k) => k.label).join(', ') : 'None: password login only'}
          </dd>
          <dt>Start script</dt>
          <dd>{script ? `${lines} ${lines === 1 ? 'line' : 'lines'}, runs as root at first boot` : 'None'}</dd>
        </Group>
        <Group title="Network and extras" step="options" onEdit={onEdit}>
          <dt>Network</dt>
          <dd>
            {vpc ? `VPC ${vpc.name}` : 'Default network'}
            {draft.ipv6 ? ', with IPv6' : ''}
          </dd>
          <dt>Security group</dt>
          <dd>{sg ? `${sg.name}${sg.isDefault ? ' (default)' : ''}` : 'Project default'}</dd>
          <dt>Public IP</dt>
          <dd className={draft.reserveIp ? 'mono' : undefined}>{draft.reserveIp ?? 'A new IP'}</dd>
          <dt>Backups</dt>
          <dd>{draft.backups ? 'On' : 'Off'}</dd>
        </Group>
      </div>
    </div>
  )
}

function Group({
  title,
  step,
  onEdit,
  children
}: {
  title: string
  step: StepId
  onEdit: Props['onEdit']
  children: ReactNode
}) {
  return (
    <div role="group" className="cw-group" aria-label={title}>
      <div className="cw-group-head">
        <h4>{title}</h4>
        {onEdit && (
          <Button
            icon={Pencil}
            size="sm"
            variant="ghost"
            onClick={() => onEdit(step)}
            aria-label={`Edit ${title.toLowerCase()}`}
          >
            Edit
          </Button>
        )}
      </div>
      <dl className="cw-facts">{children}</dl>
    </div>
  )
}
