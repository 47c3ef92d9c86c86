// The node list: toolbar (search, profile, grouping, polling, create), status chips with counts, the polling line
// or the bulk bar, stale banners, the table, and the detail panel beside it. Keyboard: "/" or Ctrl/Cmd+F searches,
// Esc closes the detail (or unchecks), Delete deletes the focused, checked or open node(s).
import {
  memo,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore
} from 'react'
import { flushSync } from 'react-dom'
import { X } from 'lucide-react'
import { STATUS_LABEL } from '../../../../shared/domain/node-status'
import type { ProfileNodes } from '../../../../shared/domain/node-state'
import type { ProfileView } from '../../../../shared/domain/profile'
import { EmptyState } from '../../components/EmptyState'
import { ScreenBoundary } from '../../components/ScreenBoundary'
import { ErrorText } from '../../components/ErrorText'
import { Spinner } from '../../components/Spinner'
import { Button, IconButton } from '../../components/ui/Button'
import { takeArrivalFocus } from '../../lib/focus-on-arrival'
import { useNodesStore } from '../../stores/nodes.store'
import { toast } from '../../stores/notifications.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { ALL_PROFILES, useUiStore, type SelectedNode } from '../../stores/ui.store'
import { NodeDetailPanel } from '../../lazy-screens'
import type { BulkKind } from './bulk'
import { CreateBanners } from './CreateBanners'
import { CreateNodeEntry } from './CreateNodeEntry'
import { CostTotalText, useRunningCosts, useShownCost } from './costs'
import {
  filterAndCount,
  groupRows,
  isGroupRow,
  nextSort,
  searchKey,
  sortRows,
  type NodeRow,
  type SortKey,
  type SortSpec,
  type StatusFilter,
  type TableRow
} from './list-filter'
import { NodeTable, type CheckGesture } from './NodeTable'
import { PollControls, PollingBar } from './PollingBar'
import { useRowActions } from './RowActions'
import { nodeKey, useSelectionStore } from './selection.store'
import { StaleBanners } from './StaleBanners'
import { StatusChips } from './StatusChips'
import { LazyBulkBar, LazyBulkDialog, preloadPowerTools } from './lazy-power-tools'
import { overlayOpen, useListShortcuts } from './use-list-shortcuts'
import { useDeleteFocus } from './use-delete-focus'
import './nodes.css'
import { formatCount } from '../../lib/format'

// Made once: a keystroke re-renders the screen, and a lucide icon re-rendered costs more than its input's update.
const SEARCH_ICON = <span className="ticon ticon-search search-icon" aria-hidden="true" />

const SORT_CHOICES: { value: string; label: string }[] = [
  { value: 'name:asc', label: 'Name, A–Z' },
  { value: 'name:desc', label: 'Name, Z–A' },
  { value: 'status:asc', label: 'Status' },
  { value: 'created:desc', label: 'Newest first' },
  { value: 'created:asc', label: 'Oldest first' },
  { value: 'cost:desc', label: 'Cost, highest first' },
  { value: 'ip:asc', label: 'Public IP' },
  { value: 'plan:asc', label: 'Plan' },
  { value: 'location:asc', label: 'Location' },
  { value: 'profile:asc', label: 'Profile' }
]

/** Where nodes.css lays the detail over the list as a docked sheet instead of beside it (keep the two in step). */
const SHEET_LAYOUT = '(max-width: 960px)'

function subscribeSheet(onChange: () => void): () => void {
  const mq = window.matchMedia?.(SHEET_LAYOUT)
  mq?.addEventListener('change', onChange)
  return () => mq?.removeEventListener('change', onChange)
}
const isSheetLayout = (): boolean => window.matchMedia?.(SHEET_LAYOUT).matches ?? false

