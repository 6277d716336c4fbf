/**
 * Background service worker. Thin: listeners are registered synchronously at start (MV3 wakes the worker
 * for an event and only delivers it to listeners that exist by then); all state lives in storage.
 */
import { browser } from 'wxt/browser';
import { adapters } from '@/lib/adapters/registry';
import { db } from '@/lib/db/schema';
import { handleMessage } from '@/lib/background/handlers';
import { createSessionGuard, SESSION_RATE } from '@/lib/background/session-guard';
import { sessionBindingStore } from '@/lib/background/session-store';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings/store';
import { finishPendingImport } from '@/lib/backup/apply';
import type { Settings } from '@/lib/model/settings';
import { onTicketsChanged, registerAlarmListeners } from './alarms';
import { registerTemplateSync, scheduleSync, seedTemplates } from './template-sync';
import { onSettingsChanged } from './settings-sync';
import { finishUpgrade } from '@/lib/db/upgrade-followup';
import { rekeySnoozes } from '@/lib/alarms/state';
import { freshness, registerFreshnessListeners } from './freshness';

const SETTINGS_IO = { load: loadSettings, save: saveSettings };

export default defineBackground(() => {
  const base = new URL(browser.runtime.getURL('/'));
  const self = { id: browser.runtime.id, origin: `${base.protocol}//${base.host}` };
  const marketplaceMatches = adapters.flatMap((a) => a.matches);
  // Read once per worker life and kept current by the watcher below: an ingest must not wait on storage.
  let settings: Promise<Settings> | undefined;
  const currentSettings = (): Promise<Settings> => {
    if (!settings) {
      settings = loadSettings();
      settings.catch(() => (settings = undefined)); // a failed read is retried by the next message
    }
    return settings;
  };
  // Which shop and surface each page session may write, kept in storage.session so a restarted worker still
  // knows (session-guard.ts); a closed tab's sessions end with it.
  const guard = createSessionGuard(Date.now, SESSION_RATE, sessionBindingStore());
  browser.tabs.onRemoved.addListener((tabId) => void guard.forgetTab(tabId));

  browser.runtime.onMessage.addListener((msg, sender) =>
    handleMessage(msg, sender, {
      db: db(),
      now: Date.now,
      settings: currentSettings,
      self,
      marketplaceMatches,
      guard,
      settingsIo: SETTINGS_IO,
      onTicketsChanged,
      onTicketsRekeyed: rekeySnoozes,
      freshness,
      log: (m) => console.warn('[ticket-radar]', m),
    }),
  );

  registerAlarmListeners();
  // An import whose rows committed before the worker stopped gets its settings now (lib/backup/apply.ts).
  void finishPendingImport(db(), SETTINGS_IO)
    .then((done) => done && onTicketsChanged())
    .catch((e: unknown) => console.warn('[ticket-radar] finishing an import', e));
  // After the Dexie v3 upgrade (ticket keys gained their family): move stored keys, recompute deadlines.
  void loadSettings()
    .then((s) => finishUpgrade(db(), s.rules, browser.storage.local))
    .then((done) => done && onTicketsChanged())
    .catch((e: unknown) => console.warn('[ticket-radar] finishing the database upgrade', e));
  registerFreshnessListeners();
  // Rule edits move rule deadlines: recompute stored ones, then badges and alarms follow.
  watchSettings((s) => {
    settings = Promise.resolve(s);
    void onSettingsChanged(s).then((n) => n && onTicketsChanged());
  });
  registerTemplateSync();
  browser.runtime.onInstalled.addListener(() => void seedTemplates().then(() => scheduleSync(2000)));
  browser.runtime.onStartup.addListener(() => scheduleSync(5000));
});
