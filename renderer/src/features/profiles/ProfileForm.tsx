// Add or edit a profile. Checks as you type with the shared schemas; the server's VALIDATION error field puts
// its message on that field. Credentials are password inputs, never prefilled; blank on edit keeps them.
// Cancel (and Esc, through the host's `requestCancel`) asks before throwing away what was typed; an untouched
// form closes at once.
import {
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type Ref
} from 'react'
import type { Location } from '../../../../shared/domain/location'
import { LocationOptions } from '../../components/LocationOptions'
import type { ProfileView } from '../../../../shared/domain/profile'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorText } from '../../components/ErrorText'
import { asAppError, call, type AppError } from '../../lib/ipc'
import { plainErrorText } from '../../lib/plain-error'
import { useAction } from '../../lib/use-action'
import { useProfilesStore } from '../../stores/profiles.store'
import {
  formField,
  initialValues,
  isNoApiAtAddress,
  NO_API_AT_ADDRESS,
  sameProjectProfiles,
  toCreateInput,
  toUpdateInput,
  validate,
  type FieldErrors,
  type FieldName,
  type ProfileFormValues
} from './profile-form.model'
import { ProjectPicker } from './ProjectPicker'
import './profiles.css'

/** On edit, one credential typed and the other blank: a check needs both, or neither (the stored ones). */
const ONE_BLANK =
  'Enter both the API key and the auth token to check new ones, or leave both blank to check the stored ones.'
const sentence = (m: string) => (/[.!?]$/.test(m) ? m : `${m}.`)

interface ProfileFormProps {
  profile?: ProfileView
  /** Picks a default colour that differs from the existing profiles'. */
  index?: number
  /** `unchecked`: E2E could not be reached to check the key and token before saving (say so). */
  onSaved(profile: ProfileView, info?: { unchecked: boolean }): void
  onCancel?(): void
  submitLabel?: string
  /** Opened to fix a credential problem: focus this field and say why above the form. */
  focusField?: 'apiKey' | 'authToken'
  reason?: string
  /** For a host that closes the form itself (a dialog's Esc): `requestCancel` asks first when work was typed. */
  ref?: Ref<ProfileFormHandle>
}

export interface ProfileFormHandle {
  /** Cancel as the Cancel button does: at once when nothing was typed, otherwise after the user confirms. */
  requestCancel(): void
}

/** "“Staging” already shows project 51704 in Delhi: …" (the names quoted, at most three). */
function twinsText(twins: readonly ProfileView[], v: ProfileFormValues): string {
  const names = twins.slice(0, 3).map((p) => `“${p.name}”`)
  const more = twins.length > 3 ? ` and ${twins.length - 3} more` : ''
  const who = `${names.join(', ')}${more}`
  const verb = twins.length === 1 ? 'already shows' : 'already show'
  return (
    `${who} ${verb} project ${v.projectId.trim()} in ${v.location}: its nodes will be listed once per profile ` +
    '(the totals count them once). A node name taken in one is taken in both.'
  )
}

/** Runs `fn` once when the current press ends: released, or cancelled (a touch that became a scroll). */
function afterPress(fn: () => void): void {
  const done = new AbortController()
  const end = () => {
    done.abort()
    fn()
  }
  window.addEventListener('pointerup', end, { signal: done.signal })
  window.addEventListener('pointercancel', end, { signal: done.signal })
}

