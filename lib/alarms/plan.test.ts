import { describe, expect, it } from 'vitest';
import type { SentAlert } from '../db/alerts-types';
import { DEFAULT_SETTINGS } from '../model/settings';
import type { Ticket } from '../model/ticket';
import { bj } from '../sla/testing';
import { LATE_AFTER_MS, OVERDUE_REPEAT_MAX, planAlerts, thresholdsOf, type Plan, type PlanOptions } from './plan';
import { due, H, informationalTicket, MIN, NOW, tk, withInformationalRule, withSettings } from './testing';

const S = withSettings();

/** A fake "store" of sent rows, like the alerts table across worker and browser restarts. */
class Store {
  rows = new Map<string, SentAlert>();
  get sent() {
    return [...this.rows.values()];
  }
  /** One background pass: plan, persist, return what would be notified. */
  pass(tickets: Ticket[], now: number, settings = S, opts: PlanOptions = {}): Plan {
    const plan = planAlerts(tickets, this.sent, settings, now, opts);
    for (const r of plan.record) this.rows.set(r.id, r);
    return plan;
  }
}
const ids = (p: Plan) => p.due.map((a) => `${a.ticketKey.split(':')[3]}|${a.thresholdId}`);

describe('thresholdsOf', () => {
  it('orders the default ladder by crossing time, overdue repeats hourly up to the cap', () => {
    const c = thresholdsOf(NOW, DEFAULT_SETTINGS.notifications);
    expect(c.slice(0, 6).map((x) => [x.id, (x.at - NOW) / MIN, x.overdue])).toEqual([
      ['before-7200000', -120, false],
      ['before-1800000', -30, false],
      ['before-600000', -10, false],
      ['before-0', 0, true],
      ['overdue-1', 60, true],
      ['overdue-2', 120, true],
    ]);
    expect(c).toHaveLength(4 + OVERDUE_REPEAT_MAX);
  });

  it('ignores duplicate thresholds and has no repeats when the repeat is 0', () => {
    const c = thresholdsOf(NOW, {
      ...DEFAULT_SETTINGS.notifications,
      thresholdsMs: [0, 10 * MIN, 0],
      overdueRepeatMs: 0,
    });
    expect(c.map((x) => x.id)).toEqual(['before-600000', 'before-0']);
  });
});

