// The checks credentials go through before they are saved, one line each: an icon that is never the only sign
// (every line says in words what passed or failed) and plain text.
import { CircleCheck, CircleDashed, CircleX, LoaderCircle, TriangleAlert, type LucideIcon } from 'lucide-react'
import type { CheckState, CredentialCheck, ImportCheckResult } from '../../../../shared/domain/profile'

export interface ChecklistLine {
  id: CredentialCheck['id'] | 'project'
  state: CheckState | 'pending'
  text: string
}

const ICON: Record<ChecklistLine['state'], { icon: LucideIcon; word: string }> = {
  ok: { icon: CircleCheck, word: 'Passed' },
  warn: { icon: TriangleAlert, word: 'Warning' },
  fail: { icon: CircleX, word: 'Failed' },
  skipped: { icon: CircleDashed, word: 'Not checked' },
  pending: { icon: LoaderCircle, word: 'Checking' }
}

/**
 * The project line, from the typed id and the lookup. A project missing from the list is a warning, never a
 * block: projects shared through IAM are not listed but work by id. No line while the id is empty: the field
 * itself asks for it, once.
 */
export function projectCheck(projectId: string, result: Pick<ImportCheckResult, 'projects'> | null): ChecklistLine[] {
  if (!result || result.projects.length === 0 || projectId === '') return []
  const hit = result.projects.find((p) => String(p.projectId) === projectId)
  if (hit) return [{ id: 'project', state: 'ok', text: `Project ${hit.name} (${hit.projectId})` }]
  return [
    {
      id: 'project',
      state: 'warn',
      text: `Project ${projectId} is not in this account’s list. Projects shared with you through IAM are not listed but work by id: check the number.`
    }
  ]
}

export function Checklist({ lines, label }: { lines: ChecklistLine[]; label: string }) {
  return (
    <ul className="checklist" aria-label={label} data-testid="checklist">
      {lines.map((l) => {
        const { icon: Icon, word } = ICON[l.state]
        return (
          <li key={l.id} className={`check-${l.state}`} data-check={l.id} data-state={l.state}>
            <Icon size={14} aria-hidden="true" />
            <span>
              <span className="sr-only">{word}: </span>
              {l.text}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
