import { readFileSync } from 'node:fs'
import { Notification, app } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import { APP_ID, createAppIdentity } from './app-identity'
import { createElectronNotifier } from './electron-ports'

type FakeNotificationClass = typeof Notification & { instances: unknown[] }
const note = { title: 'web-1 is running', body: 'Demo Delhi', profileId: 'p1', nodeId: 1 } as never

describe('Windows app identity', () => {
  beforeEach(() => {
    vi.mocked(app.setAppUserModelId).mockClear()
    ;(Notification as FakeNotificationClass).instances.length = 0
  })

  it("uses the installer's appId from electron-builder.yml", () => {
    const yml = parse(readFileSync('electron-builder.yml', 'utf8')) as { appId: string }
    expect(APP_ID).toBe(yml.appId)
  })

  it('sets the AppUserModelID on Windows before the first notification is constructed', () => {
    const instances = (Notification as FakeNotificationClass).instances
    const notificationsWhenSet: number[] = []
    vi.mocked(app.setAppUserModelId).mockImplementation(() => void notificationsWhenSet.push(instances.length))
    const sink = createElectronNotifier(() => undefined, createAppIdentity(app, 'win32'))
    sink.show(note)
    sink.show(note)
    expect(app.setAppUserModelId).toHaveBeenCalledExactlyOnceWith(APP_ID)
    expect(notificationsWhenSet).toEqual([0])
    expect(instances).toHaveLength(2)
  })

  it('leaves macOS and Linux alone (their notifications use the bundle / desktop entry)', () => {
    createAppIdentity(app, 'darwin').ensure()
    createAppIdentity(app, 'linux').ensure()
    expect(app.setAppUserModelId).not.toHaveBeenCalled()
  })
})
