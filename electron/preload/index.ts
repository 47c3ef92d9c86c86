// The sandboxed preload: turns the contract into `window.nodetray` and nothing more. Envelopes pass through
// untouched (contextBridge would rebuild thrown errors from their message alone), and the IPC event object
// never reaches the page.
import { contextBridge, ipcRenderer } from 'electron'
import { BRIDGE_GLOBAL, buildBridgeApi } from '../../shared/ipc/bridge'

const api = buildBridgeApi({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe: (event, listener) => {
    const handler = (_event: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(event, handler)
    return () => {
      ipcRenderer.removeListener(event, handler)
    }
  }
})

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, api)
