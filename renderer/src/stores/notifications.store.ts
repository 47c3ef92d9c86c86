// Toasts: notifications from main (`notifications:shown`) and the window's own confirmations and failures.
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
  push(t: Omit<Toast, 'id'> & { id?: string }): string
  dismiss(id: string): void
}

let seq = 0
const MAX_TOASTS = 5

export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  push(t) {
    const id = t.id ?? `t${++seq}`
    set((s) => ({ toasts: [...s.toasts.filter((x) => x.id !== id), { ...t, id }].slice(-MAX_TOASTS) }))
    return id
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }))
}))

export const toast = (t: Omit<Toast, 'id'>): string => useToastStore.getState().push(t)