describe('planAlerts: thresholds', () => {
  it('delivers nothing before the first threshold and wakes exactly at it', () => {
    const p = planAlerts([due('a', NOW + 3 * H)], [], S, NOW);
    expect(p.due).toEqual([]);
    expect(p.nextAt).toBe(NOW + H);
  });

  it('delivers each threshold at its crossing, once, and plans the next one', () => {
    const store = new Store();
    const t = [due('a', NOW + 2 * H)];
    const p1 = store.pass(t, NOW);
    expect(ids(p1)).toEqual(['a|before-7200000']);
    expect(p1.due[0]).toMatchObject({ late: false, held: false, overdue: false, crossedAt: NOW });
    expect(p1.nextAt).toBe(NOW + 90 * MIN);
    // The sweep runs again 30 s later: nothing new.
    expect(store.pass(t, NOW + 30_000).due).toEqual([]);
    expect(ids(store.pass(t, NOW + 90 * MIN))).toEqual(['a|before-1800000']);
    expect(ids(store.pass(t, NOW + 110 * MIN))).toEqual(['a|before-600000']);
    const atDue = store.pass(t, NOW + 2 * H);
    expect(ids(atDue)).toEqual(['a|before-0']);
    expect(atDue.due[0]?.overdue).toBe(true);
    expect(atDue.nextAt).toBe(NOW + 3 * H);
    expect(ids(store.pass(t, NOW + 3 * H + 20_000))).toEqual(['a|overdue-1']);
    expect(store.rows.size).toBe(5);
  });

  it('is not late within 60 s of the crossing, late after', () => {
    const t = [due('a', NOW + 10 * MIN)];
    expect(planAlerts(t, [], S, NOW + LATE_AFTER_MS).due[0]?.late).toBe(false);
    expect(planAlerts(t, [], S, NOW + LATE_AFTER_MS + 1).due[0]?.late).toBe(true);
  });

  it('aggregates a burst: every ticket crossing now, most urgent first', () => {
    const p = planAlerts(
      [due('b', NOW + 10 * MIN), due('a', NOW - H), due('c', NOW + 30 * MIN), due('d', NOW + 5 * H)],
      [],
      S,
      NOW,
    );
    expect(ids(p)).toEqual(['a|overdue-1', 'b|before-600000', 'c|before-1800000']);
    expect(p.nextAt).toBe(NOW + 10 * MIN); // b at its deadline
  });

  it('uses the configured thresholds', () => {
    const s = withSettings({ thresholdsMs: [45 * MIN], overdueRepeatMs: 0 });
    const t = [due('a', NOW + 45 * MIN)];
    expect(ids(planAlerts(t, [], s, NOW))).toEqual(['a|before-2700000']);
    const again = planAlerts(
      t,
      [{ id: 'pdd:s:workorder:a|before-2700000', ticketKey: 'pdd:s:workorder:a', dueAt: NOW + 45 * MIN, sentAt: NOW }],
      s,
      NOW,
    );
    expect(again.due).toEqual([]);
    expect(again.nextAt).toBeUndefined();
  });

  it('delivers nothing when notifications are off', () => {
    expect(planAlerts([due('a', NOW)], [], withSettings({ enabled: false }), NOW)).toEqual({
      due: [],
      record: [],
      holding: [],
    });
  });
});

describe('planAlerts: never twice, never lost', () => {
  it('dedupes across restarts: a fresh planner with the persisted rows sends nothing again', () => {
    const store = new Store();
    const t = [due('a', NOW + 10 * MIN), due('b', NOW + 30 * MIN)];
    expect(store.pass(t, NOW).due).toHaveLength(2);
    // "Restart": new planner call, only the persisted rows carry over; same instant, and a bit later.
    const persisted = JSON.parse(JSON.stringify(store.sent)) as SentAlert[];
    expect(planAlerts(t, persisted, S, NOW).due).toEqual([]);
    expect(planAlerts(t, persisted, S, NOW + 5 * MIN).due).toEqual([]);
  });

  it('after the browser was closed for hours: only the most severe threshold, once, marked late; the rest marked sent', () => {
    const store = new Store();
    const t = [due('a', NOW + 2 * H)];
    store.pass(t, NOW); // before-2h sent, then the browser closes.
    const reopened = NOW + 5 * H + 10 * MIN; // deadline passed 3 h 10 min ago
    const p = store.pass(t, reopened);
    expect(ids(p)).toEqual(['a|overdue-3']);
    expect(p.due[0]).toMatchObject({ late: true, held: false, crossedAt: NOW + 5 * H });
    expect(p.record.map((r) => r.id.split('|')[1])).toEqual([
      'before-1800000',
      'before-600000',
      'before-0',
      'overdue-1',
      'overdue-2',
      'overdue-3',
    ]);
    expect(p.nextAt).toBe(NOW + 6 * H);
    expect(store.pass(t, reopened + 1000).due).toEqual([]);
  });

  it('a ticket first seen after thresholds passed gets the most severe one, not marked late', () => {
    const p = planAlerts([due('a', NOW + 20 * MIN, { firstSeenAt: NOW - 2000 })], [], S, NOW);
    expect(ids(p)).toEqual(['a|before-1800000']);
    expect(p.due[0]).toMatchObject({ late: false, crossedAt: NOW - 2000 });
    expect(p.record).toHaveLength(2);
  });

  it('a deadline that moved later (时效延长) re-arms its thresholds', () => {
    const store = new Store();
    store.pass([due('a', NOW + 10 * MIN)], NOW);
    expect(store.pass([due('a', NOW + 10 * MIN)], NOW + MIN).due).toEqual([]);
    const moved = [due('a', NOW + 3 * H)];
    const p = store.pass(moved, NOW + MIN);
    expect(p.due).toEqual([]);
    expect(p.nextAt).toBe(NOW + H);
    expect(ids(store.pass(moved, NOW + H))).toEqual(['a|before-7200000']);
    expect(ids(store.pass(moved, NOW + 150 * MIN))).toEqual(['a|before-1800000']);
    expect(ids(store.pass(moved, NOW + 170 * MIN))).toEqual(['a|before-600000']);
  });

  it('a deadline extended while already overdue alerts for the new deadline', () => {
    const store = new Store();
    store.pass([due('a', NOW - 5 * MIN)], NOW);
    const p = store.pass([due('a', NOW + 20 * MIN)], NOW + MIN);
    expect(ids(p)).toEqual(['a|before-1800000']);
    expect(p.due[0]?.late).toBe(true);
  });
});

