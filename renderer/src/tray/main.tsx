// The tray popover's own entry: the stores, React and the popover, none of the window's screens. It asks main for
// profiles and nodes before React evaluates, then follows main's events for as long as it lives (hidden or not).
import { StrictMode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { connectEvents } from '../stores/events'
import { useNodesStore } from '../stores/nodes.store'
import { useProfilesStore } from '../stores/profiles.store'
import '../styles/global.css'
import './tray.css'
import { fitToScreen } from './popover-visibility'
import { TrayPopover } from './TrayPopover'

fitToScreen()
connectEvents()
void useProfilesStore.getState().load()
void useNodesStore.getState().load()

const root = document.getElementById('root')
if (root) {
  const reactRoot = createRoot(root)
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <TrayPopover />
      </StrictMode>
    )
  )
}
