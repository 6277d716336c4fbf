/**
 * Background service worker. Thin: listeners are registered synchronously at start (MV3 wakes the worker
 * for an event and only delivers it to listeners that exist by then); all state lives in storage.
 */
import { browser } from 'wxt/browser';
import { adapters } from '@/lib/adapters/registry';
import { db } from '@/lib/db/schema';
import { handleMessage } from '@/lib/background/handlers';
import { createSessionGuard } from '@/lib/background/session-guard';
import { loadSettings, watchSettings } from '@/lib/settings/store';
import { onTicketsChanged, registerAlarmListeners } from './alarms';
import { registerTemplateSync, scheduleSync, seedTemplates } from './template-sync';
import { onSettingsChanged } from './settings-sync';

export default defineBackground(() => {
  const base = new URL(browser.runtime.getURL('/'));
  const self = { id: browser.runtime.id, origin: `${base.protocol}//${base.host}` };
  const marketplaceMatches = adapters.flatMap((a) => a.matches);
  // Which shop and surface each page session may write; a closed tab's sessions end with it.
  const guard = createSessionGuard(Date.now);
  browser.tabs.onRemoved.addListener((tabId) => guard.forgetTab(tabId));

  browser.runtime.onMessage.addListener((msg, sender) =>
    handleMessage(msg, sender, {
      db: db(),
      now: Date.now,
      settings: loadSettings,
      self,
      marketplaceMatches,
      guard,
      onTicketsChanged,
      log: (m) => console.warn('[ticket-radar]', m),
    }),
  );

  registerAlarmListeners();
  // Rule edits move rule deadlines: recompute stored ones, then badges and alarms follow.
  watchSettings((s) => void onSettingsChanged(s).then((n) => n && onTicketsChanged()));
  registerTemplateSync();
  browser.runtime.onInstalled.addListener(() => void seedTemplates().then(() => scheduleSync(2000)));
  browser.runtime.onStartup.addListener(() => scheduleSync(5000));
});
