// Set by an action elsewhere that is about to replace its screen with the first-run one (deleting the only
// profile): the control that had focus goes away with that screen, so the first-run screen takes focus when it
// arrives. Never set at start-up, where nothing had focus to lose. A tiny module of its own so that the screens
// setting it do not pull the first-run screen into their chunk.
let wanted = false

/** Set before the action starts (main's change event may switch screens before the action's own answer comes);
 * returns the undo, for when the action fails and the first-run screen does not come. */
export function focusFirstRunOnArrival(): () => void {
  wanted = true
  return () => {
    wanted = false
  }
}

/** True once after `focusFirstRunOnArrival`. */
export function takeFirstRunFocus(): boolean {
  const was = wanted
  wanted = false
  return was
}