export function NodeListScreen() {
  const profiles = useProfilesStore((s) => s.profiles)
  const { byProfile, loaded, error, load, refresh, setPaused } = useNodesStore()
  const { listProfile, setListProfile, selected, select } = useUiStore()
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<StatusFilter>('all')
  const [sort, setSort] = useState<SortSpec>({ key: 'name', dir: 'asc' })
  const [grouped, setGrouped] = useState(false)
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set())
  const [bulk, setBulk] = useState<{ kind: BulkKind; rows: NodeRow[] } | null>(null)
  const [creatingHere, setCreatingHere] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const titleRef = useRef<HTMLHeadingElement>(null)
  // Arrived from first run: the control that finished it went with it, so the screen's title takes focus (and is
  // read out) instead of <body>.
  useEffect(() => {
    if (takeArrivalFocus('nodes')) titleRef.current?.focus()
  }, [])
  const checked = useSelectionStore((s) => s.ids)
  // The tray's "Create node" arrives as a navigation and opens the same wizard.
  const createRequested = useUiStore((s) => s.createRequested)
  const creating = creatingHere || createRequested
  const setCreating = (open: boolean) => {
    setCreatingHere(open)
    if (!open) useUiStore.getState().closeCreateRequest()
  }

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
  const severalProfiles = showAll && profiles.length > 1
  const isGrouped = grouped && severalProfiles

  // The row menu and bulk tools load once the list has painted and the page is idle.
  useEffect(() => {
    const t = setTimeout(() => void preloadPowerTools().catch(() => undefined), 500)
    return () => clearTimeout(t)
  }, [])

  // Checks belong to the profile shown: switching profiles starts afresh.
  useEffect(() => useSelectionStore.getState().clear(), [listProfile])

  const costs = useRunningCosts(profiles, states, byProfile)

  const allRows = useMemo<NodeRow[]>(
    () =>
      states.flatMap((s) =>
        s.nodes.map((node) => ({ profileId: s.profileId, node, search: searchKey(node), status: node.status }))
      ),
    [states]
  )
  // Prices arriving re-sort only a list sorted by cost.
  // Sorting 10,000 rows costs ~10 ms: prices arriving or profiles reloading re-sort only a list sorted by them.
  const costOf = sort.key === 'cost' ? costs.perHourOf : null
  const namesOf = sort.key === 'profile' ? profilesById : null
  const sorted = useMemo(
    () =>
      sortRows(allRows, sort, {
        ...(namesOf ? { profileName: (id: string) => namesOf[id]?.name ?? id } : {}),
        ...(costOf ? { costPerHour: costOf } : {})
      }),
    [allRows, sort, namesOf, costOf]
  )
  const {
    rows: filtered,
    counts,
    matching
  } = useMemo(() => filterAndCount(sorted, query, status), [sorted, query, status])
  const shownCost = useShownCost(costs, filtered, allRows.length)
  const totals = useMemo(
    () => Object.fromEntries(states.map((s) => [s.profileId, s.nodes.length])) as Record<string, number>,
    [states]
  )
  const tableRows = useMemo<TableRow[]>(
    () => (isGrouped ? groupRows(filtered, visibleIds, totals, collapsed) : filtered),
    [isGrouped, filtered, visibleIds, totals, collapsed]
  )

  // Shift-click ranges and "check all" run over the rows as shown. Their keys are built only when asked, never per
  // keystroke; the rows are read through a ref so the rows' callbacks never change.
  const tableRowsRef = useRef(tableRows)
  useLayoutEffect(() => {
    tableRowsRef.current = tableRows
  }, [tableRows])
  const onCheck = useCallback((key: string, g: CheckGesture) => {
    const sel = useSelectionStore.getState()
    if (g.range) sel.extend(key, shownKeysOf(tableRowsRef.current))
    else sel.toggle(key)
  }, [])
  const shownCount = useMemo(
    () => (isGrouped ? tableRows.reduce((n, r) => (isGroupRow(r) ? n : n + 1), 0) : tableRows.length),
    [isGrouped, tableRows]
  )
  const checkedShown = useMemo(
    () =>
      checked.size === 0
        ? 0
        : tableRows.reduce((n, r) => (!isGroupRow(r) && checked.has(nodeKey(r.profileId, r.node.id)) ? n + 1 : n), 0),
    [tableRows, checked]
  )
  const checkedRows = useMemo(
    () => (checked.size === 0 ? [] : allRows.filter((r) => checked.has(nodeKey(r.profileId, r.node.id)))),
    [allRows, checked]
  )
  const checkAll = checkedShown === 0 ? 'none' : checkedShown === shownCount ? 'all' : 'some'
  const onCheckAll = useCallback(
    (on: boolean) => useSelectionStore.getState().setMany(shownKeysOf(tableRowsRef.current), on),
    []
  )
  const onSort = useCallback((key: SortKey) => setSort((s) => nextSort(s, key)), [])
  const onToggleGroup = useCallback(
    (id: string) =>
      setCollapsed((c) => {
        const next = new Set(c)
        if (next.has(id)) next.delete(id)
        else next.add(id)
        return next
      }),
    []
  )

  const deleteFocus = useDeleteFocus(tableRowsRef, searchRef)
  const rowActions = useRowActions(deleteFocus)
  const startDelete = useCallback(
    (rows: NodeRow[]) => {
      if (rows.length === 1 && rows[0]) rowActions.requestDelete(rows[0])
      else if (rows.length > 1) {
        deleteFocus.remember(rowKeys(rows))
        setBulk({ kind: 'delete', rows })
      }
    },
    [rowActions, deleteFocus]
  )

  // The profile shown is where a node goes; with "All profiles" (and more than one) the wizard asks which.
  const createIn: string | null = showAll ? (profiles.length === 1 ? (profiles[0]?.id ?? null) : null) : listProfile
  const createDisabledReason = profiles.length === 0 ? 'Add a profile first, then create a node in it.' : null

  const selectedVisible = selected && visibleIds.includes(selected.profileId) ? selected : null
  // A narrow window lays the detail over the list: what it covers must not take the keyboard (nor be read as if
  // on screen), so the list is inert while the sheet is open; Esc or a click beside the sheet closes it.
  const sheetLayout = useSyncExternalStore(subscribeSheet, isSheetLayout, () => false)
  const sheetOpen = sheetLayout && selectedVisible !== null

  /** Closes the detail and puts focus back on its row (or the table), never on the page's body. */
  const closeDetail = useCallback(
    (was: SelectedNode | null) => {
      select(null)
      if (!was) return
      requestAnimationFrame(() => {
        // A dialog opened meanwhile (a delete started from the row menu) keeps the keyboard.
        if (overlayOpen()) return
        const row = document.querySelector<HTMLElement>(
          `tr[data-node-key="${nodeKey(was.profileId, was.nodeId)}"] [data-control="open"]`
        )
        ;(row ?? document.querySelector<HTMLElement>('[data-testid="node-table-scroll"]') ?? searchRef.current)?.focus()
      })
    },
    [select]
  )

  useListShortcuts({
    focusSearch: () => {
      // The search is under the sheet (inert): close it first, so the key still does what it says.
      if (sheetOpen) flushSync(() => select(null))
      searchRef.current?.focus()
      searchRef.current?.select()
    },
    onEscape: () => {
      if (selectedVisible) {
        closeDetail(selectedVisible)
        return true
      }
      if (useSelectionStore.getState().ids.size > 0) {
        useSelectionStore.getState().clear()
        return true
      }
      return false
    },
    onDelete: (focusedKey) => {
      const find = (key: string) => allRows.find((r) => nodeKey(r.profileId, r.node.id) === key)
      if (checkedRows.length > 1) return (startDelete(checkedRows), true)
      const target =
        (focusedKey ? find(focusedKey) : undefined) ??
        checkedRows[0] ??
        (selectedVisible ? find(nodeKey(selectedVisible.profileId, selectedVisible.nodeId)) : undefined)
      if (!target) return false
      startDelete([target])
      return true
    }
  })

  const refreshShown = showAll ? undefined : listProfile
  const onRefresh = useCallback(() => void refresh(refreshShown), [refresh, refreshShown])
  const onTogglePause = useCallback((p: boolean) => void setPaused(p), [setPaused])
  const onToggleGrouped = useCallback(() => setGrouped((g) => !g), [])
  const onCreate = useCallback(() => setCreatingHere(true), [])

  const filtersOn = query.trim() !== '' || status !== 'all'
  const clearFilters = () => {
    setQuery('')
    setStatus('all')
  }
  const stillLoading = states.some((st) => st.totalNodes !== undefined)

  return (
    <div
      className={`nodes-screen${selectedVisible ? ' with-detail' : ''}`}
      onClick={(e) => {
        // An inert list lets a click through to here: a click beside the sheet closes it, as Esc does.
        if (sheetOpen && e.target === e.currentTarget) closeDetail(selectedVisible)
      }}
    >
      <section className="nodes-main" aria-labelledby="nodes-title" inert={sheetOpen}>
        {/* The screen's title for screen readers (the tab says it for everyone else): every screen has an h1. */}
        <h1 id="nodes-title" className="sr-only" tabIndex={-1} ref={titleRef}>
          Nodes
        </h1>
        <div className="nodes-toolbar">
          <div className="search-field" role="search">
            {SEARCH_ICON}
            <input
              ref={searchRef}
              className="input"
              type="search"
              placeholder="Name or IP"
              aria-label="Search nodes by name or IP"
              aria-keyshortcuts="/ Control+F Meta+F"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              data-testid="node-search"
            />
            {!query && (
              <kbd className="shortcut-hint" aria-hidden="true" title="Press / or Ctrl+F to search">
                /
              </kbd>
            )}
          </div>
          <select
            className="input compact-select"
            aria-label="Profile"
            value={showAll ? ALL_PROFILES : listProfile}
            onChange={(e) => setListProfile(e.target.value)}
            data-testid="profile-picker"
          >
            <option value={ALL_PROFILES}>All profiles</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.isDemo ? ' (demo)' : ''}
              </option>
            ))}
          </select>
          <select
            className="input compact-select"
            aria-label="Sort by"
            value={`${sort.key}:${sort.dir}`}
            onChange={(e) => {
              const [key, dir] = e.target.value.split(':') as [SortKey, 'asc' | 'desc']
              setSort({ key, dir })
            }}
            data-testid="sort"
          >
            {!SORT_CHOICES.some((c) => c.value === `${sort.key}:${sort.dir}`) && (
              <option value={`${sort.key}:${sort.dir}`}>
                {SORT_CHOICES.find((c) => c.value.startsWith(`${sort.key}:`))?.label ?? sort.key} (reversed)
              </option>
            )}
            {SORT_CHOICES.filter((c) => severalProfiles || !c.value.startsWith('profile')).map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <ListActions
            states={states}
            severalProfiles={severalProfiles}
            grouped={grouped}
            onToggleGrouped={onToggleGrouped}
            onRefresh={onRefresh}
            onTogglePause={onTogglePause}
            onCreate={onCreate}
            createDisabledReason={createDisabledReason}
          />
        </div>

        <div className="nodes-subbar">
          <StatusChips counts={counts} matching={matching} status={status} onChange={setStatus} />
          <CostTotalText costs={costs} profiles={profilesById} shown={shownCost} />
        </div>

        {checkedRows.length > 0 ? (
          <Suspense fallback={<div className="bulk-bar">{formatCount(checkedRows.length)} checked</div>}>
            <LazyBulkBar
              rows={checkedRows}
              hidden={checkedRows.length - checkedShown}
              onRun={(kind) => (kind === 'delete' ? startDelete(checkedRows) : setBulk({ kind, rows: checkedRows }))}
              onClear={() => useSelectionStore.getState().clear()}
            />
          </Suspense>
        ) : (
          <div className="nodes-statusline">
            <span aria-live="polite" data-testid="node-count">
              {!loaded
                ? ''
                : stillLoading
                  ? `Loading all ${formatCount(states.reduce((n, st) => n + (st.totalNodes ?? st.nodes.length), 0))} nodes…`
                  : `${formatCount(filtered.length)} of ${formatCount(allRows.length)} ${allRows.length === 1 ? 'node' : 'nodes'}`}
            </span>
            {states.length > 0 && <span aria-hidden="true">·</span>}
            <PollingBar states={states} />
          </div>
        )}

        {error && <ErrorText error={error} onRetry={() => void load()} />}
        <StaleBanners states={states} profiles={profilesById} />
        <CreateBanners states={states} profiles={profilesById} />

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
        ) : filtered.length === 0 ? (
          <EmptyState title="No nodes match">
            <p>
              {query.trim() ? <>Nothing matches “{query.trim()}”</> : 'No node'}
              {status !== 'all' ? ` with status ${STATUS_LABEL[status]}` : ''}.
            </p>
            {filtersOn && (
              <Button icon={X} size="sm" onClick={clearFilters}>
                Clear filters
              </Button>
            )}
          </EmptyState>
        ) : (
          <NodeTable
            rows={tableRows}
            showProfile={severalProfiles && !isGrouped}
            profiles={profilesById}
            states={byProfile}
            selected={selectedVisible}
            onSelect={select}
            sort={sort}
            onSort={onSort}
            checked={checked}
            onCheck={onCheck}
            checkAll={checkAll}
            onCheckAll={onCheckAll}
            onRowMenu={rowActions.openMenu}
            onToggleGroup={onToggleGroup}
            books={costs.books}
            groupCosts={costs.perProfile}
            now={costs.now}
          />
        )}
      </section>
      {selectedVisible && (
        <ScreenBoundary loadingLabel="Loading details…" frameClassName="detail-panel card">
          <NodeDetailPanel
            key={`${selectedVisible.profileId}:${selectedVisible.nodeId}`}
            profileId={selectedVisible.profileId}
            nodeId={selectedVisible.nodeId}
            onClose={() => closeDetail(selectedVisible)}
            onDeleteStart={() => deleteFocus.remember([nodeKey(selectedVisible.profileId, selectedVisible.nodeId)])}
            onDeleted={() => {
              select(null)
              // Its row is gone: the next one, as after a delete from the row itself.
              deleteFocus.restore([nodeKey(selectedVisible.profileId, selectedVisible.nodeId)])
            }}
          />
        </ScreenBoundary>
      )}
      {rowActions.element}
      {bulk && (
        <Suspense fallback={null}>
          <LazyBulkDialog
            kind={bulk.kind}
            rows={bulk.rows}
            onClose={() => {
              setBulk(null)
              // The bar that opened it is gone when every node went: keep focus in the list, not on the page.
              if (bulk.kind === 'delete') deleteFocus.restore(rowKeys(bulk.rows), { ifLost: true })
              else
                requestAnimationFrame(() => {
                  if (document.activeElement === document.body)
                    document.querySelector<HTMLElement>('[data-testid="node-table-scroll"]')?.focus()
                })
            }}
            onDone={(keys) => useSelectionStore.getState().setMany(keys, false)}
          />
        </Suspense>
      )}
      {creating && profiles.length > 0 && (
        <CreateNodeEntry
          profileId={createIn}
          onClose={() => setCreating(false)}
          onCreated={(ids, profileId) => {
            setCreating(false)
            toast({ kind: 'ok', title: ids.length === 1 ? 'Node created' : `${ids.length} nodes created` })
            const first = ids[0]
            // The wizard's choice may have created in another profile than the one shown (a location, or "All").
            if (first !== undefined) select({ profileId, nodeId: first })
          }}
        />
      )}
    </div>
  )
}

