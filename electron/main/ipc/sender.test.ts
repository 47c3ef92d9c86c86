import { describe, expect, it } from 'vitest'
import { APP_INDEX_URL } from '../shell/app-protocol'
import { createSenderCheck, isSameDocument } from './sender'

const trusted = APP_INDEX_URL
const check = createSenderCheck(new Set([7]), { url: trusted })
const event = (url: string, opts: { id?: number; parent?: unknown; noFrame?: boolean } = {}) => ({
  sender: { id: opts.id ?? 7 },
  senderFrame: opts.noFrame ? null : { url, parent: opts.parent ?? null }
})

describe('sender validation', () => {
  it('accepts the main frame of our window showing app://nodetray/index.html, whatever the hash', () => {
    expect(trusted).toBe('app://nodetray/index.html')
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
  it('refuses another app:// host or path (custom schemes have an opaque "null" origin)', () => {
    expect(check(event('app://evil/index.html'))).toBe(false)
    expect(check(event('app://nodetray.evil/index.html'))).toBe(false)
    expect(check(event('app://nodetray:8080/index.html'))).toBe(false)
    expect(check(event('app://nodetray/other.html'))).toBe(false)
    expect(check(event('app://nodetray/assets/index.html'))).toBe(false)
  })
  it('never trusts a file:// page, even the renderer file the app used to load', () => {
    const file = 'file:///opt/Nodetray/resources/app.asar/out/renderer/index.html'
    expect(createSenderCheck(new Set([7]), { url: file })(event(file))).toBe(false)
  })
  it('is not fooled by prefixes that startsWith would accept', () => {
    expect(isSameDocument('http://localhost:5173.evil.example/', 'http://localhost:5173/')).toBe(false)
    expect(isSameDocument('http://localhost:5173/@evil', 'http://localhost:5173/')).toBe(false)
    expect(isSameDocument(`${trusted}.html`, trusted)).toBe(false)
    expect(isSameDocument('not a url', trusted)).toBe(false)
  })
})
