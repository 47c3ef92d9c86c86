// What the popover's buttons do, through the one IPC door. Window navigation and quitting go through the tray
// controller (`tray:activate` with the native menu's item ids), so both trays do exactly the same thing.
import type { NodeSummary } from '../../../shared/domain/node'
import { call } from '../lib/ipc'
import { copyText } from '../lib/clipboard'

export type PowerAction = 'power_on' | 'power_off' | 'reboot'

export const activate = (itemId: string) => call((api) => api.tray.activate({ itemId }))

export const openNode = (profileId: string, nodeId: number) => activate(`node:${profileId}:${nodeId}:open`)
export const openWindow = () => activate('window:open')
export const openSettings = () => activate('app:settings')
export const openCreate = () => activate('window:create')
export const quitApp = () => activate('app:quit')

export const runPower = (profileId: string, nodeId: number, action: PowerAction) =>
  call((api) => api.nodes.action({ profileId, nodeId, action }))

export const copyIp = (node: NodeSummary) => (node.publicIp ? copyText(node.publicIp) : Promise.resolve(false))
export const copySsh = (node: NodeSummary) =>
  node.publicIp ? copyText(`ssh root@${node.publicIp}`) : Promise.resolve(false)

/** Hides the popover: Electron's tray window turns this close into a hide; a browser tab ignores it. */
export function hidePopover(): void {
  window.close()
}
