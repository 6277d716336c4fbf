/**
 * Deadline alerts from the background worker (issue 6): wiring only, the work is in lib/alarms/runner.ts.
 *
 * Every listener is registered synchronously when the worker starts (index.ts calls registerAlarmListeners
 * first thing), because MV3 delivers the event that woke the worker only to listeners that exist by then. No
 * state is kept in worker memory except a 250 ms debounce and the pass queue, both of which may be lost safely:
 * the 30 s sweep alarm re-plans anyway.
 *
 * Test hook: `browser.storage.local['ticket-radar:test-alarm-period-ms']` shortens the sweep period for the
 * end-to-end tests (unpacked extensions are not held to Chrome's 30 s minimum). Production never sets it.
 */
import { browser } from 'wxt/browser';
import { db } from '@/lib/db/schema';
import { loadSettings } from '@/lib/settings/store';
import {
  ensureSweep,
  NEXT_ALARM,
  onNotificationButton,
  onNotificationClosed,
  openFromNotification,
  runAlerts,
  serial,
  SWEEP_ALARM,
  type AlarmDeps,
} from '@/lib/alarms/runner';
import { SNOOZE_KEY, TEST_PERIOD_KEY } from '@/lib/alarms/state';
import { SET_ASIDE_KEY } from '@/lib/tickets/marks';
import { openNextTicket } from '@/lib/tickets/next';

const log = (m: string) => console.warn('[ticket-radar] alarms:', m);

const deps = (): AlarmDeps => ({
  db: db(),
  now: Date.now,
  settings: loadSettings,
  // Firefox notifications support only the `basic` type, without buttons.
  rich: !import.meta.env.FIREFOX,
  log,
});

function replan(): Promise<void> {
  return serial(() => runAlerts(deps())).then(
    () => undefined,
    (e: unknown) => log(`pass failed: ${String(e)}`),
  );
}

/** A burst of ingests (a page refresh; nine seller pages restored at browser start) waits this long for quiet… */
const BURST_QUIET_MS = 1500;
/** …but never longer than this after its first ingest, so an alert is not held back by a page that keeps reading. */
const BURST_MAX_MS = 5000;
let pending: ReturnType<typeof setTimeout> | undefined;
let burstStart: number | undefined;
/**
 * Tickets changed (an ingest wrote rows): re-plan. Coalesces a burst across all pages into one pass, so it
 * raises one aggregated notification (nine pages used to give five).
 */
export function onTicketsChanged(): void {
  const now = Date.now();
  burstStart ??= now;
  clearTimeout(pending);
  const wait = Math.max(0, Math.min(BURST_QUIET_MS, burstStart + BURST_MAX_MS - now));
  pending = setTimeout(() => {
    burstStart = undefined;
    void replan();
  }, wait);
}

/** Registers every alarm, notification, lifecycle and storage listener. Call synchronously at worker start. */
export function registerAlarmListeners(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === NEXT_ALARM || alarm.name === SWEEP_ALARM) return replan();
    return undefined;
  });

  const start = () => void Promise.all([ensureSweep().catch((e: unknown) => log(`sweep: ${String(e)}`)), replan()]);
  browser.runtime.onStartup.addListener(start);
  browser.runtime.onInstalled.addListener(start);

  browser.notifications.onClicked.addListener(
    (id) => void openFromNotification(id).catch((e: unknown) => log(String(e))),
  );
  // Firefox has no notification buttons; the event may be missing there.
  browser.notifications.onButtonClicked?.addListener(
    (id, index) => void serial(() => onNotificationButton(id, index, deps())).catch((e: unknown) => log(String(e))),
  );
  browser.notifications.onClosed.addListener(
    (id) => void onNotificationClosed(id).catch((e: unknown) => log(String(e))),
  );

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    // New thresholds or staffed hours change what is due.
    if ('settings' in changes) void replan();
    // A snooze or 已在别处处理 from the popup: the toolbar count and the alerts follow at once.
    if (SNOOZE_KEY in changes || SET_ASIDE_KEY in changes) onTicketsChanged();
    if (TEST_PERIOD_KEY in changes) void ensureSweep().catch((e: unknown) => log(`sweep: ${String(e)}`));
  });

  // Alt+Shift+N (rebindable): open or focus the most urgent ticket not opened this round.
  try {
    browser.commands?.onCommand.addListener((command) => {
      if (command !== 'open-next-ticket') return;
      void openNextTicket({ db: db(), now: Date.now, settings: loadSettings }).catch((e: unknown) =>
        log(`next ticket: ${String(e)}`),
      );
    });
  } catch (e) {
    // No commands API (some Firefox builds, the unit tests' fake browser): the popup and page control remain.
    log(`commands: ${String(e)}`);
  }

  // Alarms usually survive worker restarts; make sure the sweep exists whatever woke this worker.
  void ensureSweep().catch((e: unknown) => log(`sweep: ${String(e)}`));
}
