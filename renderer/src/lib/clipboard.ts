import { asAppError, call, type AppError } from './ipc'

/** Copies text through main: the window's permission handler refuses the async clipboard API by design. */
export async function copyText(text: string): Promise<boolean> {
  return (await copyTextOrError(text)) === null
}

/** The same, with the typed error when it fails (for a toast in plain words). */
export async function copyTextOrError(text: string): Promise<AppError | null> {
  try {
    await call((api) => api.clipboard.write({ text }))
    return null
  } catch (e) {
    return asAppError(e)
  }
}
