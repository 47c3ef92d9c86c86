// Toasts: notifications from main (`notifications:shown`) and the window's own confirmations and failures.
// They are kept in the order they happened (oldest first); the same message twice shows once.
import { create } from 'zustand'

export type ToastKind = 'info' | 'ok' | 'error'
export interface Toast {
  id: string
  kind: ToastKind
  title: string
  body?: string
  /** Technical detail (a status code, an API path) shown only inside a disclosure. */
  detail?: string
}

interface ToastState {
  toasts: Toast[]
  /** Adds a toast at the end (newest last) and returns its id. A toast with the id of one already shown replaces it
   * in place; one whose kind, title and body equal a shown one's is not added again (that one's id is returned). */
  push(t: Omit<Toast, 'id'> & { id?: string }): string
  dismiss(id: string): void
}

let seq = 0
export const MAX_TOASTS = 5

const same = (a: Omit<Toast, 'id'>, b: Omit<Toast, 'id'>): boolean =>
  a.kind === b.kind && a.title === b.title && (a.body ?? '') === (b.body ?? '')

export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  push(t) {
    const current = get().toasts
    if (t.id !== undefined && current.some((x) => x.id === t.id)) {
      const id = t.id
      set((s) => ({ toasts: s.toasts.map((x) => (x.id === id ? { ...t, id } : x)) }))
      return id
    }
    const twin = current.find((x) => same(x, t))
    if (twin) return twin.id
    const id = t.id ?? `t${++seq}`
    set((s) => ({ toasts: [...s.toasts, { ...t, id }].slice(-MAX_TOASTS) }))
    return id
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }))
}))

export const toast = (t: Omit<Toast, 'id'> & { id?: string }): string => useToastStore.getState().push(t)
export const dismissToast = (id: string): void => useToastStore.getState().dismiss(id)
