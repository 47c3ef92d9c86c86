// Step 7: each new node's status, live, until it runs; then its public IP with a copy button.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { NodeSummary } from '../../../../shared/domain/node'
import { Check, Copy, RefreshCw } from 'lucide-react'
import { StatusBadge } from '../../components/StatusBadge'
import { Button } from '../../components/ui/Button'
import type { CreateNodeResult } from '../../../../shared/ipc/contract'
import { copyText } from '../../lib/clipboard'
import { useFollowNodes } from './use-follow-nodes'

/** Where the new nodes are: the step's heading follows it. */
export type FollowState = 'starting' | 'running' | 'failed'

interface Props {
  profileId: string
  result: CreateNodeResult
  onState(state: FollowState): void
  /** A control that had the focus went away (Check now, once the nodes run): the wizard puts it somewhere useful. */
  onFocusLost(): void
}

export function FollowStep({ profileId, result, onState, onFocusLost }: Props) {
  const { nodes, error, checking, checkNow } = useFollowNodes(profileId, result.nodes)
  const running = nodes.filter((n) => n.status === 'RUNNING').length
  const failed = nodes.filter((n) => n.status === 'FAILED')
  const allUp = nodes.length > 0 && running === nodes.length
  const state: FollowState = allUp ? 'running' : failed.length > 0 ? 'failed' : 'starting'
  useEffect(() => onState(state), [state, onState])

  // The status changes under the user. Chromium drops the focus to the page when the focused control is removed or
  // disabled, and a keyboard user is then nowhere: after that, and only that, hand it on.
  const lastFocused = useRef<HTMLElement | null>(null)
  useLayoutEffect(() => {
    const was = lastFocused.current
    const lost = document.activeElement === null || document.activeElement === document.body
    if (was && lost && (!was.isConnected || was.matches(':disabled'))) {
      lastFocused.current = null
      onFocusLost()
    }
  })

  return (
    <div
      className="stack"
      onFocus={(e) => {
        if (e.target instanceof HTMLElement) lastFocused.current = e.target
      }}
      onBlur={(e) => {
        // Moved on by the user (to Done, say); a control that goes away blurs with no relatedTarget.
        if (e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) lastFocused.current = null
      }}
    >
      {result.outcome === 'recovered' ? (
        <div className="banner banner-ok" role="status" data-testid="cw-recovered">
          <span>
            {/* Our own words, not result.message: the failure may have been a 429 or a dropped connection, not a timeout. */}
            <strong>{nodes.length > 1 ? 'The nodes were created.' : 'The node was created.'}</strong> The connection to
            E2E failed while creating, but Nodetray found {nodes.length > 1 ? 'the new nodes' : 'the new node'}, so
            there is nothing to retry.
          </span>
        </div>
      ) : (
        <div className="banner banner-ok" role="status">
          {result.message || `Created ${nodes.map((n) => n.name).join(', ')}.`}
        </div>
      )}
      {nodes.length === 0 && (
        <p className="muted">E2E accepted the order but listed no node yet. It will appear in the node list.</p>
      )}
      {nodes.length > 0 && (
        <table className="data cw-follow">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Public IP</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => (
              <FollowRow key={n.id} node={n} />
            ))}
          </tbody>
        </table>
      )}
      <p className={allUp ? 'banner banner-ok' : 'muted'} aria-live="polite" data-testid="cw-follow-summary">
        {allUp
          ? `${nodes.length > 1 ? 'All nodes are' : 'The node is'} running.`
          : failed.length > 0
            ? `${failed.map((n) => n.name).join(', ')} failed to start. Check it in the node list or with E2E support.`
            : `${running} of ${nodes.length} running. New nodes usually take a minute or two; you can close this, the node list keeps watching.`}
      </p>
      {error && (
        <div className="banner banner-warn" role="alert">
          Could not refresh the status: {error.message}
        </div>
      )}
      {!allUp && (
        <div>
          {/* Not disabled while it asks: that would take the focus from whoever just pressed it. */}
          <Button
            icon={RefreshCw}
            size="sm"
            className="cw-check-now"
            onClick={checking ? undefined : checkNow}
            aria-disabled={checking ? 'true' : undefined}
            title={checking ? 'Already asking E2E for the status' : undefined}
          >
            {checking ? 'Checking…' : 'Check now'}
          </Button>
        </div>
      )}
    </div>
  )
}

function FollowRow({ node }: { node: NodeSummary }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  // The tick (or the failure) shows for a moment; the reset goes with the row (a closed wizard sets no state).
  useEffect(() => {
    if (copied === null) return undefined
    const t = setTimeout(() => setCopied(null), 2000)
    return () => clearTimeout(t)
  }, [copied])
  const ip = node.status === 'RUNNING' ? node.publicIp : null
  const copy = (text: string) => {
    void copyText(text).then((ok) => setCopied(ok ? 'yes' : 'no'))
  }
  return (
    <tr data-testid="cw-follow-row" data-node-id={node.id}>
      <td className="mono">{node.name}</td>
      <td>
        <StatusBadge status={node.status} />
      </td>
      <td>
        {ip ? (
          <span className="row">
            <span className="mono" data-testid="cw-ip">
              {ip}
            </span>
            <Button
              icon={copied === 'yes' ? Check : Copy}
              size="sm"
              onClick={() => copy(ip)}
              aria-label={`Copy IP ${ip}`}
            >
              {copied === 'yes' ? 'Copied' : 'Copy'}
            </Button>
            {copied === 'no' && <span className="muted cw-small">Select the IP and copy it by hand.</span>}
          </span>
        ) : (
          <span className="muted">{node.status === 'RUNNING' ? 'Waiting for an IP…' : 'When running'}</span>
        )}
      </td>
    </tr>
  )
}
