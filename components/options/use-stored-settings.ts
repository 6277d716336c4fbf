import { useCallback, useEffect, useState } from 'react';
import { SettingsSchema, type Settings } from '@/lib/model/settings';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings/store';

/**
 * Settings for an editor: `undefined` until the stored value is loaded, unlike the shared useSettings which
 * starts from the defaults; an editor showing defaults for a moment could save them over the merchant's
 * own. `save` validates, shows the new value at once (a controlled checkbox must not snap back while the
 * write is under way), writes, and on a failed write shows what is stored again and rethrows.
 */
export function useStoredSettings(): [Settings | undefined, (next: Settings) => Promise<void>] {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => live && setSettings(s));
    const unwatch = watchSettings((s) => live && setSettings(s));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const save = useCallback(async (next: Settings) => {
    const valid = SettingsSchema.parse(next);
    setSettings(valid);
    try {
      await saveSettings(valid);
    } catch (e) {
      setSettings(await loadSettings());
      throw e;
    }
  }, []);
  return [settings, save];
}
