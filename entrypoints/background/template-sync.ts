/**
 * Templates and small settings across the merchant's browsers: default templates seeded on install, then a
 * debounced sync through `storage.sync` after local template edits, settings saves, start-up, and when
 * another browser wrote. Debounced because sync storage allows ~120 writes a minute.
 */
import { liveQuery } from 'dexie';
import { storage } from '#imports';
import { db } from '@/lib/db/schema';
import { SettingsSchema } from '@/lib/model/settings';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings/store';
import { seedDefaults, storageTombstones } from '@/lib/templates/repo';
import { syncTemplates, watchRemoteSnapshot, type SyncedSetting } from '@/lib/templates/sync';

const SYNC_DEBOUNCE_MS = 10_000;
/** When the settings were last saved here: newer settings win across browsers. */
const settingsSavedAt = storage.defineItem<number>('local:settingsSavedAt', { fallback: 0 });

let timer: ReturnType<typeof setTimeout> | undefined;
let applyingRemote = false;

export function scheduleSync(delay = SYNC_DEBOUNCE_MS): void {
  clearTimeout(timer);
  timer = setTimeout(() => void runSync().catch((e) => console.warn('[ticket-radar] sync', e)), delay);
}

async function runSync(): Promise<void> {
  const now = Date.now();
  const [settings, at] = await Promise.all([loadSettings(), settingsSavedAt.getValue()]);
  const out = await syncTemplates({
    table: db().templates,
    tombstones: storageTombstones(),
    settings: { settings: { v: settings, at } },
    now,
  });
  const remote: SyncedSetting | undefined = out.settings.settings;
  if (remote && remote.at > at) {
    const parsed = SettingsSchema.safeParse(remote.v);
    if (parsed.success) {
      applyingRemote = true;
      try {
        await saveSettings(parsed.data);
        await settingsSavedAt.setValue(remote.at);
      } finally {
        applyingRemote = false;
      }
    }
  }
}

export async function seedTemplates(): Promise<void> {
  await seedDefaults(db().templates, storageTombstones(), Date.now());
}

/** Called synchronously at worker start. */
export function registerTemplateSync(): void {
  watchRemoteSnapshot(() => scheduleSync(1000));
  watchSettings(() => {
    if (applyingRemote) return;
    void settingsSavedAt.setValue(Date.now()).then(() => scheduleSync());
  });
  // Any template change in any extension context (options page edits, usage counts) schedules a sync;
  // the first emission is the current state and only arms the watcher.
  let first = true;
  liveQuery(() =>
    db()
      .templates.toArray()
      .then((ts) => ts.map((t) => `${t.id}@${t.updatedAt}/${t.usageCount}`).join()),
  ).subscribe({ next: () => (first ? (first = false) : scheduleSync()), error: () => undefined });
}
