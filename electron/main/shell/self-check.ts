// `Nodetray --self-check`: proves a packaged build can load keytar from inside its asar (the native module is
// dlopen'ed from app.asar.unpacked by Electron), prints one JSON line and exits. The fuses forbid --inspect, so
// the Electron suite cannot drive a packaged app with Playwright; this is how it asks the packaged app instead.
export interface SelfCheckResult {
  keytar: 'loaded' | 'failed'
  /** Where keytar's JavaScript was resolved: inside app.asar in a packaged build. */
  resolved: string | null
  insideAsar: boolean
  error?: string
}

export function runSelfCheck(load: { resolve(id: string): string; require(id: string): unknown }): SelfCheckResult {
  let resolved: string | null = null
  try {
    resolved = load.resolve('keytar')
    const keytar = load.require('keytar') as { getPassword?: unknown }
    if (typeof keytar.getPassword !== 'function') throw new Error('keytar has no getPassword')
    return { keytar: 'loaded', resolved, insideAsar: /[\\/]app\.asar[\\/]/.test(resolved) }
  } catch (e) {
    return {
      keytar: 'failed',
      resolved,
      insideAsar: resolved !== null && /[\\/]app\.asar[\\/]/.test(resolved),
      error: e instanceof Error ? e.message.slice(0, 300) : String(e)
    }
  }
}
