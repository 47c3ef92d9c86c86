// The node list: one profile or all, search, status filter, sort, polling status, stale banners, detail panel.
import { useMemo, useState } from 'react'
import type { NodeStatus } from '../../../../shared/domain/node'
import { STATUS_LABEL } from '../../../../shared/domain/node-status'
import type { ProfileView } from '../../../../shared/domain/profile'
import { EmptyState } from '../../components/EmptyState'
import { ScreenBoundary } from '../../components/ScreenBoundary'
import { ErrorText } from '../../components/ErrorText'
import { Spinner } from '../../components/Spinner'
import { useNodesStore } from '../../stores/nodes.store'
import { toast } from '../../stores/notifications.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { ALL_PROFILES, useUiStore } from '../../stores/ui.store'
import { NodeDetailPanel } from '../../lazy-screens'
import { CreateNodeEntry } from './CreateNodeEntry'
import { filterRows, searchKey, sortRows, type NodeRow, type SortKey, type StatusFilter } from './list-filter'
import { NodeTable } from './NodeTable'
import { PollingBar } from './PollingBar'
import { StaleBanners } from './StaleBanners'
import './nodes.css'

const STATUSES = Object.keys(STATUS_LABEL) as NodeStatus[]

export function NodeListScreen() {
  const profiles = useProfilesStore((s) => s.profiles)
  const { byProfile, loaded, error, load, refresh, setPaused } = useNodesStore()
  const { listProfile, setListProfile, selected, select } = useUiStore()
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<StatusFilter>('all')
  const [sort, setSort] = useState<SortKey>('name')
  const [creatingHere, setCreatingHere] = useState(false)
  // The tray's "Create node" arrives as a navigation and opens the same wizard.
  const createRequested = useUiStore((s) => s.createRequested)
  const creating = creatingHere || createRequested
  const setCreating = (open: boolean) => {
    setCreatingHere(open)
    if (!open) useUiStore.getState().closeCreateRequest()
  }
  // No useDeferredValue: filtering 10,000 pre-sorted rows takes ~1 ms, and deferring cost a second frame.
  const deferredQuery = query

  const profilesById = useMemo(
    () => Object.fromEntries(profiles.map((p) => [p.id, p])) as Record<string, ProfileView>,
    [profiles]
  )
  const showAll = listProfile === ALL_PROFILES || !profilesById[listProfile]
  const visibleIds = useMemo(
    () => (showAll ? profiles.map((p) => p.id) : [listProfile]),
    [showAll, profiles, listProfile]
  )
  const states = useMemo(
    () => visibleIds.flatMap((id) => (byProfile[id] ? [byProfile[id]] : [])),
    [visibleIds, byProfile]
  )

  const allRows = useMemo<NodeRow[]>(
    () => states.flatMap((s) => s.nodes.map((node) => ({ profileId: s.profileId, node, search: searchKey(node) }))),
    [states]
  )
  const sorted = useMemo(() => sortRows(allRows, sort), [allRows, sort])
  const rows = useMemo(() => filterRows(sorted, deferredQuery, status), [sorted, deferredQuery, status])

  const createProfile: ProfileView | undefined = showAll
    ? profiles.length === 1
      ? profiles[0]
      : undefined
    : profilesById[listProfile]
  const createDisabledReason = createProfile ? null : 'Choose a profile first, then create a node in it.'

  const selectedVisible = selected && visibleIds.includes(selected.profileId) ? selected : null

  return (
    <div className={`nodes-screen${selectedVisible ? ' with-detail' : ''}`}>
      <section className="nodes-main stack" aria-label="Nodes">
        <div className="toolbar row">
          <label className="inline-field">
            <span>Profile</span>
            <select
              className="input"
              value={showAll ? ALL_PROFILES : listProfile}
              onChange={(e) => setListProfile(e.target.value)}
            >
              <option value={ALL_PROFILES}>All profiles</option>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.isDemo ? ' (demo)' : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field grow">
            <span>Search</span>
            <input
              className="input"
              type="search"
              placeholder="Name or IP"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              data-testid="node-search"
            />
          </label>
          <label className="inline-field">
            <span>Status</span>
            <select
              className="input"
              value={status}
              onChange={(e) => setStatus(e.target.value as StatusFilter)}
              data-testid="status-filter"
            >
              <option value="all">Any status</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>Sort by</span>
            <select
              className="input"
              value={sort}
              onChange={(e) => setSort(e.target.value as SortKey)}
              data-testid="sort"
            >
              <option value="name">Name</option>
              <option value="status">Status</option>
              <option value="created">Created (newest)</option>
            </select>
          </label>
          <span className="stack" style={{ gap: 2 }}>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setCreating(true)}
              disabled={!createProfile}
              aria-describedby={createDisabledReason ? 'create-reason' : undefined}
              title={createDisabledReason ?? undefined}
            >
              Create node
            </button>
          </span>
        </div>
        {createDisabledReason && (
          <p id="create-reason" className="muted small">
            {createDisabledReason}
          </p>
        )}

        <PollingBar
          states={states}
          onRefresh={() => void refresh(showAll ? undefined : listProfile)}
          onTogglePause={(p) => void setPaused(p)}
        />
        {error && <ErrorText error={error} onRetry={() => void load()} />}
        <StaleBanners states={states} profiles={profilesById} />

        <p className="muted small" aria-live="polite" data-testid="node-count">
          {!loaded
            ? ''
            : states.some((st) => st.totalNodes !== undefined)
              ? `Loading all ${states.reduce((n, st) => n + (st.totalNodes ?? st.nodes.length), 0)} nodes…`
              : `${rows.length} of ${allRows.length} ${allRows.length === 1 ? 'node' : 'nodes'}`}
        </p>

        {!loaded ? (
          <Spinner label="Loading nodes…" />
        ) : allRows.length === 0 ? (
          states.some((s) => s.refreshing || s.source === 'none') && !states.some((s) => s.error) ? (
            <Spinner label="Fetching nodes…" />
          ) : (
            <EmptyState title={profiles.length === 0 ? 'No profiles yet' : 'No nodes yet'}>
              {profiles.length === 0
                ? 'Add a profile to see its nodes.'
                : 'This project has no nodes. Create one with “Create node”.'}
            </EmptyState>
          )
        ) : rows.length === 0 ? (
          <EmptyState title="No nodes match">
            Nothing matches “{deferredQuery}”{status !== 'all' ? ` with status ${STATUS_LABEL[status]}` : ''}.{' '}
            <button type="button" className="btn btn-sm" onClick={() => (setQuery(''), setStatus('all'))}>
              Clear filters
            </button>
          </EmptyState>
        ) : (
          <NodeTable
            rows={rows}
            showProfile={showAll && profiles.length > 1}
            profiles={profilesById}
            states={byProfile}
            selected={selectedVisible}
            onSelect={select}
          />
        )}
      </section>
      {selectedVisible && (
        <ScreenBoundary loadingLabel="Loading details…" frameClassName="detail-panel card">
          <NodeDetailPanel
            key={`${selectedVisible.profileId}:${selectedVisible.nodeId}`}
            profileId={selectedVisible.profileId}
            nodeId={selectedVisible.nodeId}
            onClose={() => select(null)}
          />
        </ScreenBoundary>
      )}
      {creating && createProfile && (
        <CreateNodeEntry
          profileId={createProfile.id}
          onClose={() => setCreating(false)}
          onCreated={(ids) => {
            setCreating(false)
            toast({ kind: 'ok', title: ids.length === 1 ? 'Node created' : `${ids.length} nodes created` })
            const first = ids[0]
            if (first !== undefined) select({ profileId: createProfile.id, nodeId: first })
          }}
        />
      )}
    </div>
  )
}
