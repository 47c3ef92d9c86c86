// The tray popover: header counts, search, every profile's nodes, footer. It is created hidden when the app
// starts and kept current from main's events, so showing it only focuses the search box.
import { Search, X } from 'lucide-react'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { NodeSummary } from '../../../shared/domain/node'
import { profilesToTotal } from '../../../shared/domain/node-state'
import type { ProfileView } from '../../../shared/domain/profile'
import { addRates, nodeRate, type CostTotal } from '../../../shared/domain/running-cost'
import { ActionConfirm } from '../features/node-detail/ActionConfirm'
import { DeleteNodeDialog } from '../features/node-detail/DeleteNodeDialog'
import { failedTitle } from '../features/node-detail/node-action-model'
import { asAppError } from '../lib/ipc'
import { plainError, plainWords } from '../lib/plain-error'
import { useNodesStore } from '../stores/nodes.store'
import { useProfilesStore } from '../stores/profiles.store'
import { GlanceFooter } from './GlanceFooter'
import { GlanceHeader } from './GlanceHeader'
import { GlanceList, type GlanceListHandle } from './GlanceList'
import { buildRows, countStatuses, freshness, type NodeRowData } from './glance-model'
import type { RowCommand } from './NodeRow'
import { copyIp, copySsh, hidePopover, openNode, runPower, type PowerAction } from './popover-actions'
import { usePriceStore } from './price-book.store'
import { useNow } from '../lib/use-now'
import { fitToScreen, useOnShown } from './popover-visibility'

/** How long an info line (not an error) stays in the message band. */
export const INFO_SHOWN_MS = 6_000

const ACTION_DONE: Record<string, string> = {
  power_on: 'Powering on',
  power_off: 'Powering off',
  reboot: 'Rebooting'
}

interface Message {
  kind: 'info' | 'error'
  text: string
  /** Main's own words, behind a disclosure: the text itself is plain. */
  detail?: string | null
}

/** A failure in plain words (as the window's toasts say it), its technical text kept for the disclosure. */
function failure(e: unknown, title: string | null, demo: boolean): Message {
  const p = plainError(asAppError(e), { demo })
  const words = plainWords(p)
  return { kind: 'error', text: title ? `${title}. ${words}` : words, detail: p.technical }
}

