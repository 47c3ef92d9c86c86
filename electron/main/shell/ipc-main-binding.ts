// The only place in main that touches ipcMain. Lint forbids it elsewhere.
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { Registry } from '../ipc/registry'

export function bindRegistryToIpcMain(registry: Registry<IpcMainInvokeEvent>): () => void {
  for (const channel of registry.channels) {
    ipcMain.handle(channel, (event, input: unknown) => registry.dispatch(channel, input, event))
  }
  return () => {
    for (const channel of registry.channels) ipcMain.removeHandler(channel)
  }
}
