/**
 * Alarm state kept in `browser.storage.local`, never in worker memory: an MV3 service worker is stopped after
 * ~30 s idle and starts again with empty globals. Values are validated on read; a damaged value reads as empty.
 *
 * Keys (all under the `ticket-radar:` prefix, next to the settings item):
 * - `ticket-radar:snooze`: ticket key → snoozed until (epoch ms).
 * - `ticket-radar:notification:<id>`: what a shown notification lists, so a click in a later worker knows what
 *   to open. One key per notification, so two writers never overwrite each other's entries.
 * - `ticket-radar:alert-log`: the last {@link ALERT_LOG_MAX} notifications raised (id, when, which alerts, when
 *   their thresholds were crossed): diagnostics for "I was not warned" and alert latency. Notifications themselves
 *   may be closed by the OS at any time, so this is the record of what was raised.
 * - `ticket-radar:test-alarm-period-ms`: TEST ONLY. A sweep period shorter than Chrome's 30 s minimum, for
 *   end-to-end tests of the unpacked extension (tests/e2e/alarms.spec.ts). Production never sets it; installed
 *   extensions are held to 30 s by Chrome anyway.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';

export const SNOOZE_KEY = 'ticket-radar:snooze';
export const NOTIFICATION_KEY_PREFIX = 'ticket-radar:notification:';
export const TEST_PERIOD_KEY = 'ticket-radar:test-alarm-period-ms';
export const ALERT_LOG_KEY = 'ticket-radar:alert-log';
export const ALERT_LOG_MAX = 50;

/** Snoozes and notification entries older than this are dropped when the next one is written. */
export const STATE_TTL_MS = 24 * 3600_000;

const SnoozeSchema = z.record(z.string(), z.number());

/** What a notification lists, for its click and button handlers. */
export const NotificationEntrySchema = z.object({
  /** Tickets listed, most urgent first. */
  ticketKeys: z.array(z.string()),
  /** Delivered `SentAlert` ids (a snooze forgets them so they are delivered again). */
  alertIds: z.array(z.string()),
  openUrl: z.string(),
  createdAt: z.number(),
  /** When each delivered alert's threshold was crossed (diagnostics: alert latency). */
  crossedAt: z.array(z.number()),
});
export type NotificationEntry = z.infer<typeof NotificationEntrySchema>;

const local = () => browser.storage.local;

/** Snoozed tickets: ticket key → until. */
export async function loadSnoozes(): Promise<Record<string, number>> {
  const raw = (await local().get(SNOOZE_KEY))[SNOOZE_KEY];
  const parsed = SnoozeSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

/** Snoozes `ticketKeys` until `until`, dropping snoozes that ended more than a day before `now`. */
export async function snoozeTickets(ticketKeys: readonly string[], until: number, now: number): Promise<void> {
  const all = await loadSnoozes();
  for (const [k, v] of Object.entries(all)) if (v < now - STATE_TTL_MS) delete all[k];
  for (const k of ticketKeys) all[k] = until;
  await local().set({ [SNOOZE_KEY]: all });
}

/** Snoozes follow tickets that moved to another key (a stand-in shop replaced by the real one). */
export async function rekeySnoozes(moved: readonly (readonly [from: string, to: string])[]): Promise<void> {
  if (!moved.length) return;
  const all = await loadSnoozes();
  let changed = false;
  for (const [from, to] of moved) {
    const until = all[from];
    if (until === undefined) continue;
    all[to] = Math.max(until, all[to] ?? 0);
    delete all[from];
    changed = true;
  }
  if (changed) await local().set({ [SNOOZE_KEY]: all });
}

export async function saveNotificationEntry(id: string, entry: NotificationEntry): Promise<void> {
  const all = await local().get(null);
  const stale = Object.entries(all)
    .filter(([k, v]) => {
      if (!k.startsWith(NOTIFICATION_KEY_PREFIX)) return false;
      const e = NotificationEntrySchema.safeParse(v);
      return !e.success || e.data.createdAt < entry.createdAt - STATE_TTL_MS;
    })
    .map(([k]) => k);
  if (stale.length) await local().remove(stale);
  await local().set({ [NOTIFICATION_KEY_PREFIX + id]: entry });
}

export async function loadNotificationEntry(id: string): Promise<NotificationEntry | undefined> {
  const key = NOTIFICATION_KEY_PREFIX + id;
  return NotificationEntrySchema.safeParse((await local().get(key))[key]).data;
}

export async function removeNotificationEntry(id: string): Promise<void> {
  await local().remove(NOTIFICATION_KEY_PREFIX + id);
}

/** All stored notification entries by notification id (tests and diagnostics). */
export async function loadNotificationEntries(): Promise<Map<string, NotificationEntry>> {
  const all = await local().get(null);
  const out = new Map<string, NotificationEntry>();
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith(NOTIFICATION_KEY_PREFIX)) continue;
    const e = NotificationEntrySchema.safeParse(v);
    if (e.success) out.set(k.slice(NOTIFICATION_KEY_PREFIX.length), e.data);
  }
  return out;
}

/** One raised notification in the alert log. */
export const AlertLogEntrySchema = z.object({
  notificationId: z.string(),
  createdAt: z.number(),
  alertIds: z.array(z.string()),
  crossedAt: z.array(z.number()),
  late: z.array(z.boolean()),
});
export type AlertLogEntry = z.infer<typeof AlertLogEntrySchema>;

/** The raised notifications, oldest first (at most {@link ALERT_LOG_MAX}). */
export async function loadAlertLog(): Promise<AlertLogEntry[]> {
  const parsed = z.array(AlertLogEntrySchema).safeParse((await local().get(ALERT_LOG_KEY))[ALERT_LOG_KEY] ?? []);
  return parsed.success ? parsed.data : [];
}

export async function appendAlertLog(entry: AlertLogEntry): Promise<void> {
  const log = await loadAlertLog();
  log.push(entry);
  await local().set({ [ALERT_LOG_KEY]: log.slice(-ALERT_LOG_MAX) });
}

/** The test-only sweep period override in ms, if set to a sane value (≥ 1 s). */
export async function loadTestPeriodMs(): Promise<number | undefined> {
  const raw = (await local().get(TEST_PERIOD_KEY))[TEST_PERIOD_KEY];
  return typeof raw === 'number' && Number.isFinite(raw) && raw >= 1000 ? raw : undefined;
}
