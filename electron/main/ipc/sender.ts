// Sender validation (VS Code's ipcMain and GitHub Desktop's trusted-ipc-sender, written for our shape):
// a call must come from the main frame of a webContents we created, showing the page we loaded.

export interface SenderFrameLike {
  url: string
  parent: unknown | null
}
export interface IpcEventLike {
  senderFrame: SenderFrameLike | null | undefined
  sender: { id: number }
}

export interface TrustedOrigin {
  /** The exact page we load: app://nodetray/index.html in production, the dev server URL in dev. */
  url: string
}

export function isSameDocument(candidate: string, trusted: string): boolean {
  let a: URL
  let b: URL
  try {
    a = new URL(candidate)
    b = new URL(trusted)
  } catch {
    return false
  }
  if (a.protocol !== b.protocol) return false
  // No page from file:// is ours any more (the renderer is served from app://, shell/app-protocol.ts).
  if (a.protocol === 'file:') return false
  // Same origin and same path; query and hash may differ (the renderer routes with the hash). URL.origin is
  // "null" for custom schemes such as app:, so host and port are compared explicitly.
  return a.origin === b.origin && a.host === b.host && a.pathname === b.pathname
}

export function createSenderCheck(trustedIds: ReadonlySet<number>, origin: TrustedOrigin) {
  return (event: IpcEventLike): boolean => {
    const frame = event.senderFrame
    if (!frame) return false
    if (frame.parent !== null) return false
    if (!trustedIds.has(event.sender.id)) return false
    return isSameDocument(frame.url, origin.url)
  }
}

export function describeIpcSender(event: IpcEventLike): string {
  const url = event.senderFrame?.url ?? 'no-frame'
  return `webContents#${event.sender.id} ${url.slice(0, 120)}`
}
