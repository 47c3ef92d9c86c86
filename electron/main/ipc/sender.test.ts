import { describe, expect, it } from 'vitest'
import { createSenderCheck, isSameDocument } from './sender'

const trusted = 'file:///opt/Nodetray/resources/app.asar/out/renderer/index.html'
const check = createSenderCheck(new Set([7]), { url: trusted })
const event = (url: string, opts: { id?: number; parent?: unknown; noFrame?: boolean } = {}) => ({
  sender: { id: opts.id ?? 7 },
  senderFrame: opts.noFrame ? null : { url, parent: opts.parent ?? null }
})

describe('sender validation', () => {
  it('accepts the main frame of our window showing our page, whatever the hash', () => {
    expect(check(event(trusted))).toBe(true)
    expect(check(event(`${trusted}#/nodes/12`))).toBe(true)
  })
  it('refuses sub-frames, foreign webContents, missing frames and other pages', () => {
    expect(check(event(trusted, { parent: {} }))).toBe(false)
    expect(check(event(trusted, { id: 8 }))).toBe(false)
    expect(check(event(trusted, { noFrame: true }))).toBe(false)
    expect(check(event('file:///tmp/evil/index.html'))).toBe(false)
    expect(check(event('https://evil.example/index.html'))).toBe(false)
  })
  it('is not fooled by prefixes that startsWith would accept', () => {
    expect(isSameDocument('http://localhost:5173.evil.example/', 'http://localhost:5173/')).toBe(false)
    expect(isSameDocument('http://localhost:5173/@evil', 'http://localhost:5173/')).toBe(false)
    expect(isSameDocument(`${trusted}.html`, trusted)).toBe(false)
    expect(isSameDocument('not a url', trusted)).toBe(false)
  })
})
