// Catches what a screen throws while rendering (a chunk that failed to load, a bug), so one broken screen shows
// a message with Try again instead of the whole window going blank.
import { Component, Suspense, type ReactNode } from 'react'
import { retryFailedScreens } from '../lazy-screens'
import { Spinner } from './Spinner'

interface Props {
  children: ReactNode
  /** What is loading, for the spinner while the screen's chunk comes in. */
  loadingLabel?: string
  /** The loading and error states sit in a box of this class (e.g. the detail panel's), so the layout holds. */
  frameClassName?: string
}

export class ScreenBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render(): ReactNode {
    const { children, loadingLabel, frameClassName } = this.props
    const framed = (inner: ReactNode) => (frameClassName ? <div className={frameClassName}>{inner}</div> : inner)
    if (this.state.failed)
      return framed(
        <div className="banner banner-error" role="alert" data-testid="screen-error">
          <span>This part of Nodetray could not be shown. Your data is safe; try again, or reload the window.</span>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => {
              retryFailedScreens()
              this.setState({ failed: false })
            }}
          >
            Try again
          </button>
        </div>
      )
    return <Suspense fallback={framed(<Spinner label={loadingLabel ?? 'Opening…'} />)}>{children}</Suspense>
  }
}
