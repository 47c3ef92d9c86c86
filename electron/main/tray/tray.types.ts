import type { TrayMenuModel } from '../../../shared/domain/tray'

/** Owns the tray's state → model step and runs the actions of clicked items. */
export interface TrayController {
  model(): TrayMenuModel
  /** Runs the action of the item with this id in the current model (ids are stable; stale ids are ignored). */
  activate(itemId: string): Promise<void>
  onChanged(listener: (model: TrayMenuModel) => void): () => void
  dispose(): void
}
