// keytar's errors are bare strings from libsecret, D-Bus, macOS Security or Windows Credential Manager.
// Map them to one KEYCHAIN_UNAVAILABLE error whose hint tells the user what to install or unlock.
import { DomainError } from '../errors'

export type KeychainOp = 'load' | 'read' | 'save' | 'delete' | 'list'

export const KEYCHAIN_HINTS = {
  nativeMissing: 'The keychain module of Nodetray is missing or broken: reinstall Nodetray.',
  libsecretMissing: 'Install libsecret-1-0 (the Secret Service client library), then restart Nodetray.',
  noSecretService:
    'No Secret Service is running: install gnome-keyring (or KWallet) and libsecret-1-0, and make sure you are in a desktop session with D-Bus.',
  locked: 'Unlock your login keyring (or allow Nodetray when the keychain asks), then try again.',
  other: 'Check that your system keychain works, then try again.'
} as const

const OP_TEXT: Record<KeychainOp, string> = {
  load: 'open the system keychain',
  read: 'read credentials from the system keychain',
  save: 'save credentials in the system keychain',
  delete: 'remove credentials from the system keychain',
  list: 'list credentials in the system keychain'
}

export function keychainHint(err: unknown, op: KeychainOp): string {
  const text = errorText(err)
  if (/libsecret-1\.so/i.test(text)) return KEYCHAIN_HINTS.libsecretMissing
  if (
    op === 'load' ||
    /cannot find module|keytar\.node|NODE_MODULE_VERSION|ERR_DLOPEN_FAILED|was compiled against|invalid ELF|MODULE_NOT_FOUND/i.test(
      text
    )
  ) {
    return KEYCHAIN_HINTS.nativeMissing
  }
  if (
    /cancel|locked|prompt dismissed|user interaction is not allowed|collection\/login|errSecAuthFailed|authorization/i.test(
      text
    )
  ) {
    return KEYCHAIN_HINTS.locked
  }
  if (
    /org\.freedesktop\.secrets|autolaunch d-bus|DBUS_SESSION_BUS_ADDRESS|d-bus|dbus|not provided by any \.service|no such secret service|could not connect/i.test(
      text
    )
  ) {
    return KEYCHAIN_HINTS.noSecretService
  }
  return KEYCHAIN_HINTS.other
}

export function keychainError(err: unknown, op: KeychainOp): DomainError {
  if (err instanceof DomainError) return err
  return new DomainError('KEYCHAIN_UNAVAILABLE', `Nodetray could not ${OP_TEXT[op]}.`, {
    hint: keychainHint(err, op),
    retryable: true
  })
}

function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.message} ${(err as { code?: unknown }).code ?? ''}`
  return String(err)
}
