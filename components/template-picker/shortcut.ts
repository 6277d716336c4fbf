/**
 * The keyboard shortcut that opens the picker from a reply box. The overlay listens for it on the
 * reply box (not the whole page) so it never steals the page's own keys elsewhere.
 *
 * Alt+T (Option+T on macOS, read from `code` because Option turns `key` into `†`) and Ctrl/⌘+/ :
 * neither types text in a textarea nor is bound by the seller consoles we know of.
 */
export interface ShortcutEventLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

/** True when the key event should open the picker. */
export function isOpenPickerShortcut(e: ShortcutEventLike): boolean {
  if (e.isComposing) return false;
  const altT = e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyT';
  const modSlash = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === '/' || e.code === 'Slash');
  return altT || modSlash;
}

/** The shortcut as shown in hints. */
export const OPEN_PICKER_SHORTCUT_LABEL = { zh: 'Alt+T 或 Ctrl+/', en: 'Alt+T or Ctrl+/' } as const;
