import type { TrayMenuModel } from '../../../shared/domain/tray'

/** Owns the tray's state → model step and runs the actions of clicked items. */
export interface TrayController {
  model(): TrayMenuModel
  /** Runs the action of the item with this id in the current model (ids are stable; stale ids are ignored). */
  activate(itemId: string): Promise<void>
  /** The native menu is about to open (where the platform says so): refresh soon and rebuild relative ages. */
  menuOpened(): void
  onChanged(listener: (model: TrayMenuModel) => void): () => void
  /** The shell made the popover window: the menu gains "Open Nodetray glance" and it opens this. */
  setGlance(glance: { show(): void } | null): void
  dispose(): void
}
