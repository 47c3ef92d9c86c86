// Keeps the wizard's draft in main (wizard:draft-save) as the user works, so closing the window or a reload loses
// nothing, and reads it once when the wizard opens to offer "Resume your draft". Saves go one after another, so a
// discard can never be overtaken by an older save.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { WizardDraftData, WizardDraftSaved } from '../../../../shared/ipc/contract'
import { call } from '../../lib/ipc'

export type DraftSaveStatus = 'none' | 'saving' | 'saved' | 'not-kept' | 'failed'

const SAVE_DELAY_MS = 400

export interface WizardDraftStore {
  /** undefined while main is asked; null when there is no draft to offer (or it was answered). */
  offer: WizardDraftSaved | null | undefined
  answerOffer(): void
  status: DraftSaveStatus
  /** Saves soon (typing is coalesced); null = this draft cannot be kept (too large). */
  schedule(draft: WizardDraftData | null): void
  /** Saves what is scheduled now and waits for it. */
  flush(): Promise<void>
  /** Forgets the draft in main (after a create, or Discard). */
  clear(): Promise<void>
}

export function useWizardDraft(): WizardDraftStore {
  const [offer, setOffer] = useState<WizardDraftSaved | null | undefined>(undefined)
  const [status, setStatus] = useState<DraftSaveStatus>('none')
  const pending = useRef<WizardDraftData | undefined>(undefined)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const chain = useRef<Promise<void>>(Promise.resolve())
  const live = useRef(true)

  useEffect(() => {
    live.current = true
    let answered = false
    call((api) => api.wizard.draftGet({})).then(
      (saved) => !answered && setOffer(saved),
      // Main could not answer: start fresh rather than hold the wizard up.
      () => !answered && setOffer(null)
    )
    return () => {
      answered = true
      live.current = false
    }
  }, [])

  const send = useCallback((draft: WizardDraftData | null): Promise<void> => {
    chain.current = chain.current
      .then(() => call((api) => api.wizard.draftSave({ draft })))
      .then(
        () => {
          if (live.current) setStatus(draft ? 'saved' : 'none')
        },
        () => {
          if (live.current) setStatus('failed')
        }
      )
    return chain.current
  }, [])

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const draft = pending.current
    pending.current = undefined
    return draft ? send(draft) : chain.current
  }, [send])

  const schedule = useCallback(
    (draft: WizardDraftData | null) => {
      if (!draft) {
        pending.current = undefined
        if (timer.current) clearTimeout(timer.current)
        setStatus('not-kept')
        return
      }
      pending.current = draft
      setStatus('saving')
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS)
    },
    [flush]
  )

  const clear = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    pending.current = undefined
    return send(null)
  }, [send])

  // The window going away (a reload in the preview, a quit) must not lose the last keystrokes; unmounting the
  // wizard (closed with "Keep as draft", or by the app) saves them too.
  useEffect(() => {
    const onHide = () => void flush()
    window.addEventListener('pagehide', onHide)
    return () => {
      window.removeEventListener('pagehide', onHide)
      void flush()
    }
  }, [flush])

  return { offer, answerOffer: () => setOffer(null), status, schedule, flush, clear }
}
