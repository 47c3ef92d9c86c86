// Network part of the options: backups, VPC, security group, reserved IP, IPv6.
import type { CreateOptionsData } from '../../../../shared/domain/resources'
import type { WizardDraft } from './wizard.types'

interface Props {
  data: CreateOptionsData
  draft: WizardDraft
  update(patch: Partial<WizardDraft>): void
  error: string | undefined
}

export function OptionsNetwork({ data, draft, update, error }: Props) {
  const freeIps = data.reservedIps.filter((ip) => ip.isFree)
  const ipLocked = draft.count > 1
  return (
    <div className="cw-grid2 cw-opt-network">
      <div className="field">
        <label htmlFor="cw-vpc">VPC</label>
        <select
          id="cw-vpc"
          value={draft.vpcId ?? ''}
          onChange={(e) => update({ vpcId: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">None (E2E's default network)</option>
          {data.vpcs.map((v) => (
            <option key={v.networkId} value={v.networkId} disabled={!v.isActive}>
              {v.name}
              {v.cidr ? ` (${v.cidr})` : ''}
              {v.isActive ? '' : ` — ${v.state || 'not ready'}, cannot be used yet`}
            </option>
          ))}
        </select>
        <span className="help">Only Active VPCs can be chosen.</span>
      </div>

      <div className="field">
        <label htmlFor="cw-sg">Security group</label>
        {data.securityGroups.length === 0 ? (
          <span className="help">No security groups listed: E2E applies the project's default.</span>
        ) : (
          <select
            id="cw-sg"
            value={draft.securityGroupId ?? ''}
            onChange={(e) => update({ securityGroupId: e.target.value === '' ? null : Number(e.target.value) })}
          >
            {draft.securityGroupId === null && <option value="">Project default</option>}
            {data.securityGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
                {g.isDefault ? ' (default)' : ''}
              </option>
            ))}
          </select>
        )}
      </div>

      <div className="field">
        <label htmlFor="cw-rip">Reserved IP</label>
        <select
          id="cw-rip"
          value={draft.reserveIp ?? ''}
          disabled={ipLocked}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby="cw-rip-msg"
          onChange={(e) => update({ reserveIp: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">None (a new public IP)</option>
          {freeIps.map((ip) => (
            <option key={ip.ip} value={ip.ip}>
              {ip.ip}
            </option>
          ))}
        </select>
        <span id="cw-rip-msg" className={error ? 'error' : 'help'}>
          {error ??
            (ipLocked
              ? 'A reserved IP can be used for one node only. Choose 1 node to use one.'
              : freeIps.length === 0
                ? 'No free reserved IPs in this project.'
                : 'Only reserved IPs attached to nothing are listed.')}
        </span>
      </div>

      <fieldset className="cw-fieldset cw-switches">
        <legend>Extras</legend>
        <label className="cw-check">
          <input type="checkbox" checked={draft.ipv6} onChange={(e) => update({ ipv6: e.target.checked })} />
          IPv6 address as well
        </label>
        <label className="cw-check">
          <input type="checkbox" checked={draft.backups} onChange={(e) => update({ backups: e.target.checked })} />
          Backups (billed separately by E2E)
        </label>
      </fieldset>
    </div>
  )
}
