// The detail panel's facts, grouped: Specs, Network, Billing (with the committed card), Access. Values that people
// paste elsewhere (IPs, the SSH command) have a copy button. Prices are formatted from numbers; the running cost
// is the tray's estimate (shared/domain/running-cost.ts) and says so.
import type { ReactNode } from 'react'
import { Cpu, ExternalLink, KeyRound, Network, Wallet, type LucideIcon } from 'lucide-react'
import type { NodeDetail, NodeSummary } from '../../../../shared/domain/node'
import { Button } from '../../components/ui/Button'
import { formatDateTime } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { usePriceStore } from '../../tray/price-book.store'
import { CommittedRenewal } from './CommittedRenewal'
import { CopyButton } from './CopyButton'
import { bookFor, costLines, machineKind, osLabel, specsLine, sshCommand } from './node-facts'

function Section({ title, icon: Icon, children }: { title: string; icon: LucideIcon; children: ReactNode }) {
  const id = `nd-sec-${title.toLowerCase()}`
  return (
    <section className="nd-section" aria-labelledby={id}>
      <h3 id={id} className="nd-section-title">
        <Icon size={14} aria-hidden="true" /> {title}
      </h3>
      {children}
    </section>
  )
}

function Fact({
  label,
  children,
  copy,
  copyWhat,
  mono,
  testId
}: {
  label: string
  children: ReactNode
  copy?: string | null
  copyWhat?: string
  mono?: boolean
  testId?: string
}) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={copy ? 'nd-copyable' : undefined} data-testid={testId}>
        <span className={mono ? 'mono nd-value' : 'nd-value'}>{children}</span>
        {copy && <CopyButton text={copy} what={copyWhat ?? label.toLowerCase()} />}
      </dd>
    </>
  )
}

interface Props {
  profileId: string
  node: NodeSummary
  detail: NodeDetail | null
  /** The detail is on its way: its facts show "…" rather than "—". */
  detailLoading?: boolean
  onRenewalSaved(): void
  onOpenMyAccount(): void
}

export function NodeFacts({ profileId, node, detail, detailLoading, onRenewalSaved, onOpenMyAccount }: Props) {
  const shared = usePriceStore((s) => s.books[profileId])
  const now = useNow(60_000)
  const cost = costLines(node, detail, bookFor(detail, shared, node), now)
  const ssh = sshCommand(node)
  const dash = detailLoading ? '…' : '—'
  const committed = detail && (detail.isCommitted || detail.committed) ? detail : null

  return (
    <div className="nd-sections">
      <Section title="Specs" icon={Cpu}>
        <dl className="nd-facts">
          <Fact label="Plan">{node.plan}</Fact>
          <Fact label="Size">{specsLine(node)}</Fact>
          <Fact label="Image">{osLabel(detail) ?? dash}</Fact>
          <Fact label="Type" testId="machine-kind">
            {machineKind(detail)}
          </Fact>
          <Fact label="Created">{formatDateTime(node.createdAt)}</Fact>
        </dl>
      </Section>
      <Section title="Network" icon={Network}>
        <dl className="nd-facts">
          <Fact label="Public IP" copy={node.publicIp} copyWhat="public IP" mono={Boolean(node.publicIp)}>
            {node.publicIp ?? 'None'}
          </Fact>
          <Fact label="Private IP" copy={node.privateIp} copyWhat="private IP" mono={Boolean(node.privateIp)}>
            {node.privateIp ?? 'None'}
          </Fact>
          <Fact label="Location">{node.location ?? dash}</Fact>
          <Fact label="Firewall">
            {detail?.securityGroupCount == null
              ? dash
              : `${detail.securityGroupCount} security ${detail.securityGroupCount === 1 ? 'group' : 'groups'}`}
          </Fact>
          <Fact label="VPC">{detail ? (detail.isVpcAttached ? 'Attached' : 'Not attached') : dash}</Fact>
        </dl>
      </Section>
      <Section title="Billing" icon={Wallet}>
        <dl className="nd-facts">
          <Fact label="Billing">{node.isCommitted ? 'Committed plan' : 'Hourly'}</Fact>
          {!node.isCommitted && (
            <Fact label="Rate" testId="billing-rate">
              {cost?.rate ?? (detailLoading ? '…' : 'Not known')}
            </Fact>
          )}
          {!node.isCommitted && cost?.running && (
            <Fact label="Running cost" testId="running-cost">
              {cost.running} <span className="muted small">(estimate)</span>
            </Fact>
          )}
        </dl>
        {committed && <CommittedRenewal profileId={profileId} detail={committed} onSaved={onRenewalSaved} />}
      </Section>
      <Section title="Access" icon={KeyRound}>
        <dl className="nd-facts">
          <Fact label="SSH" copy={ssh} copyWhat="SSH command" mono={Boolean(ssh)}>
            {ssh ?? 'No public IP'}
          </Fact>
          <Fact label="SSH keys">
            {detail ? (detail.sshKeys.length ? detail.sshKeys.map((k) => k.label).join(', ') : 'None') : dash}
          </Fact>
          <Fact label="Lock">{node.isLocked ? 'Locked' : 'Unlocked'}</Fact>
          <Fact label="Delete protection">{node.isProtected ? 'On' : 'Off'}</Fact>
          {detail?.rescueMode && <Fact label="Rescue mode">On</Fact>}
        </dl>
        <div className="nd-links">
          <Button icon={ExternalLink} size="sm" variant="ghost" onClick={onOpenMyAccount}>
            Open in MyAccount
          </Button>
        </div>
      </Section>
    </div>
  )
}