describe('planAlerts: what raises no alert', () => {
  it('skips closed, deadline-less, unseen, muted and informational tickets', () => {
    const tickets = [
      due('done', NOW, { status: 'done' }),
      due('closed', NOW, { status: 'closed' }),
      tk('none'),
      due('unseen', NOW, { unseenSince: NOW - MIN }),
      // 待买家退货: the buyer's countdown, not the merchant's deadline.
      due('buyer', NOW, { status: 'processing', turn: 'buyer' }),
      due('platform', NOW, { turn: 'platform' }),
      due('muted', NOW, { shopId: 'm', key: 'pdd:m:workorder:muted' }),
      // An informational rule (pdd-order-review in sla-rules.md): a rule deadline, no platform one.
      informationalTicket('review', NOW - 24 * H),
      due('ok', NOW, { status: 'processing', turn: 'merchant' }),
    ];
    const p = planAlerts(tickets, [], withInformationalRule(S), NOW, { mutedShops: new Set(['pdd:m']) });
    expect(ids(p)).toEqual(['ok|before-0']);
    expect(p.record.every((r) => r.ticketKey === 'pdd:s:workorder:ok')).toBe(true);
  });
});

describe('planAlerts: quiet hours (merchant clock)', () => {
  const clock = { enabled: true, segments: [{ start: '09:00', end: '18:00' }], days: 'every' as const };
  const quiet = withSettings({ overdueBreaksQuiet: false }, clock);
  const breaking = withSettings({ overdueBreaksQuiet: true }, clock);
  const night = bj('2026-11-25 23:00');
  const shift = bj('2026-11-26 09:00');

  it('holds alerts outside staffed hours and wakes at the next shift start', () => {
    const store = new Store();
    const t = [due('a', bj('2026-11-26 00:30'))];
    const p = store.pass(t, night, quiet);
    expect(p.due).toEqual([]);
    expect(p.holding.map((a) => a.thresholdId)).toEqual(['before-7200000']);
    expect(p.record).toEqual([]);
    expect(p.heldUntil).toBe(shift);
    // The next crossings (00:00, 00:20, …) fall in quiet hours too: no point waking for them.
    expect(p.nextAt).toBe(shift);
    const later = store.pass(t, bj('2026-11-26 05:00'), quiet);
    expect(later.due).toEqual([]);
    expect(later.nextAt).toBe(shift);
  });

  it('releases held alerts once at the shift start: the most severe, marked held, not late', () => {
    const store = new Store();
    const t = [due('a', bj('2026-11-26 00:30')), due('b', bj('2026-11-26 10:00'))];
    store.pass(t, night, quiet);
    const p = store.pass(t, shift, quiet);
    expect(ids(p)).toEqual(['a|overdue-8', 'b|before-7200000']);
    expect(p.due[0]).toMatchObject({ held: true, late: false });
    // b's 2 h threshold is crossed at 08:00, still outside the shift: held as well.
    expect(p.due[1]).toMatchObject({ held: true, late: false });
    expect(store.pass(t, shift + 30_000, quiet).due).toEqual([]);
  });

  it('lets overdue alerts break through when the setting says so', () => {
    const store = new Store();
    const t = [due('a', bj('2026-11-26 00:30'))];
    expect(store.pass(t, bj('2026-11-26 00:25'), breaking).due).toEqual([]);
    const atDue = store.pass(t, bj('2026-11-26 00:30'), breaking);
    expect(ids(atDue)).toEqual(['a|before-0']);
    expect(atDue.due[0]).toMatchObject({ held: false, late: false });
    expect(store.pass(t, bj('2026-11-26 00:30'), breaking).nextAt).toBe(bj('2026-11-26 01:30'));
    expect(ids(store.pass(t, bj('2026-11-26 01:30'), breaking))).toEqual(['a|overdue-1']);
    // With the setting off, the same overdue alert waits for the shift.
    expect(planAlerts(t, [], quiet, bj('2026-11-26 01:30')).due).toEqual([]);
  });

  it('inside staffed hours alerts are delivered as usual; an overnight shift counts past midnight', () => {
    const overnight = withSettings(
      { overdueBreaksQuiet: false },
      { enabled: true, segments: [{ start: '22:00', end: '02:00' }], days: 'every' },
    );
    const t = [due('a', bj('2026-11-26 01:30'))];
    expect(ids(planAlerts(t, [], overnight, bj('2026-11-26 01:00')))).toEqual(['a|before-1800000']);
    const p = planAlerts(t, [], overnight, bj('2026-11-26 03:00'));
    expect(p.due).toEqual([]);
    expect(p.heldUntil).toBe(bj('2026-11-26 22:00'));
  });

  it('working-days clock: a holiday holds alerts until the next working day (国庆节 2026)', () => {
    const workdays = withSettings(
      { overdueBreaksQuiet: false },
      { enabled: true, segments: [{ start: '09:00', end: '18:00' }], days: 'workdays' },
    );
    const p = planAlerts([due('a', bj('2026-10-02 12:00'))], [], workdays, bj('2026-10-02 11:00'));
    expect(p.due).toEqual([]);
    expect(p.heldUntil).toBe(bj('2026-10-08 09:00'));
  });
});

