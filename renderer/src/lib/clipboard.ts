import { call } from './ipc'

/** Copies text through main: the window's permission handler refuses the async clipboard API by design. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await call((api) => api.clipboard.write({ text }))
    return true
  } catch {
    return false
  }
}
