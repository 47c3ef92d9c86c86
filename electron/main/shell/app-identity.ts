// Windows shows a toast only for an app with an AppUserModelID, and groups it under the installed shortcut only
// when that id equals the installer's appId (electron-builder's NSIS shortcut carries `appId`). The id is set
// once, before the first notification can be constructed.

/** Must equal `appId` in electron-builder.yml (app-identity.test.ts reads the yml). */
export const APP_ID = 'app.nodetray.desktop'

export interface AppIdentity {
  /** Idempotent; cheap to call before every notification. */
  ensure(): void
}

export function createAppIdentity(
  app: { setAppUserModelId(id: string): void },
  platform: NodeJS.Platform
): AppIdentity {
  let done = false
  return {
    ensure() {
      if (done) return
      done = true
      if (platform === 'win32') app.setAppUserModelId(APP_ID)
    }
  }
}