export function ProfileForm({
  profile,
  index = 0,
  onSaved,
  onCancel,
  submitLabel,
  focusField,
  reason,
  ref
}: ProfileFormProps) {
  const editing = profile !== undefined
  const id = useId()
  const [initial] = useState<ProfileFormValues>(() => initialValues(profile, index))
  const [values, setValues] = useState<ProfileFormValues>(initial)
  /** Something differs from how the form opened: closing would throw it away, so Cancel and Esc ask. */
  const typed = (Object.keys(initial) as FieldName[]).some((k) => values[k] !== initial[k])
  const [askingDiscard, setAskingDiscard] = useState(false)
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({})
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const { busy, error: formError, run, clearError } = useAction()
  const errors = useMemo(() => validate(values, editing, profile?.apiBaseUrl), [values, editing, profile])
  /** A project id missing from the account's list, which the user confirmed by saving again (IAM-shared). */
  const [unlistedOk, setUnlistedOk] = useState<string | null>(null)
  const [projectNote, setProjectNote] = useState<string | null>(null)
  const allProfiles = useProfilesStore((s) => s.profiles)
  const twins = useMemo(() => sameProjectProfiles(allProfiles, values, profile?.id), [allProfiles, values, profile?.id])

  useEffect(() => {
    if (focusField) document.getElementById(`${id}-${focusField}`)?.focus()
  }, [focusField, id])

  const set = <K extends FieldName>(k: K, v: ProfileFormValues[K]) => {
    setValues((s) => ({ ...s, [k]: v }))
    setServerErrors((s) => ({ ...s, [k]: undefined }))
    if (k === 'projectId') setProjectNote(null)
  }
  const requestCancel = () => {
    if (!onCancel) return
    if (typed) setAskingDiscard(true)
    else onCancel()
  }
  useImperativeHandle(ref, () => ({ requestCancel }))
  // The discard question is a portal inside this form's React tree: keep its keys (Tab, Shift+Tab) from reaching a
  // host dialog's focus trap, which would pull focus back into the form behind it.
  const keepPortalKeys = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.target instanceof Node && !e.currentTarget.contains(e.target)) e.stopPropagation()
  }

  // A field's message appears when it is left, and moves the buttons below it. Left by pressing one of this form's
  // buttons, the message waits until the press ends: otherwise the button moves from under the pointer between
  // mousedown and mouseup and the click is lost (Check credentials, Add profile).
  // (The press is noted on the form element itself: the handlers read it from the event, nothing during render.)
  const markTouchedAfterPress = (k: FieldName, e: FocusEvent<HTMLElement>) => {
    const mark = () => setTouched((t) => ({ ...t, [k]: true }))
    if (e.currentTarget.closest('form')?.dataset['pressing'] !== 'true') return mark()
    afterPress(() => setTimeout(mark, 0))
  }
  const notePress = (e: PointerEvent<HTMLFormElement>) => {
    if (!(e.target instanceof Element) || !e.target.closest('button')) return
    const form = e.currentTarget
    form.dataset['pressing'] = 'true'
    afterPress(() => delete form.dataset['pressing'])
  }

  const shown = (k: FieldName) => serverErrors[k] ?? (touched[k] || submitted ? errors[k] : undefined)

  const submit = async () => {
    setSubmitted(true)
    clearError()
    if (Object.keys(errors).length > 0) {
      document.getElementById(`${id}-${Object.keys(errors)[0]}`)?.focus()
      return
    }
    // A refusal that names a field shows on that field; anything else above the buttons.
    const onField = (err: AppError) => {
      const field = formField(err.field)
      if (!field) return false
      setServerErrors({ [field]: err.message })
      document.getElementById(`${id}-${field}`)?.focus()
      return true
    }
    await run(
      async () => {
        const verdict = await verifyCredentials()
        if (verdict === 'refused') return
        const saved = profile
          ? await call((api) => api.profiles.update(toUpdateInput(profile.id, values)))
          : await call((api) => api.profiles.create(toCreateInput(values)))
        onSaved(saved, { unchecked: verdict === 'unchecked' })
      },
      { onError: onField }
    )
  }

  /** Main stores credentials without calling the API, so the form tries them first: a wrong token or a
   * project the account does not have is caught here, on its field. Offline, the profile is saved anyway. */
  const verifyCredentials = async (): Promise<'ok' | 'refused' | 'unchecked'> => {
    const typed = values.apiKey.trim() !== '' || values.authToken.trim() !== ''
    if (profile && !typed) return 'ok'
    const input =
      profile && (values.apiKey.trim() === '' || values.authToken.trim() === '')
        ? { profileId: profile.id }
        : {
            apiKey: values.apiKey.trim(),
            authToken: values.authToken.trim(),
            ...(values.apiBaseUrl.trim() ? { apiBaseUrl: values.apiBaseUrl.trim() } : {})
          }
    try {
      const { projects } = await call((api) => api.profiles.checkCredentials(input))
      const pid = values.projectId.trim()
      if (projects.length > 0 && !projects.some((p) => String(p.projectId) === pid) && unlistedOk !== pid) {
        // Projects shared through IAM are missing from the list but work by id: a warning, confirmed by saving again.
        setUnlistedOk(pid)
        setProjectNote(
          `Project ${pid} is not in this account’s project list. Projects shared with you through IAM are not listed but work by id. Check the number, then save again to use it.`
        )
        document.getElementById(`${id}-projectId`)?.focus()
        return 'refused'
      }
      return 'ok'
    } catch (e) {
      const err = asAppError(e)
      if (isNoApiAtAddress(err)) {
        // A definite answer, not "could not be reached": saving would keep an address that never works. The field
        // is under "Advanced", so open it.
        setServerErrors({ apiBaseUrl: NO_API_AT_ADDRESS })
        const input = document.getElementById(`${id}-apiBaseUrl`)
        const details = input?.closest('details')
        if (details) details.open = true
        input?.focus()
        return 'refused'
      }
      if (err.code === 'AUTH' || err.code === 'FORBIDDEN') {
        // In the form's own words: main's message speaks of a saved profile ("check the profile's credentials").
        setServerErrors({ authToken: plainErrorText(err, { typedCredentials: true }) })
        document.getElementById(`${id}-authToken`)?.focus()
        return 'refused'
      }
      if (err.code === 'VALIDATION') {
        setServerErrors({ [formField(err.field) ?? 'authToken']: err.message })
        return 'refused'
      }
      // Offline or the API is down: the credentials cannot be checked now; keep them, say so, let polling tell.
      return 'unchecked'
    }
  }

  const field = (
    k: FieldName,
    label: string,
    input: (props: {
      id: string
      'aria-invalid': boolean
      'aria-describedby'?: string
      'data-autofocus'?: string
      onBlur(e: FocusEvent<HTMLElement>): void
    }) => ReactNode,
    help?: string
  ) => {
    const err = shown(k)
    const fid = `${id}-${k}`
    const describedBy = [help ? `${fid}-help` : '', err ? `${fid}-error` : ''].filter(Boolean).join(' ')
    return (
      <div className="field">
        <label htmlFor={fid}>{label}</label>
        {input({
          id: fid,
          'aria-invalid': err !== undefined,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          // Opened to fix a credential problem: the dialog focuses this field first.
          ...(focusField === k ? { 'data-autofocus': '' } : {}),
          onBlur: (e) => markTouchedAfterPress(k, e)
        })}
        {help && (
          <span id={`${fid}-help`} className="help">
            {help}
          </span>
        )}
        {err && (
          <span id={`${fid}-error`} className="error" data-testid={`error-${k}`}>
            {err}
          </span>
        )}
      </div>
    )
  }

  return (
    <form
      className="profile-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
      onKeyDown={keepPortalKeys}
      onPointerDown={notePress}
      data-testid="profile-form"
    >
      {reason && (
        <div className="banner banner-warn profile-form-reason" role="status" data-testid="profile-form-reason">
          {reason}
        </div>
      )}
      {field('name', 'Name', (p) => (
        <input {...p} value={values.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
      ))}
      <div className="grid-2">
        {field(
          'apiKey',
          'API key',
          (p) => (
            <input
              {...p}
              type="password"
              value={values.apiKey}
              onChange={(e) => set('apiKey', e.target.value)}
              autoComplete="off"
            />
          ),
          editing ? 'Leave blank to keep the stored key.' : 'From MyAccount → API. Stored in the system keychain.'
        )}
        {field(
          'authToken',
          'Auth token',
          (p) => (
            <input
              {...p}
              type="password"
              value={values.authToken}
              onChange={(e) => set('authToken', e.target.value)}
              autoComplete="off"
            />
          ),
          editing ? 'Leave blank to keep the stored token.' : 'The bearer token that belongs to the API key.'
        )}
      </div>
      <details className="advanced">
        <summary>Advanced: API address</summary>
        {field(
          'apiBaseUrl',
          'API base URL',
          (p) => (
            <input
              {...p}
              value={values.apiBaseUrl}
              onChange={(e) => set('apiBaseUrl', e.target.value)}
              placeholder="https://api.e2enetworks.com/myaccount/api/v1"
            />
          ),
          'Leave blank for E2E Networks.'
        )}
      </details>
      <ProjectPicker
        idPrefix={id}
        value={values.projectId}
        onPick={(pid) => set('projectId', pid)}
        checkInput={() => {
          // The form's own checks: with a new API address they ask for the key and token again, as main never
          // sends stored secrets to an address the user did not type them for.
          const v = errors
          if (editing && profile && values.apiKey === '' && values.authToken === '' && !v.apiKey && !v.authToken)
            return { input: { profileId: profile.id } }
          if (v.apiKey || v.authToken || values.apiKey === '' || values.authToken === '') {
            setTouched((t) => ({ ...t, apiKey: true, authToken: true }))
            // The fields' own messages, so the check never says something else than the fields do.
            const reasons = [v.apiKey, v.authToken].filter((m): m is string => m !== undefined)
            return { notReady: reasons.length > 0 ? reasons.map(sentence).join(' ') : ONE_BLANK }
          }
          if (v.apiBaseUrl) return { notReady: v.apiBaseUrl }
          return {
            input: {
              apiKey: values.apiKey.trim(),
              authToken: values.authToken.trim(),
              ...(values.apiBaseUrl.trim() ? { apiBaseUrl: values.apiBaseUrl.trim() } : {})
            }
          }
        }}
      />
      <div className="grid-2">
        {field(
          'projectId',
          'Project id',
          (p) => (
            <input
              {...p}
              inputMode="numeric"
              value={values.projectId}
              onChange={(e) => set('projectId', e.target.value)}
            />
          ),
          'Digits only; “Check credentials” lists your projects. A project shared with you through IAM is not listed: type its id.'
        )}
        {field('location', 'Location', (p) => (
          <select {...p} value={values.location} onChange={(e) => set('location', e.target.value as Location)}>
            <LocationOptions />
          </select>
        ))}
      </div>
      {projectNote && (
        <p className="project-note" role="status" data-testid="project-note">
          {projectNote}
        </p>
      )}
      {twins.length > 0 && (
        <p className="project-note" role="status" data-testid="same-project-note">
          {twinsText(twins, values)}
        </p>
      )}
      <div className="grid-2">
        {field('color', 'Colour', (p) => (
          <input
            {...p}
            type="color"
            value={values.color}
            onChange={(e) => set('color', e.target.value)}
            className="color-input"
          />
        ))}
        {field(
          'initials',
          'Initials',
          (p) => (
            <input
              {...p}
              value={values.initials}
              maxLength={2}
              onChange={(e) => set('initials', e.target.value)}
              placeholder={values.name.trim().slice(0, 2).toUpperCase() || 'AB'}
            />
          ),
          'One or two characters for the tray and avatars.'
        )}
      </div>
      {formError && <ErrorText error={formError} />}
      <div className="row form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : (submitLabel ?? (editing ? 'Save changes' : 'Add profile'))}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={requestCancel}>
            Cancel
          </button>
        )}
      </div>
      {askingDiscard && onCancel && (
        <ConfirmDialog
          title={editing ? `Discard your changes to ${profile.name}?` : 'Discard this profile?'}
          confirmLabel="Discard"
          danger
          onClose={() => setAskingDiscard(false)}
          onConfirm={onCancel}
        >
          <p>
            {editing
              ? 'Your changes are not saved yet. Discard them to keep the profile as it was.'
              : 'This profile is not added yet. If you discard it, what you typed here is gone, the API key and token included.'}
          </p>
        </ConfirmDialog>
      )}
    </form>
  )
}
