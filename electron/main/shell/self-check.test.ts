import { describe, expect, it } from 'vitest'
import { runSelfCheck } from './self-check'

const asarPath = '/opt/Nodetray/resources/app.asar/node_modules/keytar/lib/keytar.js'

describe('--self-check', () => {
  it('reports keytar loaded from inside the asar', () => {
    const result = runSelfCheck({ resolve: () => asarPath, require: () => ({ getPassword: () => null }) })
    expect(result).toEqual({ keytar: 'loaded', resolved: asarPath, insideAsar: true })
  })

  it('reports a native module that cannot load (wrong architecture) as a failure with its reason', () => {
    const result = runSelfCheck({
      resolve: () => asarPath,
      require: () => {
        throw new Error('keytar.node: wrong ELF class: ELFCLASS32')
      }
    })
    expect(result).toMatchObject({ keytar: 'failed', insideAsar: true, error: expect.stringMatching(/ELFCLASS32/) })
  })

  it('tells an unpackaged keytar apart', () => {
    const dev = '/work/nodetray/node_modules/keytar/lib/keytar.js'
    expect(runSelfCheck({ resolve: () => dev, require: () => ({ getPassword: () => null }) }).insideAsar).toBe(false)
  })
})
