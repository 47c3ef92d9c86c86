import { describe, expect, it, vi } from 'vitest'
import type { TrayMenuModel } from '../../../shared/domain/tray'
import type { UpdateStatus } from '../../../shared/domain/updates'
import { toTemplate } from '../shell/tray-adapter'
import { RESTART_TO_UPDATE_ID, withUpdateItem } from './tray-item'

const model: TrayMenuModel = {
  icon: 'ok',
  title: '2',
  tooltip: 'Nodetray',
  items: [{ id: 'window:open', label: 'Open Nodetray', type: 'normal', enabled: true, action: { kind: 'window.open' } }]
}
const status = (state: UpdateStatus['state']): UpdateStatus => ({
  state,
  enabled: true,
  version: '0.2.0',
  message: null
})

describe('Restart to update in the tray', () => {
  it('appears at the top once the update is downloaded, and a click asks for the restart', () => {
    const menu = withUpdateItem(model, status('downloaded'))
    expect(menu.items[0]).toMatchObject({
      id: RESTART_TO_UPDATE_ID,
      label: 'Restart to update to 0.2.0',
      enabled: true
    })
    expect(menu.items.at(-1)).toEqual(model.items[0])
    const onActivate = vi.fn()
    const template = toTemplate(menu.items, 'linux', onActivate)
    ;(template[0]!.click as () => void)()
    expect(onActivate).toHaveBeenCalledWith(RESTART_TO_UPDATE_ID)
  })

  it('is absent while idle, checking, downloading or after an error', () => {
    for (const state of ['idle', 'checking', 'available', 'error'] as const) {
      expect(withUpdateItem(model, status(state))).toBe(model)
    }
  })
})
