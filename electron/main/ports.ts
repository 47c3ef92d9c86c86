// The seams between main's services. The Electron shell and the preview host each supply the platform ports
// (dialogs, notifications, clipboard, window); the services behind them are plain TypeScript.
import type { AppNotification } from '../../shared/domain/notifications'
import type { UpdateStatus } from '../../shared/domain/updates'
import type { Navigation } from '../../shared/ipc/contract'

export interface Clock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)
}

export interface ConfirmRequest {
  title: string
  message: string
  detail?: string
  /** Buttons left to right; the index of the chosen one is returned. */
  buttons: string[]
  cancelId: number
  defaultId: number
}

export interface FileRequest {
  title: string
  defaultPath?: string
  filters?: { name: string; extensions: string[] }[]
}

export interface Dialogs {
  confirm(req: ConfirmRequest): Promise<number>
  /** A confirm with one checkbox (the tray's "keep the IP"); where missing, callers fall back to confirm. */
  confirmWithCheckbox?(req: ConfirmRequest & { checkboxLabel: string }): Promise<{ response: number; checked: boolean }>
  /** Absolute path, or null when cancelled. */
  openFile(req: FileRequest): Promise<string | null>
  saveFile(req: FileRequest): Promise<string | null>
}

export interface NotificationSink {
  show(n: AppNotification): void
}

export interface ClipboardPort {
  writeText(text: string): void
}

/** The app's own updates (Electron: electron/main/updates/update-policy.ts). */
export interface UpdatesPort {
  status(): UpdateStatus
  onChanged(listener: (status: UpdateStatus) => void): () => void
  /** true when a downloaded update is being installed (the app quits). */
  restart(): boolean
}

export interface WindowPort {
  /** Show and focus the window, optionally on a view. */
  show(nav?: Navigation): void
  quit(): void
}

/** Where the demo profiles' embedded simulator lives; started lazily on first use. */
export interface DemoBackend {
  ensureStarted(): Promise<DemoConnection>
  stop(): Promise<void>
}
export interface DemoConnection {
  baseUrl: string
  apiKey: string
  authToken: string
  /** One demo profile per entry. */
  projects: { projectId: number; name: string; location: 'Delhi' | 'Chennai' }[]
}