interface ListActionsProps {
  states: ProfileNodes[]
  severalProfiles: boolean
  grouped: boolean
  onToggleGrouped(): void
  onRefresh(): void
  onTogglePause(paused: boolean): void
  onCreate(): void
  createDisabledReason: string | null
}

/** The toolbar's buttons after the pickers. Memoised: a keystroke in the search re-renders the screen but none of
 * these (each holds a lucide icon, whose render is not free). */
const ListActions = memo(function ListActions({
  states,
  severalProfiles,
  grouped,
  onToggleGrouped,
  onRefresh,
  onTogglePause,
  onCreate,
  createDisabledReason
}: ListActionsProps) {
  return (
    <>
      {severalProfiles && (
        <IconButton
          icon="layers"
          label="Group by profile"
          variant="default"
          className="group-button"
          aria-pressed={grouped}
          onClick={onToggleGrouped}
        />
      )}
      <span className="toolbar-spacer" />
      <PollControls states={states} onRefresh={onRefresh} onTogglePause={onTogglePause} />
      <Button icon="plus" variant="primary" onClick={onCreate} disabledReason={createDisabledReason}>
        Create node
      </Button>
    </>
  )
})

const rowKeys = (rows: NodeRow[]): string[] => rows.map((r) => nodeKey(r.profileId, r.node.id))

function shownKeysOf(rows: TableRow[]): string[] {
  const keys: string[] = []
  for (const r of rows) if (!isGroupRow(r)) keys.push(nodeKey(r.profileId, r.node.id))
  return keys
}
