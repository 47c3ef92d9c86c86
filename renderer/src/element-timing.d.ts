// Element Timing (https://wicg.github.io/element-timing/): React passes the attribute through, its types lack it.
import 'react'

declare module 'react' {
  // Merging must repeat React's type parameter, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface HTMLAttributes<T> {
    elementtiming?: string | undefined
  }
}
