// Types for checks.mjs (plain JavaScript so npm's preinstall can run it before anything is installed).
export interface DistroPackages {
  like: string[]
  install: string
  build: string[]
  browser: string[]
  keyring: string[]
  ci: string[]
}
export interface SystemPackages {
  distros: Record<string, DistroPackages>
  macos: string
  windows: string
  playwrightBrowser: string
}
export interface Missing {
  step: 'e2e' | 'keyring'
  what: string
  install: string
}
export function parseOsRelease(text: string): { id: string; idLike: string[] }
export function distroFor(osReleaseText: string, list: SystemPackages): (DistroPackages & { key: string }) | null
export function libsecretMessage(input: {
  platform: string
  osReleaseText: string
  libsecretFound: boolean
  list: SystemPackages
}): string | null
export function testPrereqs(input: {
  platform: string
  ci: boolean
  osReleaseText: string
  found: { chromium: boolean; dbusRunSession: boolean; gnomeKeyring: boolean }
  list: SystemPackages
}): { missing: Missing[]; skip: string[]; fail: string[]; lines: string[] }
