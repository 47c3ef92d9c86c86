// Step 5: every choice and what it will cost, before anything is created.
import type { ProfileView } from '../../../../shared/domain/profile'
import type { CreateOptionsData } from '../../../../shared/domain/resources'
import { formatInr } from '../../lib/format'
import { costFor } from './wizard.cost'
import { nodeNames } from './wizard.rules'
import type { WizardDraft } from './wizard.types'

interface Props {
  draft: WizardDraft
  profile: ProfileView | null
  options: CreateOptionsData | null
}

export function ReviewStep({ draft, profile, options }: Props) {
  const { plan, os } = draft
  if (!plan || !os) return <p className="muted">Choose an OS and a plan first.</p>
  const cost = costFor(plan, draft.count, draft.committedSkuId)
  const names = nodeNames(draft.name, draft.count)
  const keys = options?.sshKeys.filter((k) => draft.sshKeyIds.includes(k.id)) ?? []
  const vpc = options?.vpcs.find((v) => v.networkId === draft.vpcId)
  const sg = options?.securityGroups.find((g) => g.id === draft.securityGroupId)
  const n = draft.count
  return (
    <div className="cw-review">
      <section className="card cw-cost" aria-labelledby="cw-cost-title" data-testid="cw-cost">
        <h4 id="cw-cost-title">Cost{n > 1 ? ` for ${n} nodes` : ''}</h4>
        {cost.committed ? (
          <>
            <p className="cw-big" data-testid="cw-cost-committed">
              {formatInr(cost.committed.total)} <span className="muted">for {cost.committed.days} days</span>
            </p>
            <p className="muted">
              {formatInr(cost.committed.perNode)} × {n} {n > 1 ? 'nodes' : 'node'}, billed in full at creation.
            </p>
          </>
        ) : (
          <>
            <p className="cw-big" data-testid="cw-cost-hourly">
              {formatInr(cost.hourlyTotal)} <span className="muted">an hour</span>
            </p>
            <p className="muted" data-testid="cw-cost-monthly">
              About {formatInr(cost.monthlyTotal)} a month
              {n > 1 ? ` (${formatInr(cost.hourlyPerNode)} an hour × ${n} nodes)` : ''}. Billed hourly while the node
              exists, even when powered off.
            </p>
          </>
        )}
      </section>

      <dl className="cw-facts cw-summary">
        <dt>Location</dt>
        <dd>{profile ? `${profile.location} · project ${profile.projectId}` : '—'}</dd>
        <dt>OS</dt>
        <dd>
          {os.os} {os.version}
        </dd>
        <dt>Plan</dt>
        <dd>
          <span className="mono">{plan.sku}</span> · {plan.vcpus} vCPU · {plan.ramGb} GB RAM ·{' '}
          {plan.requiresDisk ? `${draft.diskText} GB disk` : `${plan.diskGb} GB disk`}
        </dd>
        <dt>{n > 1 ? 'Names' : 'Name'}</dt>
        <dd className="mono">{names.join(', ')}</dd>
        <dt>SSH keys</dt>
        <dd>{keys.length ? keys.map((k) => k.label).join(', ') : 'None: password login only'}</dd>
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
        <dt>Start script</dt>
        <dd>
          {draft.startScript.trim()
            ? `${draft.startScript.trim().split('\n').length} line(s), runs as root at first boot`
            : 'None'}
        </dd>
        <dt>Billing</dt>
        <dd>{cost.committed ? `Committed, ${cost.committed.days} days` : 'Hourly'}</dd>
      </dl>
    </div>
  )
}
