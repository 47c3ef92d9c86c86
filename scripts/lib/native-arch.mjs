// Reads which CPU architectures a native binary (a `.node` module or an executable) was built for, from its
// header alone: ELF e_machine, Mach-O cputype (thin or fat/universal) or PE Machine. Names follow
// electron-builder's Arch (x64, ia32, arm64, armv7l). dist-check uses it to prove the packed keytar.node
// matches the target, because a host-built module in the other architecture's app cannot reach the keychain.

const ELF_MACHINES = { 3: 'ia32', 40: 'armv7l', 62: 'x64', 183: 'arm64' }
const MACHO_CPU_ABI64 = 0x01000000
const MACHO_CPUS = { 7: 'ia32', 12: 'armv7l', [7 | MACHO_CPU_ABI64]: 'x64', [12 | MACHO_CPU_ABI64]: 'arm64' }
const PE_MACHINES = { 0x14c: 'ia32', 0x1c4: 'armv7l', 0x8664: 'x64', 0xaa64: 'arm64' }

const name = (table, id) => table[id] ?? `unknown(0x${id.toString(16)})`

/**
 * @param {Uint8Array} bytes the start of the file (4 KiB is plenty for every format here)
 * @returns {{ format: 'elf' | 'macho' | 'pe', archs: string[] } | null} null when the header is none of them
 */
export function readNativeArch(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.length < 8) return null
  // ELF: 7f 'E' 'L' 'F', EI_DATA at 5 gives the byte order of e_machine (offset 18).
  if (buf.readUInt32BE(0) === 0x7f454c46 && buf.length >= 20) {
    const machine = buf[5] === 2 ? buf.readUInt16BE(18) : buf.readUInt16LE(18)
    return { format: 'elf', archs: [name(ELF_MACHINES, machine)] }
  }
  // Mach-O thin, either byte order: MH_MAGIC(_64) read LE on little-endian files, BE on big-endian ones.
  const le = buf.readUInt32LE(0)
  const be = buf.readUInt32BE(0)
  if (le === 0xfeedface || le === 0xfeedfacf) return { format: 'macho', archs: [name(MACHO_CPUS, buf.readInt32LE(4))] }
  if (be === 0xfeedface || be === 0xfeedfacf) return { format: 'macho', archs: [name(MACHO_CPUS, buf.readInt32BE(4))] }
  // Mach-O fat (universal): big-endian header, then nfat_arch entries of 20 bytes (fat_arch) or 32 (fat_arch_64).
  if (be === 0xcafebabe || be === 0xcafebabf) {
    const count = buf.readUInt32BE(4)
    const size = be === 0xcafebabf ? 32 : 20
    // Java class files share 0xcafebabe; their "count" is a version number far above any real fat binary's.
    if (count === 0 || count > 16 || buf.length < 8 + count * size) return null
    const archs = []
    for (let i = 0; i < count; i++) archs.push(name(MACHO_CPUS, buf.readInt32BE(8 + i * size)))
    return { format: 'macho', archs }
  }
  // PE: 'MZ', e_lfanew at 0x3c points at 'PE\0\0', then the COFF Machine field.
  if (buf.readUInt16BE(0) === 0x4d5a && buf.length >= 0x40) {
    const pe = buf.readUInt32LE(0x3c)
    if (pe + 6 > buf.length || buf.readUInt32BE(pe) !== 0x50450000) return null
    return { format: 'pe', archs: [name(PE_MACHINES, buf.readUInt16LE(pe + 4))] }
  }
  return null
}

/** Problems (empty when fine) for a binary that must run on `arch` (a fat binary must contain it). */
export function checkNativeArch(bytes, arch, label) {
  const found = readNativeArch(bytes)
  if (!found) return [`${label}: not an ELF, Mach-O or PE binary`]
  if (!found.archs.includes(arch))
    return [`${label}: built for ${found.archs.join('+')} (${found.format}), target is ${arch}`]
  return []
}
