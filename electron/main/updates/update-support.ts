// Whether this install updates itself. Like Podman Desktop: on Linux only the AppImage does (electron-updater
// replaces the file named by $APPIMAGE); a deb is updated by the package manager, and a self-update would fight
// it. Development builds never update.
export interface UpdateSupport {
  enabled: boolean
  /** Why not, for the user; null when enabled. */
  reason: string | null
}

export function updateSupport(input: {
  platform: NodeJS.Platform
  isPackaged: boolean
  env: { APPIMAGE?: string | undefined; NODETRAY_DISABLE_UPDATES?: string | undefined }
}): UpdateSupport {
  if (!input.isPackaged) return { enabled: false, reason: 'Development build: updates are off.' }
  if (input.env.NODETRAY_DISABLE_UPDATES === '1')
    return { enabled: false, reason: 'Updates are turned off (NODETRAY_DISABLE_UPDATES).' }
  if (input.platform === 'linux' && !input.env.APPIMAGE)
    return { enabled: false, reason: 'Installed from a package: your package manager updates Nodetray.' }
  if (!['darwin', 'win32', 'linux'].includes(input.platform))
    return { enabled: false, reason: 'Updates are not available on this system.' }
  return { enabled: true, reason: null }
}
