// Opens a MyAccount page in the browser through main (which opens only allow-listed https links); a refusal or
// failure raises a toast in plain words.
import { asAppError, call } from '../../lib/ipc'
import { plainErrorText } from '../../lib/plain-error'
import { toast } from '../../stores/notifications.store'

export async function openMyAccount(url: string): Promise<boolean> {
  try {
    const { opened } = await call((api) => api.app.openExternal({ url }))
    if (!opened) toast({ kind: 'error', title: 'Couldn’t open MyAccount', body: 'Nodetray could not open the link.' })
    return opened
  } catch (e) {
    toast({ kind: 'error', title: 'Couldn’t open MyAccount', body: plainErrorText(asAppError(e)) })
    return false
  }
}
