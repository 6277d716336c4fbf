/**
 * One background pass of the alarms feature: plan against Dexie + settings, persist what is about to be sent,
 * show the aggregated notification, re-arm the named alarm, refresh the toolbar badge. Also the notification
 * click and button handlers. Plain functions of their deps, so unit tests drive them with fakeBrowser and
 * fake-indexeddb; entrypoints/background/alarms.ts only wires them to events.
 *
 * Scheduling: `ticket-radar:next` fires at the next threshold crossing (Chrome delays it to ≥ 30 s after it was
 * set for installed extensions), and `ticket-radar:sweep` runs every 30 s whatever happens, so an alert is at
 * most ~30 s late even when the named alarm was clamped or lost.
 */
import { browser } from 'wxt/browser';
import type { RadarDb } from '../db/schema';
import { openTickets } from '../db/tickets-repo';
import { loadSetAside } from '../tickets/marks';
import { badgeFor, type BadgeState } from '../background/badge';
import type { Settings } from '../model/settings';
import { platformOfKey } from '../model/ticket';
import type { Shop } from '../model/shop';
import { openOrFocus } from '../tabs';
import { buildNotification, BUTTON_SNOOZE } from './notify';
import { planAlerts, type Plan } from './plan';
import {
  appendAlertLog,
  loadNotificationEntry,
  loadSnoozes,
  loadTestPeriodMs,
  removeNotificationEntry,
  saveNotificationEntry,
  snoozeTickets,
} from './state';

export const NEXT_ALARM = 'ticket-radar:next';
export const SWEEP_ALARM = 'ticket-radar:sweep';
/** Chrome's minimum for installed extensions; the sweep never runs more often in production. */
export const SWEEP_PERIOD_MS = 30_000;
export const SNOOZE_MS = 15 * 60_000;
/** Notification ids start with this; other ids are not ours. */
export const NOTIFICATION_ID_PREFIX = 'ticket-radar:alert:';
/** Sent rows of tickets no longer open are dropped after this long. */
export const SENT_TTL_MS = 7 * 24 * 3600_000;

export interface AlarmDeps {
  db: RadarDb;
  now: () => number;
  settings: () => Promise<Settings>;
  /** Chrome: `list` notifications with buttons. Firefox (MV2): `basic` only. */
  rich: boolean;
  log?: (msg: string) => void;
}

export interface RunOutcome {
  plan: Plan;
  /** The notification shown for `plan.due`, if any. */
  notificationId?: string;
  badge: BadgeState;
}

let chain: Promise<unknown> = Promise.resolve();
/**
 * Runs passes one after another within this worker. Not needed for correctness (the alerts transaction already
 * makes each threshold claimable once), but it keeps bursts of triggers from interleaving notifications.
 */
export function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = chain.then(fn, fn);
  chain = run.catch(() => undefined);
  return run;
}

/** `browser.action` (MV3) or `browser.browserAction` (Firefox MV2). */
function toolbar(): typeof browser.action {
  const b = browser as typeof browser & { browserAction?: typeof browser.action };
  return b.action ?? b.browserAction;
}

