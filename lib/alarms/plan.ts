/**
 * Which deadline alerts are due now, and when to look again. Pure: no browser APIs, no clock; the background
 * passes tickets, what was already sent, settings and `now` (conventions.md, principle 2).
 *
 * Every open ticket with a trusted deadline has a ladder of thresholds: `before-<ms>` (configurable, default
 * 2 h, 30 min, 10 min and 0 = at the deadline) and `overdue-<n>` (the n-th repeat every `overdueRepeatMs` while
 * overdue). Each threshold of each deadline is delivered once: the background persists the returned `record`
 * rows before it shows anything, and later calls skip them, so a restarted worker or browser never repeats one.
 */
import { state, type SetAside } from '../tickets/state';
import type { SentAlert } from '../db/alerts-types';
import type { NotificationSettings, Settings } from '../model/settings';
import { shopKey, type Ticket } from '../model/ticket';
import { isStaffed, nextStaffedAt } from './staffed';

/** An alert later than this after its threshold is marked late (the goal for an installed extension is 60 s). */
export const LATE_AFTER_MS = 60_000;

/**
 * Overdue repeats stop after this many (a day of hourly repeats). A ticket still open in the store a day after
 * its deadline is more likely handled on a page we have not seen since than still waiting; the toolbar badge
 * keeps counting it.
 */
export const OVERDUE_REPEAT_MAX = 24;

/** `before-<ms>` (ms before the deadline; `before-0` is the deadline itself) or `overdue-<n>` (n ≥ 1). */
export type ThresholdId = `before-${number}` | `overdue-${number}`;

/** One rung of a deadline's ladder. */
export interface Crossing {
  id: ThresholdId;
  /** The instant the threshold is crossed. */
  at: number;
  /** At or after the deadline: the ticket is late (these may break through quiet hours). */
  overdue: boolean;
}

/** An alert to deliver now. */
export interface Alert {
  /** The dedupe id persisted as `SentAlert.id`: `${ticketKey}|${thresholdId}` (the deadline is in `dueAt`). */
  id: string;
  ticketKey: string;
  thresholdId: ThresholdId;
  /** The deadline the alert is for. */
  dueAt: number;
  /** When the threshold was crossed, or when the ticket was first seen if that was later. */
  crossedAt: number;
  overdue: boolean;
  /** Delivered more than {@link LATE_AFTER_MS} after `crossedAt` for no chosen reason (browser or worker closed). */
  late: boolean;
  /** Held by quiet hours (crossed outside staffed hours) and released now. */
  held: boolean;
  /** Held by the merchant's "snooze" and released now. */
  snoozed: boolean;
}

/** What the planner needs beyond tickets, sent rows and settings. */
export interface PlanOptions {
  /** Shop keys (`${platform}:${shopId}`) whose tickets raise no alerts. */
  mutedShops?: ReadonlySet<string>;
  /** Ticket key → snoozed until (epoch ms). A snoozed ticket's alerts wait until then. */
  snoozedUntil?: Readonly<Record<string, number>>;
  /** Ticket key → the merchant's 已在别处处理 mark (lib/tickets/marks.ts): no alerts while it holds. */
  setAside?: ReadonlyMap<string, SetAside>;
}

export interface Plan {
  /** Deliver now, most urgent first (earliest deadline), at most one per ticket. */
  due: Alert[];
  /**
   * Rows to persist before delivering: one per delivered alert plus the thresholds it supersedes (when several
   * of a ticket's thresholds passed at once, only the most severe is shown, the others are marked sent).
   */
  record: SentAlert[];
  /** Alerts crossed but waiting (quiet hours or snooze); not recorded, so a later call delivers them. */
  holding: Alert[];
  /** The earliest future moment worth waking for: a threshold crossing, a shift start or a snooze end. */
  nextAt?: number;
  /** The next shift start, when alerts are held by quiet hours. */
  heldUntil?: number;
}

/** The dedupe id of a ticket's threshold. */
export const alertId = (ticketKey: string, thresholdId: ThresholdId): string => `${ticketKey}|${thresholdId}`;

