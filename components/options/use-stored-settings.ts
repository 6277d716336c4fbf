import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '@/lib/model/settings';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings/store';

/**
 * Settings for an editor: `undefined` until the stored value is loaded, unlike the shared useSettings which
 * starts from the defaults; an editor showing defaults for a moment could save them over the merchant's
 * own. `save` validates (saveSettings parses), writes, and shows the saved value at once.
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
    await saveSettings(next);
    setSettings(next);
  }, []);
  return [settings, save];
}