/** One pass: plan, persist, notify, re-arm, badge. */
export async function runAlerts(deps: AlarmDeps): Promise<RunOutcome> {
  const now = deps.now();
  const [settings, snoozedUntil, setAside, tickets, shops] = await Promise.all([
    deps.settings(),
    loadSnoozes(),
    loadSetAside(),
    openTickets(deps.db),
    deps.db.shops.toArray(),
  ]);
  const mutedShops = new Set(shops.filter((s) => s.muted).map((s) => s.key));
  const openKeys = new Set(tickets.map((t) => t.key));

  // Read what was sent and record what is about to be sent in one transaction, BEFORE showing anything: two
  // passes (or two workers) cannot both claim a threshold, and a crash after this point loses an alert at
  // worst, never shows one twice.
  const plan = await deps.db.transaction('rw', deps.db.alerts, async () => {
    const sent = await deps.db.alerts.toArray();
    const p = planAlerts(tickets, sent, settings, now, { mutedShops, snoozedUntil, setAside });
    if (p.record.length) await deps.db.alerts.bulkPut(p.record);
    const stale = sent.filter((s) => !openKeys.has(s.ticketKey) && s.sentAt < now - SENT_TTL_MS).map((s) => s.id);
    if (stale.length) await deps.db.alerts.bulkDelete(stale);
    return p;
  });

  const shopMap = new Map<string, Shop>(shops.map((s) => [s.key, s]));
  let notificationId: string | undefined;
  if (plan.due.length) {
    const n = buildNotification({
      alerts: plan.due,
      tickets: new Map(tickets.map((t) => [t.key, t])),
      shops: shopMap,
      now,
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      rich: deps.rich,
    });
    if (n) {
      notificationId = `${NOTIFICATION_ID_PREFIX}${now}-${Math.random().toString(36).slice(2, 8)}`;
      await saveNotificationEntry(notificationId, {
        ticketKeys: n.ticketKeys,
        alertIds: plan.due.map((a) => a.id),
        openUrl: n.openUrl,
        createdAt: now,
        crossedAt: plan.due.map((a) => a.crossedAt),
      });
      try {
        await browser.notifications.create(notificationId, n.options);
        await appendAlertLog({
          notificationId,
          createdAt: deps.now(),
          alertIds: plan.due.map((a) => a.id),
          crossedAt: plan.due.map((a) => a.crossedAt),
          late: plan.due.map((a) => a.late),
        });
      } catch (e) {
        deps.log?.(`notification failed: ${String(e)}`);
      }
    }
  }

  if (plan.nextAt !== undefined) await browser.alarms.create(NEXT_ALARM, { when: plan.nextAt });
  else await browser.alarms.clear(NEXT_ALARM);

  const badge = badgeFor(tickets, settings, now, shopMap, setAside);
  const action = toolbar();
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: badge.title }),
  ]);
  return { plan, badge, ...(notificationId ? { notificationId } : {}) };
}

/**
 * Makes sure the sweep alarm exists with the right period (30 s; the test override when set). Alarms survive
 * worker restarts, but not always browser restarts or extension updates, so this runs at every worker start.
 */
export async function ensureSweep(): Promise<void> {
  const periodInMinutes = ((await loadTestPeriodMs()) ?? SWEEP_PERIOD_MS) / 60_000;
  const existing = await browser.alarms.get(SWEEP_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(SWEEP_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}

/** A click on the notification (or its "open" button): open or focus the most urgent ticket's page. */
export async function openFromNotification(id: string): Promise<void> {
  if (!id.startsWith(NOTIFICATION_ID_PREFIX)) return;
  const entry = await loadNotificationEntry(id);
  await browser.notifications.clear(id);
  await removeNotificationEntry(id);
  // The link is the first listed ticket's (stored data): opened only on that ticket's own platform hosts.
  if (entry) await openOrFocus(entry.openUrl, platformOfKey(entry.ticketKeys[0]));
}

/**
 * "Remind me in 15 min": the notification's tickets are snoozed and its delivered alerts forgotten, so the
 * planner holds them and delivers them again (marked snoozed) when the snooze ends. Re-plans, which arms the
 * named alarm for the snooze end.
 */
export async function snoozeFromNotification(id: string, deps: AlarmDeps): Promise<RunOutcome | undefined> {
  if (!id.startsWith(NOTIFICATION_ID_PREFIX)) return undefined;
  const entry = await loadNotificationEntry(id);
  await browser.notifications.clear(id);
  await removeNotificationEntry(id);
  if (!entry) return undefined;
  const now = deps.now();
  await snoozeTickets(entry.ticketKeys, now + SNOOZE_MS, now);
  await deps.db.alerts.bulkDelete(entry.alertIds);
  return runAlerts(deps);
}

/** Routes a notification button: open, or snooze. */
export async function onNotificationButton(id: string, index: number, deps: AlarmDeps): Promise<void> {
  if (index === BUTTON_SNOOZE) await snoozeFromNotification(id, deps);
  else await openFromNotification(id);
}

/** A notification dismissed or closed: its entry is no longer needed. */
export async function onNotificationClosed(id: string): Promise<void> {
  if (id.startsWith(NOTIFICATION_ID_PREFIX)) await removeNotificationEntry(id);
}
