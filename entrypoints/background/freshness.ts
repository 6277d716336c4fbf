/**
 * Keeping lists fresh and announcing new tickets (issue 14): wiring only, the work is in lib/freshness/worker.ts.
 * Listeners are registered synchronously at worker start (index.ts), like the alarms'.
 */
import { browser } from 'wxt/browser';
import { db } from '@/lib/db/schema';
import { loadSettings } from '@/lib/settings/store';
import {
  ANNOUNCE_ALARM,
  announceNow,
  ensureTick,
  flushAnnounce,
  forgetTab,
  freshnessHooks,
  freshSerial,
  onTabLoading,
  onTabUrl,
  TEST_FRESH_KEY,
  tick,
  TICK_ALARM,
  type FreshDeps,
} from '@/lib/freshness/worker';

const log = (m: string) => console.warn('[ticket-radar] freshness:', m);

/** Chrome only: Firefox has no offscreen documents (and its background page could play audio itself). */
async function playSound(): Promise<void> {
  const offscreen = (browser as unknown as { offscreen?: typeof chrome.offscreen }).offscreen;
  if (!offscreen) return;
  await offscreen.closeDocument().catch(() => undefined);
  await offscreen.createDocument({
    url: 'offscreen.html',
    reasons: ['AUDIO_PLAYBACK' as chrome.offscreen.Reason],
    justification: 'New-ticket sound (a service worker cannot play audio)',
  });
  setTimeout(() => void offscreen.closeDocument().catch(() => undefined), 2000);
}

const deps = (): FreshDeps => ({
  db: db(),
  now: Date.now,
  settings: loadSettings,
  random: Math.random,
  rich: !import.meta.env.FIREFOX,
  iconUrl: browser.runtime.getURL('/icon/128.png'),
  ...(import.meta.env.FIREFOX ? {} : { playSound }),
  log,
});

/** The hooks the message handler calls (HandlerDeps.freshness). */
export const freshness = freshnessHooks(deps);

const run = (name: string, fn: () => Promise<unknown>) =>
  void freshSerial(fn).catch((e: unknown) => log(`${name}: ${String(e)}`));

export function registerFreshnessListeners(): void {
  announceNow.current = () => freshSerial(() => flushAnnounce(deps())).then(() => undefined);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TICK_ALARM) run('tick', () => tick(deps()));
    else if (alarm.name === ANNOUNCE_ALARM) run('announce', () => flushAnnounce(deps()));
  });
  browser.tabs.onRemoved.addListener((tabId) => run('tab removed', () => forgetTab(tabId)));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') run('tab loading', () => onTabLoading(tabId));
    if (change.url) run('tab url', () => onTabUrl(tabId, change.url, deps()));
  });
  const start = () => void ensureTick().catch((e: unknown) => log(`tick alarm: ${String(e)}`));
  browser.runtime.onStartup.addListener(start);
  browser.runtime.onInstalled.addListener(start);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (TEST_FRESH_KEY in changes) start();
    // Turning the background tab off closes it now, not at the next tick.
    if ('settings' in changes) run('settings', () => tick(deps()));
  });
  start();
}
