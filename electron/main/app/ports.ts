// Moved to electron/main/ports.ts (a base module every layer may import). This re-export stays only until the
// profile, keychain and crash tests that still name this path are updated.
export * from '../ports'
