// Step 2: one card per OS, its versions as radio choices (one group, so arrow keys move between them).
import type { OsFamily, OsVersion } from '../../../../shared/domain/catalog'
import { FetchStatus } from './FetchStatus'
import type { FetchState } from '../../lib/use-fetch'
import { sameOs } from './wizard.types'

interface Props {
  families: FetchState<OsFamily[]>
  onRetry(): void
  selected: OsVersion | null
  onSelect(os: OsVersion): void
}

export function OsStep({ families, onRetry, selected, onSelect }: Props) {
  if (families.status !== 'ready') return <FetchStatus state={families} what="operating systems" onRetry={onRetry} />
  const list = families.data.filter((f) => f.versions.length > 0)
  if (list.length === 0) {
    return <p className="muted">E2E offers no operating systems for this project right now. Try again later.</p>
  }
  return (
    <div className="cw-os-grid">
      {list.map((family) => (
        <fieldset key={family.os} className="card cw-os-card">
          <legend className="cw-os-name">{family.os}</legend>
          <div className="cw-choices">
            {family.versions.map((v) => {
              const id = `cw-os-${family.os}-${v.version}-${v.displayCategory}`.replace(/[^A-Za-z0-9_-]/g, '_')
              const checked = sameOs(selected, v)
              return (
                <label key={id} htmlFor={id} className={`cw-choice${checked ? ' cw-choice-on' : ''}`}>
                  <input id={id} type="radio" name="cw-os" checked={checked} onChange={() => onSelect(v)} />
                  <span>
                    {v.os} {v.version}
                  </span>
                </label>
              )
            })}
          </div>
          {family.displayCategories.length > 0 && (
            <div className="muted cw-small">{family.displayCategories.join(', ')}</div>
          )}
        </fieldset>
      ))}
    </div>
  )
}