describe('planAlerts: snooze', () => {
  it('holds a snoozed ticket until the snooze ends, then repeats its alert once, marked snoozed', () => {
    const store = new Store();
    const t = [due('a', NOW + 10 * MIN)];
    store.pass(t, NOW);
    // The merchant snoozed the notification: the background forgets its rows and stores the snooze end.
    store.rows.clear();
    const snoozedUntil = { 'pdd:s:workorder:a': NOW + 15 * MIN };
    const during = store.pass(t, NOW + MIN, S, { snoozedUntil });
    expect(during.due).toEqual([]);
    expect(during.holding.map((a) => a.snoozed)).toEqual([true]);
    expect(during.nextAt).toBe(NOW + 10 * MIN);
    // The deadline passes during the snooze: still held, wake at the snooze end.
    expect(store.pass(t, NOW + 10 * MIN, S, { snoozedUntil }).nextAt).toBe(NOW + 15 * MIN);
    const after = store.pass(t, NOW + 15 * MIN, S, { snoozedUntil });
    expect(ids(after)).toEqual(['a|before-0']);
    expect(after.due[0]).toMatchObject({ snoozed: true, late: false, held: false });
    expect(store.pass(t, NOW + 16 * MIN, S, { snoozedUntil }).due).toEqual([]);
  });

  it('an old snooze does not mark a later alert as snoozed', () => {
    const p = planAlerts([due('a', NOW)], [], S, NOW, { snoozedUntil: { 'pdd:s:workorder:a': NOW - H } });
    expect(p.due[0]).toMatchObject({ snoozed: false, late: false });
  });
});
