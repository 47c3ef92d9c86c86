// Decides which desktop notifications a change in a profile's node list deserves. Pure: no I/O, no clock of its
// own. Only transitions notify; the first list of a profile is a silent baseline, and nothing repeats.
import type { NodeSummary } from '../../../shared/domain/node'
import type { PendingAction } from '../../../shared/domain/node-state'
import type { AppNotification } from '../../../shared/domain/notifications'

export const TERM_WARNING_MS = 7 * 24 * 60 * 60_000

/** Kinds of our own actions that explain a Running → OFF change. */
const EXPECTED_STOP = new Set(['power_off', 'delete', 'reboot'])
/** "7 Dec 2026", as the window writes dates (renderer/src/lib/format.ts), not the API's "2026-12-07". */
const TERM_DATE = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric' })

export interface TransitionInput {
  profileId: string
  /** Shown in titles so several accounts stay apart, e.g. "Prod". */
  profileName: string
  /** null: the first list we see for this profile (baseline). */
  prev: NodeSummary[] | null
  next: NodeSummary[]
  /** Our pending actions as they were before this list arrived. */
  pendingBefore: Record<string, PendingAction>
  /** Node ids this app created and has not yet seen settle. */
  createdByUs: ReadonlySet<number>
  /** Committed term ends we know (node id → ISO), from detail reads. */
  termEnds: ReadonlyMap<number, string>
  /** Keys of term warnings already shown; never mutated here. */
  termWarned: ReadonlySet<string>
  now: number
  enabled: boolean
}

export interface TransitionOutput {
  notifications: AppNotification[]
  /** Term warnings to remember as shown. */
  termWarnedAdd: string[]
}

export const termKey = (profileId: string, nodeId: number, termEnd: string): string =>
  `${profileId}:${nodeId}:${termEnd}`

/** More notifications of one kind than this from one list become one summary (a bulk delete of 105 nodes is one
 * "105 nodes deleted", not 105 banners). */
export const SUMMARY_OVER = 3

const SUMMARY_TITLE: Record<string, (n: number) => string> = {
  ready: (n) => `${n} nodes are running`,
  stopped: (n) => `${n} nodes stopped unexpectedly`,
  failed: (n) => `${n} nodes failed`,
  deleted: (n) => `${n} nodes deleted`,
  term: (n) => `${n} committed terms end within 7 days`
}

/** What each notification is about, for the summary: its kind and its node's name. */
const about = new WeakMap<AppNotification, { kind: string; name: string }>()

function namesText(names: string[]): string {
  const shown = names.slice(0, 3).join(', ')
  return names.length > 3 ? `${shown} and ${names.length - 3} more.` : `${shown}.`
}

export function decideNotifications(input: TransitionInput): TransitionOutput {
  const out = decideEach(input)
  const byKind = new Map<string, { n: AppNotification; name: string }[]>()
  for (const n of out.notifications) {
    const { kind, name } = about.get(n) ?? { kind: '', name: '' }
    byKind.set(kind, [...(byKind.get(kind) ?? []), { n, name }])
  }
  const notifications: AppNotification[] = []
  for (const [kind, items] of byKind) {
    const title = SUMMARY_TITLE[kind]
    if (items.length <= SUMMARY_OVER || !title) {
      notifications.push(...items.map((i) => i.n))
      continue
    }
    const first = items[0]!.n
    notifications.push({
      id: `${input.profileId}:all:${kind}:${input.now}`,
      title: `${title(items.length)} · ${input.profileName}`,
      body: namesText(items.map((i) => i.name)),
      at: first.at,
      profileId: input.profileId,
      nodeId: null
    })
  }
  return { notifications, termWarnedAdd: out.termWarnedAdd }
}

function decideEach(input: TransitionInput): TransitionOutput {
  const out: TransitionOutput = { notifications: [], termWarnedAdd: [] }
  if (!input.enabled || input.prev === null) return out
  const { profileId, profileName, now } = input
  const at = new Date(now).toISOString()
  const note = (node: NodeSummary, kind: string, title: string, body: string): AppNotification => {
    const n: AppNotification = {
      id: `${profileId}:${node.id}:${kind}:${now}`,
      title: `${title} · ${profileName}`,
      body,
      at,
      profileId,
      nodeId: node.id
    }
    about.set(n, { kind, name: node.name })
    return n
  }
  const prevById = new Map(input.prev.map((n) => [n.id, n]))
  const nextIds = new Set(input.next.map((n) => n.id))

  for (const node of input.next) {
    const before = prevById.get(node.id)
    const ours = input.createdByUs.has(node.id)
    if (node.status === 'RUNNING' && before?.status !== 'RUNNING' && ours) {
      const ip = node.publicIp ?? node.privateIp
      out.notifications.push(
        note(node, 'ready', `${node.name} is running`, ip ? `Ready at ${ip}` : 'The node is ready.')
      )
    } else if (node.status === 'OFF' && before?.status === 'RUNNING') {
      const pending = input.pendingBefore[String(node.id)]
      if (!pending || !EXPECTED_STOP.has(pending.kind)) {
        out.notifications.push(
          note(node, 'stopped', `${node.name} stopped unexpectedly`, 'It was running and is now powered off.')
        )
      }
    } else if (node.status === 'FAILED' && (before ? before.status !== 'FAILED' : ours)) {
      out.notifications.push(
        note(node, 'failed', `${node.name} failed`, 'E2E reports the node as failed. Open Nodetray for details.')
      )
    }
  }

  for (const before of input.prev) {
    const pending = input.pendingBefore[String(before.id)]
    if (!nextIds.has(before.id) && pending?.kind === 'delete') {
      out.notifications.push(note(before, 'deleted', `${before.name} deleted`, 'The node is gone.'))
    }
  }

  for (const node of input.next) {
    const termEnd = input.termEnds.get(node.id)
    if (!node.isCommitted || !termEnd) continue
    const endsAt = Date.parse(termEnd)
    const key = termKey(profileId, node.id, termEnd)
    if (!Number.isFinite(endsAt) || endsAt < now || endsAt - now > TERM_WARNING_MS || input.termWarned.has(key))
      continue
    const days = Math.max(0, Math.ceil((endsAt - now) / 86_400_000))
    const when = days <= 1 ? 'within a day' : `in ${days} days`
    out.notifications.push(
      note(node, 'term', `${node.name}: committed term ends ${when}`, `The term ends ${TERM_DATE.format(endsAt)}.`)
    )
    out.termWarnedAdd.push(key)
  }
  return out
}
