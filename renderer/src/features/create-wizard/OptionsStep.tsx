// Step 4: name, count, access, network, disk, script and billing. Errors show as the user types.
import type { CreateOptionsData } from '../../../../shared/domain/resources'
import { FetchStatus } from './FetchStatus'
import { OptionsBilling } from './OptionsBilling'
import { OptionsNetwork } from './OptionsNetwork'
import type { FetchState } from '../../lib/use-fetch'
import { MAX_COUNT, MAX_SCRIPT_CHARS, nodeNames, type OptionErrors } from './wizard.rules'
import type { WizardDraft } from './wizard.types'

export interface OptionsProps {
  draft: WizardDraft
  update(patch: Partial<WizardDraft>): void
  errors: OptionErrors
  options: FetchState<CreateOptionsData>
  onRetry(): void
  /** The node list could not be read: uniqueness is then checked only by E2E. */
  namesFailed: boolean
}

export function OptionsStep(props: OptionsProps) {
  const { draft, update, errors, options, onRetry, namesFailed } = props
  const names = nodeNames(draft.name || 'name', draft.count)
  return (
    <div className="cw-options">
      <div role="group" className="cw-grid2 cw-opt-name" aria-label="Name and count">
        <div className="field">
          <label htmlFor="cw-name">Name</label>
          <input
            id="cw-name"
            className="mono"
            value={draft.name}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.name ? 'true' : 'false'}
            aria-describedby="cw-name-msg"
            onChange={(e) => update({ name: e.target.value })}
          />
          <div id="cw-name-msg" aria-live="polite">
            {errors.name ? (
              <span className="error">{errors.name}</span>
            ) : (
              <span className="help">
                Letters, digits, - and _; no spaces. Must be unique in this project and location.
              </span>
            )}
          </div>
          {namesFailed && (
            <span className="help">
              Could not read this project's node list, so E2E will check that the name is free.
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="cw-count">Number of nodes</label>
          <select
            id="cw-count"
            value={draft.count}
            onChange={(e) => {
              const count = Number(e.target.value)
              // A reserved IP belongs to one node: drop it rather than send a create E2E will refuse.
              update(count > 1 ? { count, reserveIp: null } : { count })
            }}
          >
            {Array.from({ length: MAX_COUNT }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          {draft.count > 1 && (
            <span className="help" data-testid="cw-names-note">
              The nodes will be named <span className="mono">{names[0]}</span> …{' '}
              <span className="mono">{names[names.length - 1]}</span> (-1 to -{draft.count} is added).
            </span>
          )}
        </div>
        {draft.plan?.requiresDisk && (
          <div className="field">
            <label htmlFor="cw-disk">Disk size (GB)</label>
            <input
              id="cw-disk"
              type="number"
              min={75}
              max={2400}
              step={Number(draft.diskText) >= 150 ? 50 : 25}
              inputMode="numeric"
              value={draft.diskText}
              aria-invalid={errors.disk ? 'true' : 'false'}
              aria-describedby="cw-disk-msg"
              onChange={(e) => update({ diskText: e.target.value })}
            />
            <div id="cw-disk-msg" aria-live="polite">
              {errors.disk ? (
                <span className="error">{errors.disk}</span>
              ) : (
                <span className="help">
                  {draft.plan.sku} plans need a disk: 75–2400 GB, in steps of 25 GB below 150 and 50 GB from 150.
                </span>
              )}
            </div>
          </div>
        )}
      </div>

      {options.status !== 'ready' ? (
        <FetchStatus state={options} what="SSH keys, networks and security groups" onRetry={onRetry} />
      ) : (
        <>
          <SshKeys data={options.data} draft={draft} update={update} />
          <OptionsNetwork data={options.data} draft={draft} update={update} error={errors.reserveIp} />
        </>
      )}

      <div className="field cw-opt-script">
        <label htmlFor="cw-script">Start script (optional)</label>
        <textarea
          id="cw-script"
          className="mono"
          rows={4}
          value={draft.startScript}
          aria-invalid={errors.startScript ? 'true' : 'false'}
          aria-describedby="cw-script-msg"
          placeholder={'#!/bin/bash\napt-get update'}
          onChange={(e) => update({ startScript: e.target.value })}
        />
        <div id="cw-script-msg">
          {errors.startScript ? (
            <span className="error">{errors.startScript}</span>
          ) : (
            <span className="help">
              Runs once, as root, when the node first boots. Up to {MAX_SCRIPT_CHARS.toLocaleString('en-IN')}{' '}
              characters.
            </span>
          )}
        </div>
      </div>

      {draft.plan && <OptionsBilling plan={draft.plan} draft={draft} update={update} />}
    </div>
  )
}

function SshKeys({
  data,
  draft,
  update
}: {
  data: CreateOptionsData
  draft: WizardDraft
  update: OptionsProps['update']
}) {
  const toggle = (id: number, on: boolean) =>
    update({ sshKeyIds: on ? [...draft.sshKeyIds, id] : draft.sshKeyIds.filter((k) => k !== id) })
  return (
    <fieldset className="cw-fieldset cw-opt-keys">
      <legend>SSH keys</legend>
      {data.sshKeys.length === 0 ? (
        <p className="muted">This project has no SSH keys. Add one in E2E MyAccount to log in with a key.</p>
      ) : (
        <div className="stack cw-tight">
          {data.sshKeys.map((k) => (
            <label key={k.id} className="cw-check">
              <input
                type="checkbox"
                checked={draft.sshKeyIds.includes(k.id)}
                onChange={(e) => toggle(k.id, e.target.checked)}
              />
              {k.label} <span className="muted cw-small">{k.type}</span>
            </label>
          ))}
        </div>
      )}
      {draft.sshKeyIds.length === 0 && (
        <div className="banner banner-warn cw-gap" data-testid="cw-no-keys">
          No SSH key chosen: the node will allow password login only.
        </div>
      )}
    </fieldset>
  )
}
