/**
 * The template picker's panel (React), a bundle of its own: the content scripts import it from the extension
 * the first time a picker opens (lib/features/template-picker.ts), so seller pages never parse React.
 */
import { openPanel } from '@/lib/features/template-picker-panel';
import { PICKER_PANEL_GLOBAL, type PickerPanelModule } from '@/lib/features/template-picker';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[PICKER_PANEL_GLOBAL] = { openPanel } satisfies PickerPanelModule;
});
