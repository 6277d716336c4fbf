/**
 * Settings live in `browser.storage.local` (small, read by content scripts too), validated on every read:
 * a corrupted or older value falls back to defaults field by field instead of breaking the extension.
 */
import { storage } from '#imports';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../model/settings';

export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** A stored value made valid: each top-level part that fails validation is replaced by its default. */
export function sanitizeSettings(raw: unknown): Settings {
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
    const part = SettingsSchema.shape[key].safeParse(obj[key]);
    out[key] = part.success ? part.data : DEFAULT_SETTINGS[key];
  }
  return SettingsSchema.parse(out);
}

export async function loadSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

export async function saveSettings(s: Settings): Promise<void> {
  await settingsItem.setValue(SettingsSchema.parse(s));
}

/** Calls back with valid settings whenever they change (any extension context). Returns the unsubscribe. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((v) => cb(sanitizeSettings(v)));
}
