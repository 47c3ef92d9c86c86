// Set by an action that is about to replace its screen with another one (deleting the only profile shows first run;
// finishing first run shows the node list): the control that had focus goes away with the old screen, so the new
// one takes focus when it arrives. Never set at start-up, where nothing had focus to lose. A tiny module of its own
// so that the screens setting it do not pull the next screen into their chunk.
export type ArrivalScreen = 'first-run' | 'nodes'

let wanted: ArrivalScreen | null = null

/** Set before the action starts (main's change event may switch screens before the action's own answer comes);
 * returns the undo, for when the action fails and the screen does not come. */
export function focusOnArrival(screen: ArrivalScreen): () => void {
  wanted = screen
  return () => {
    if (wanted === screen) wanted = null
  }
}

/** True once after `focusOnArrival(screen)`. */
export function takeArrivalFocus(screen: ArrivalScreen): boolean {
  if (wanted !== screen) return false
  wanted = null
  return true
}

/** Tests: nothing carried over from the test before. */
export function resetArrivalFocus(): void {
  wanted = null
}
