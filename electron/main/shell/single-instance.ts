// One Nodetray per user: a second launch hands over to the first (which shows its window) and exits.
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean
  quit(): void
  on(event: 'second-instance', listener: () => void): unknown
}

/** Returns false (after asking the app to quit) when another instance holds the lock; stop starting up then. */
export function acquireSingleInstance(app: SingleInstanceApp, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', onSecondInstance)
  return true
}
