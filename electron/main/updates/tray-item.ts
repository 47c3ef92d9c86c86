// "Restart to update" at the top of the tray menu once an update is downloaded. Composed onto the tray
// controller's model by the shell, so the menu model stays plain data.
import type { TrayMenuModel } from '../../../shared/domain/tray'
import type { UpdateStatus } from '../../../shared/domain/updates'

export const RESTART_TO_UPDATE_ID = 'update:restart'

export function withUpdateItem(model: TrayMenuModel, update: UpdateStatus): TrayMenuModel {
  if (update.state !== 'downloaded') return model
  return {
    ...model,
    items: [
      {
        id: RESTART_TO_UPDATE_ID,
        label: update.version ? `Restart to update to ${update.version}` : 'Restart to update',
        type: 'normal',
        enabled: true,
        action: { kind: 'app.restartToUpdate' }
      },
      { id: 'update:separator', label: '', type: 'separator', enabled: false },
      ...model.items
    ]
  }
}