/** A deadline's thresholds in crossing order (which is also severity order). */
export function thresholdsOf(dueAt: number, n: NotificationSettings): Crossing[] {
  const before = [...new Set(n.thresholdsMs)].sort((a, b) => b - a);
  const out: Crossing[] = before.map((ms) => ({ id: `before-${ms}`, at: dueAt - ms, overdue: ms === 0 }));
  if (n.overdueRepeatMs > 0) {
    for (let i = 1; i <= OVERDUE_REPEAT_MAX; i++)
      out.push({ id: `overdue-${i}`, at: dueAt + i * n.overdueRepeatMs, overdue: true });
  }
  return out;
}

/**
 * Whether a ticket raises alerts at all: the one deadline state (lib/tickets/state.ts) says the merchant owns
 * the deadline (overdue, due soon or later; not waiting on others, not unseen, set aside or informational),
 * and its shop is not muted. The thresholds below decide when.
 */
export function alertable(
  t: Ticket,
  settings: Settings,
  mutedShops?: ReadonlySet<string>,
  setAside?: SetAside,
): t is Ticket & { dueAt: number } {
  if (t.dueAt === undefined) return false;
  // Whether the merchant owns the deadline does not depend on the hour: ask at the deadline itself.
  const s = state(t, settings, t.dueAt, setAside ? { setAside } : {}).state;
  if (s === 'none' || s === 'waiting') return false;
  return !mutedShops?.has(shopKey(t.platform, t.shopId));
}

/**
 * Plans the alerts due at `now`. `sent` may hold rows of any tickets; a row counts only for the same deadline
 * (`dueAt`), so a deadline that moved (时效延长) re-arms its thresholds.
 */
export function planAlerts(
  tickets: readonly Ticket[],
  sent: readonly SentAlert[],
  settings: Settings,
  now: number,
  opts: PlanOptions = {},
): Plan {
  const plan: Plan = { due: [], record: [], holding: [] };
  const n = settings.notifications;
  if (!n.enabled) return plan;
  const mc = settings.merchantClock;
  const sentById = new Map(sent.map((s) => [s.id, s]));
  const staffedNow = isStaffed(now, mc);
  const wake = (at: number | undefined) => {
    if (at !== undefined && at > now && (plan.nextAt === undefined || at < plan.nextAt)) plan.nextAt = at;
  };

  for (const t of tickets) {
    if (!alertable(t, settings, opts.mutedShops, opts.setAside?.get(t.key))) continue;
    const dueAt = t.dueAt;
    const pending = thresholdsOf(dueAt, n).filter((c) => sentById.get(alertId(t.key, c.id))?.dueAt !== dueAt);
    const next = pending.find((c) => c.at > now);
    // A crossing inside quiet hours that will not break through is delivered at the shift start: wake then.
    if (next) wake(next.overdue && n.overdueBreaksQuiet ? next.at : nextStaffedAt(next.at, mc));
    const crossed = pending.filter((c) => c.at <= now);
    const top = crossed.at(-1);
    if (!top) continue;

    // A ticket first seen after a threshold passed is not "late": we could not have known earlier.
    const crossedAt = Math.max(top.at, t.firstSeenAt);
    const snoozeEnd = opts.snoozedUntil?.[t.key];
    const breaks = top.overdue && n.overdueBreaksQuiet;
    const base = {
      id: alertId(t.key, top.id),
      ticketKey: t.key,
      thresholdId: top.id,
      dueAt,
      crossedAt,
      overdue: top.overdue,
    };

    if (snoozeEnd !== undefined && snoozeEnd > now) {
      plan.holding.push({ ...base, late: false, held: false, snoozed: true });
      wake(snoozeEnd);
      continue;
    }
    if (!staffedNow && !breaks) {
      plan.holding.push({ ...base, late: false, held: true, snoozed: false });
      const release = nextStaffedAt(now, mc);
      if (release !== undefined && (plan.heldUntil === undefined || release < plan.heldUntil)) plan.heldUntil = release;
      wake(release);
      continue;
    }

    const snoozed = snoozeEnd !== undefined && snoozeEnd > crossedAt;
    const held = !snoozed && !breaks && !isStaffed(crossedAt, mc);
    const late = !snoozed && !held && now - crossedAt > LATE_AFTER_MS;
    plan.due.push({ ...base, late, held, snoozed });
    for (const c of crossed) plan.record.push({ id: alertId(t.key, c.id), ticketKey: t.key, dueAt, sentAt: now });
  }

  plan.due.sort((a, b) => a.dueAt - b.dueAt || (a.ticketKey < b.ticketKey ? -1 : 1));
  return plan;
}