export function TrayPopover() {
  const profiles = useProfilesStore((s) => s.profiles)
  const profilesLoaded = useProfilesStore((s) => s.loaded)
  const byProfile = useNodesStore((s) => s.byProfile)
  const books = usePriceStore((s) => s.books)
  const [query, setQuery] = useState('')
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set())
  const [deleting, setDeleting] = useState<{ profile: ProfileView; node: NodeSummary } | null>(null)
  // Power off and reboot interrupt work: asked first, as in the window.
  const [confirming, setConfirming] = useState<{ row: NodeRowData; action: 'power_off' | 'reboot' } | null>(null)
  const [message, setMessage] = useState<Message | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const listHandle = useRef<GlanceListHandle | null>(null)
  // Costs move by the minute (re-read every 30 s); ages are shown to the second ("26 s ago"), so they tick faster.
  const now = useNow(30_000)
  const ageNow = useNow(5_000)

  const focusSearch = useCallback(() => {
    searchRef.current?.focus()
    searchRef.current?.select()
  }, [])
  const onShown = useCallback(() => {
    fitToScreen()
    focusSearch()
    const { profiles: p } = useProfilesStore.getState()
    void usePriceStore.getState().update(p, useNodesStore.getState().byProfile)
  }, [focusSearch])
  useOnShown(onShown, () => {
    setQuery('')
    setDeleting(null)
    setConfirming(null)
    setMessage(null)
  })

  useEffect(() => {
    // Prices cost API calls: none while the popover has never been seen (it is made hidden at start).
    if (document.visibilityState === 'visible') void usePriceStore.getState().update(profiles, byProfile)
  }, [profiles, byProfile])

  const rows = useMemo(
    () => buildRows({ profiles, byProfile, query, collapsed }),
    [profiles, byProfile, query, collapsed]
  )
  const counts = useMemo(() => countStatuses(profiles, byProfile), [profiles, byProfile])
  const fresh = useMemo(() => freshness(profiles, byProfile), [profiles, byProfile])
  // Costs move with data, prices and the minute, never with a keystroke: computed here once, not per render.
  const { total, perProfile } = useMemo(() => {
    const perProfile: Record<string, CostTotal> = {}
    const total: CostTotal = { perHour: 0, perMonth: 0, unknown: 0 }
    for (const p of profiles) {
      const book = books[p.id]
      perProfile[p.id] = addRates(byProfile[p.id]?.nodes ?? [], (n) => nodeRate(n, book))
    }
    // Two profiles of one project list the same nodes: the total counts them once.
    for (const p of profilesToTotal(profiles, byProfile)) {
      const c = perProfile[p.id] as CostTotal
      total.perHour += c.perHour
      total.perMonth += c.perMonth
      total.unknown += c.unknown
    }
    return { total, perProfile }
  }, [profiles, byProfile, books])

  const toggle = useCallback(
    (profileId: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev)
        if (!next.delete(profileId)) next.add(profileId)
        return next
      }),
    []
  )

  // "Copied …" and "Powering off web-01…" are news for a moment (the row itself shows the action under way);
  // errors stay until the next action or the popover closes.
  useEffect(() => {
    if (message?.kind !== 'info') return
    const timer = setTimeout(() => setMessage((m) => (m === message ? null : m)), INFO_SHOWN_MS)
    return () => clearTimeout(timer)
  }, [message])

  const fail = useCallback((e: unknown) => setMessage(failure(e, null, false)), [])
  const power = useCallback(async (row: NodeRowData, action: PowerAction) => {
    await runPower(row.profile.id, row.node.id, action)
    setMessage({ kind: 'info', text: `${ACTION_DONE[action] ?? 'Working on'} ${row.node.name}…` })
  }, [])

  const onCommand = useCallback(
    (row: NodeRowData, cmd: RowCommand) => {
      const { node, profile } = row
      switch (cmd.kind) {
        case 'open':
          return void openNode(profile.id, node.id).catch(fail)
        case 'copy-ip':
          return void copyIp(node).then((ok) =>
            setMessage(
              ok ? { kind: 'info', text: `Copied ${node.publicIp ?? ''}` } : { kind: 'error', text: 'Could not copy' }
            )
          )
        case 'copy-ssh':
          return void copySsh(node).then((ok) =>
            setMessage(
              ok
                ? { kind: 'info', text: `Copied ssh root@${node.publicIp ?? ''}` }
                : { kind: 'error', text: 'Could not copy' }
            )
          )
        case 'power':
          if (cmd.action !== 'power_on') {
            // A dialog is the news now: an older line under it would read as part of it.
            setMessage(null)
            return setConfirming({ row, action: cmd.action })
          }
          return void power(row, cmd.action).catch((e: unknown) =>
            setMessage(failure(e, failedTitle(cmd.action, node.name), profile.isDemo))
          )
        case 'delete':
          setMessage(null)
          return setDeleting({ profile, node })
      }
    },
    [fail, power]
  )

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const inField = (e.target as HTMLElement).tagName === 'INPUT'
    if (e.key === 'Escape') {
      e.preventDefault()
      hidePopover()
    } else if (e.key === '/' && !inField) {
      e.preventDefault()
      focusSearch()
    }
  }

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      listHandle.current?.focusFirst()
    } else if (e.key === 'Enter') {
      const first = rows.find((r): r is NodeRowData => r.kind === 'node')
      if (first) onCommand(first, { kind: 'open' })
    }
  }

  // The deleted node's row stays until main's next list; the dialog closes at once.
  const deletingNow = deleting
    ? (byProfile[deleting.profile.id]?.nodes.find((n) => n.id === deleting.node.id) ?? deleting.node)
    : null

  return (
    // While the delete confirm is open the popover takes its full height, so the confirm is never cramped.
    <div className={`glance${deleting || confirming ? ' is-confirming' : ''}`} onKeyDown={onKeyDown}>
      <GlanceHeader
        counts={counts}
        refreshing={fresh.refreshing}
        oldest={fresh.oldest}
        total={total}
        now={ageNow}
        loaded={profilesLoaded}
      />
      {/* Header and footer are the banner and contentinfo; the search, the list and the news between them are main. */}
      <main className="glance-main">
        <div className="glance-search" role="search">
          <Search size={15} aria-hidden="true" className="glance-search-icon" />
          <input
            ref={searchRef}
            type="search"
            aria-label="Search nodes by name or IP"
            placeholder="Search by name or IP"
            value={query}
            autoFocus
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
            data-testid="glance-search"
          />
          {query && (
            <button
              type="button"
              className="glance-clear"
              aria-label="Clear search"
              onClick={() => (setQuery(''), focusSearch())}
            >
              <X size={14} aria-hidden="true" />
            </button>
          )}
        </div>
        {profilesLoaded && profiles.length === 0 ? (
          <p className="glance-empty">No profiles yet. Open Nodetray to add one or try the demo.</p>
        ) : (
          <GlanceList
            rows={rows}
            books={books}
            profileCosts={perProfile}
            now={now}
            ageNow={ageNow}
            handle={listHandle}
            onToggle={toggle}
            onCommand={onCommand}
            onLeaveTop={focusSearch}
          />
        )}
        <div
          className={`glance-message${message ? ` is-${message.kind}` : ''}`}
          role="status"
          aria-live="polite"
          data-testid="glance-message"
        >
          {message?.text}
          {message?.detail && (
            <details className="tech-details">
              <summary>Technical details</summary>
              <code>{message.detail}</code>
            </details>
          )}
        </div>
      </main>
      <GlanceFooter onError={fail} />
      {confirming && (
        <ActionConfirm
          action={confirming.action}
          nodeName={confirming.row.node.name}
          onClose={() => setConfirming(null)}
          // A failure shows inside the dialog in plain words, and the dialog stays open.
          onConfirm={() => power(confirming.row, confirming.action)}
        />
      )}
      {deleting && deletingNow && (
        <DeleteNodeDialog
          profileId={deleting.profile.id}
          profileName={deleting.profile.name}
          node={deletingNow}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setMessage({ kind: 'info', text: `Deleting ${deleting.node.name}…` })
            setDeleting(null)
          }}
        />
      )}
    </div>
  )
}
