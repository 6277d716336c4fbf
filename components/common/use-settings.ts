import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings';
import { loadSettings, watchSettings } from '@/lib/settings/store';

/** Valid settings, kept current when another context saves them; `initial`: already loaded (popup). */
export function useSettings(initial?: Settings): Settings {
  const [s, setS] = useState<Settings>(initial ?? DEFAULT_SETTINGS);
  useEffect(() => {
    if (!initial) void loadSettings().then(setS);
    return watchSettings(setS);
  }, [initial]);
  return s;
}
