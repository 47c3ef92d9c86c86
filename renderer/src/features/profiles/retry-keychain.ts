// "Try again" on a locked or unreachable keychain: main asks the keychain again (the OS may show its unlock
// prompt) and answers with the new profile list.
import { call } from '../../lib/ipc'
import { useProfilesStore } from '../../stores/profiles.store'
import { toast } from '../../stores/notifications.store'

export async function retryKeychain(profileId?: string): Promise<void> {
  try {
    const list = await call((api) => api.profiles.retryKeychain(profileId ? { profileId } : {}))
    useProfilesStore.getState().apply(list)
  } catch (e) {
    toast({
      kind: 'error',
      title: 'Could not ask the keychain again',
      ...(e instanceof Error ? { body: e.message } : {})
    })
  }
}
