// The header reader behind `npm run dist:check`'s keytar architecture assertion, on small synthetic headers.
import { describe, expect, it } from 'vitest'
import { checkNativeArch, readNativeArch } from '../../scripts/lib/native-arch.mjs'

function elf(machine: number, bigEndian = false): Uint8Array {
  const b = Buffer.alloc(64)
  b.write('\x7fELF', 0, 'latin1')
  b[4] = 2 // 64-bit
  b[5] = bigEndian ? 2 : 1
  if (bigEndian) b.writeUInt16BE(machine, 18)
  else b.writeUInt16LE(machine, 18)
  return b
}

function machO(cputype: number, bigEndian = false): Uint8Array {
  const b = Buffer.alloc(32)
  if (bigEndian) {
    b.writeUInt32BE(0xfeedfacf, 0)
    b.writeInt32BE(cputype, 4)
  } else {
    b.writeUInt32LE(0xfeedfacf, 0)
    b.writeInt32LE(cputype, 4)
  }
  return b
}

function fat(cputypes: number[], wide = false): Uint8Array {
  const size = wide ? 32 : 20
  const b = Buffer.alloc(8 + cputypes.length * size)
  b.writeUInt32BE(wide ? 0xcafebabf : 0xcafebabe, 0)
  b.writeUInt32BE(cputypes.length, 4)
  cputypes.forEach((c, i) => b.writeInt32BE(c, 8 + i * size))
  return b
}

function pe(machine: number): Uint8Array {
  const b = Buffer.alloc(0x100)
  b.write('MZ', 0, 'latin1')
  b.writeUInt32LE(0x80, 0x3c)
  b.write('PE\0\0', 0x80, 'latin1')
  b.writeUInt16LE(machine, 0x84)
  return b
}

const X86_64 = 0x01000007
const ARM64 = 0x0100000c

describe('native binary architecture', () => {
  it('reads ELF e_machine (Linux keytar.node)', () => {
    expect(readNativeArch(elf(62))).toEqual({ format: 'elf', archs: ['x64'] })
    expect(readNativeArch(elf(183))).toEqual({ format: 'elf', archs: ['arm64'] })
    expect(readNativeArch(elf(40))).toEqual({ format: 'elf', archs: ['armv7l'] })
    expect(readNativeArch(elf(183, true))).toEqual({ format: 'elf', archs: ['arm64'] })
  })

  it('reads Mach-O cputype, thin and fat (universal) binaries', () => {
    expect(readNativeArch(machO(ARM64))).toEqual({ format: 'macho', archs: ['arm64'] })
    expect(readNativeArch(machO(X86_64))).toEqual({ format: 'macho', archs: ['x64'] })
    expect(readNativeArch(machO(X86_64, true))).toEqual({ format: 'macho', archs: ['x64'] })
    expect(readNativeArch(fat([X86_64, ARM64]))).toEqual({ format: 'macho', archs: ['x64', 'arm64'] })
    expect(readNativeArch(fat([ARM64], true))).toEqual({ format: 'macho', archs: ['arm64'] })
  })

  it('reads the PE Machine field (Windows keytar.node)', () => {
    expect(readNativeArch(pe(0x8664))).toEqual({ format: 'pe', archs: ['x64'] })
    expect(readNativeArch(pe(0xaa64))).toEqual({ format: 'pe', archs: ['arm64'] })
    expect(readNativeArch(pe(0x14c))).toEqual({ format: 'pe', archs: ['ia32'] })
  })

  it('names an unknown machine instead of guessing', () => {
    expect(readNativeArch(elf(243))?.archs).toEqual(['unknown(0xf3)'])
  })

  it('refuses what is not a native binary: text, short files, Java classes, a broken PE', () => {
    expect(readNativeArch(Buffer.from('#!/bin/sh\necho hi\n'))).toBeNull()
    expect(readNativeArch(Buffer.from([0x7f, 0x45]))).toBeNull()
    const javaClass = Buffer.alloc(64)
    javaClass.writeUInt32BE(0xcafebabe, 0)
    javaClass.writeUInt32BE(0x00000041, 4) // minor 0, major 65
    expect(readNativeArch(javaClass)).toBeNull()
    const brokenPe = Buffer.from(pe(0x8664))
    brokenPe.writeUInt32LE(0xf000, 0x3c)
    expect(readNativeArch(brokenPe)).toBeNull()
  })

  it('fails the packaging check when the packed module is for the other architecture', () => {
    expect(checkNativeArch(machO(ARM64), 'arm64', 'keytar.node')).toEqual([])
    expect(checkNativeArch(machO(X86_64), 'arm64', 'keytar.node')).toEqual([
      'keytar.node: built for x64 (macho), target is arm64'
    ])
    expect(checkNativeArch(fat([X86_64, ARM64]), 'arm64', 'keytar.node')).toEqual([])
    expect(checkNativeArch(elf(62), 'arm64', 'keytar.node')).toHaveLength(1)
    expect(checkNativeArch(Buffer.from('nope, not a binary'), 'x64', 'keytar.node')).toEqual([
      'keytar.node: not an ELF, Mach-O or PE binary'
    ])
  })
})
