export interface NativeArch {
  format: 'elf' | 'macho' | 'pe'
  archs: string[]
}
export function readNativeArch(bytes: Uint8Array): NativeArch | null
export function checkNativeArch(bytes: Uint8Array, arch: string, label: string): string[]
