import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  backoffMs,
  emptyRow,
  freshId,
  jittered,
  nextDue,
  planTick,
  reloadsLastHour,
  tabBlocker,
  timing,
  type FreshRow,
  type TabState,
} from './schedule';

const NOW = 1_795_572_000_000; // 2026-11-25 10:00 Beijing
const MIN = 60_000;
const T = timing(5);
const row = (over: Partial<FreshRow> = {}): FreshRow => ({
  ...emptyRow('pdd', '445566', 'pdd.work-order-list'),
  ...over,
});
const tab = (over: Partial<TabState> = {}): TabState => ({
  tabId: 1,
  platform: 'pdd',
  shopId: '445566',
  surface: 'pdd.work-order-list',
  draft: false,
  picker: false,
  paused: false,
  inUse: false,
  loading: false,
  ...over,
});
const plan = (rows: FreshRow[], tabs: TabState[], now = NOW) =>
  planTick({ rows, tabs, now, timing: T, keepFresh: () => true });

describe('timing', () => {
  it('clamps the interval to 2–60 minutes', () => {
    expect(timing(1).intervalMs).toBe(2 * MIN);
    expect(timing(90).intervalMs).toBe(60 * MIN);
    expect(timing(5)).toEqual({ intervalMs: 5 * MIN, idleMs: 2 * MIN, readTimeoutMs: 2 * MIN, maxBackoffMs: 60 * MIN });
  });

  it('jitter adds at most 10 % (15 s at most), never less than the interval', () => {
    expect(jittered(5 * MIN, 0)).toBe(5 * MIN);
    expect(jittered(5 * MIN, 0.999)).toBeLessThanOrEqual(5 * MIN + 15_000);
    expect(jittered(2 * MIN, 0.5)).toBe(2 * MIN + 6_000);
    expect(jittered(60 * MIN, 1)).toBe(60 * MIN + 15_000);
    expect(jittered(5 * MIN, -3)).toBe(5 * MIN);
  });

  it('backs off by doubling up to an hour', () => {
    expect([1, 2, 3, 4, 5].map((f) => backoffMs(T, f) / MIN)).toEqual([10, 20, 40, 60, 60]);
  });
});

describe('tabBlocker', () => {
  it('never reloads a tab in use, touched in the last 2 minutes, with a draft, the picker open, or paused', () => {
    expect(tabBlocker(tab(), NOW, T)).toBeUndefined();
    expect(tabBlocker(tab({ inUse: true }), NOW, T)).toBe('in-use');
    expect(tabBlocker(tab({ lastInputAt: NOW - 2 * MIN + 1 }), NOW, T)).toBe('recent-input');
    expect(tabBlocker(tab({ lastInputAt: NOW - 2 * MIN }), NOW, T)).toBeUndefined();
    expect(tabBlocker(tab({ draft: true }), NOW, T)).toBe('draft');
    expect(tabBlocker(tab({ picker: true }), NOW, T)).toBe('picker');
    expect(tabBlocker(tab({ paused: true }), NOW, T)).toBe('paused');
    expect(tabBlocker(tab({ loading: true }), NOW, T)).toBe('loading');
  });
});

describe('planTick', () => {
  it('reloads a due row through one free tab only, whatever the number of tabs', () => {
    const r = row({ lastReadAt: NOW - 5 * MIN });
    const p = plan([r], [tab({ tabId: 1, inUse: true }), tab({ tabId: 2 }), tab({ tabId: 3 })]);
    expect(p.reload).toEqual([{ rowId: r.id, tabId: 2 }]);
    expect(p.watched).toEqual([r.id]);
  });

  it('waits until the interval has passed since the last read', () => {
    expect(plan([row({ lastReadAt: NOW - 5 * MIN + 1 })], [tab()]).reload).toEqual([]);
    expect(plan([row({ nextDueAt: NOW + 1 })], [tab()]).reload).toEqual([]);
  });

  it('skips (retried next tick) when every tab is in use', () => {
    const r = row({ lastReadAt: NOW - 6 * MIN });
    const p = plan([r], [tab({ draft: true }), tab({ tabId: 2, inUse: true })]);
    expect(p.reload).toEqual([]);
    expect(p.skipped).toEqual([{ rowId: r.id, reason: 'draft' }]);
    // The next slot: the draft was sent, the tab is free again.
    expect(plan([r], [tab()], NOW + MIN).reload).toHaveLength(1);
  });

  it('prefers the merchant’s own tab over our background tab', () => {
    const r = row({ lastReadAt: NOW - 6 * MIN });
    expect(plan([r], [tab({ tabId: 9, ours: true }), tab({ tabId: 4 })]).reload[0]?.tabId).toBe(4);
  });

  it('does nothing for a platform that is not kept fresh, or for rows without a tab', () => {
    const r = row({ lastReadAt: NOW - 60 * MIN });
    expect(planTick({ rows: [r], tabs: [tab()], now: NOW, timing: T, keepFresh: () => false }).reload).toEqual([]);
    expect(plan([r], [tab({ shopId: 'other' })]).reload).toEqual([]);
  });

  it('times out a reload that produced no read, and waits for it before then', () => {
    const r = row({ lastReadAt: NOW - 20 * MIN, pendingReload: { tabId: 1, at: NOW - MIN } });
    expect(plan([r], [tab()])).toMatchObject({ reload: [], timedOut: [] });
    expect(plan([r], [tab()], NOW + MIN).timedOut).toEqual([r.id]);
  });
});

describe('applyEvent', () => {
  it('a reload sets the next slot an interval (plus jitter) on and logs the reload', () => {
    const out = applyEvent(row(), { type: 'reloaded', tabId: 3 }, NOW, T, 0);
    expect(out.row).toMatchObject({ lastReloadAt: NOW, nextDueAt: NOW + 5 * MIN, pendingReload: { tabId: 3 } });
    expect(reloadsLastHour(out.row, NOW)).toBe(1);
  });

  it('a read completes the reload, resets the backoff and clears the logged-out flag', () => {
    const r = row({
      failures: 3,
      backoffReason: 'logged-out',
      loggedOutNotifiedAt: NOW - MIN,
      nextDueAt: NOW + 40 * MIN,
    });
    const out = applyEvent(
      { ...r, pendingReload: { tabId: 1, at: NOW - 1000 } },
      { type: 'read', rows: 4, complete: true },
      NOW,
      T,
      0,
    );
    expect(out.row).toMatchObject({ lastReadAt: NOW, lastCompleteAt: NOW, failures: 0, nextDueAt: NOW + 5 * MIN });
    expect(out.row.pendingReload).toBeUndefined();
    expect(out.row.backoffReason).toBeUndefined();
    expect(out.row.loggedOutNotifiedAt).toBeUndefined();
  });

  it('the merchant’s own refresh pushes the next reload an interval on', () => {
    const out = applyEvent(row({ nextDueAt: NOW + MIN }), { type: 'read', rows: 2, complete: false }, NOW, T, 0);
    expect(out.row.nextDueAt).toBe(NOW + 5 * MIN);
    expect(out.row.lastCompleteAt).toBeUndefined();
  });

  it('a read of nothing (no rows, not complete) is no evidence', () => {
    const r = row({ lastReadAt: NOW - MIN });
    expect(applyEvent(r, { type: 'read', rows: 0, complete: false }, NOW, T, 0).row).toBe(r);
  });

  it('two empty listings in a row back off and go to diagnostics', () => {
    const one = applyEvent(row(), { type: 'read', rows: 0, complete: true }, NOW, T, 0);
    expect(one.health).toBeUndefined();
    expect(one.row.emptyReads).toBe(1);
    const two = applyEvent(one.row, { type: 'read', rows: 0, complete: true }, NOW + 5 * MIN, T, 0);
    expect(two.health?.code).toBe('fresh-empty-twice');
    expect(two.row).toMatchObject({ failures: 1, backoffReason: 'empty', nextDueAt: NOW + 5 * MIN + 10 * MIN });
  });

  it('logged out: backs off, records it, notifies once until a good read', () => {
    const a = applyEvent(row(), { type: 'logged-out' }, NOW, T, 0);
    expect(a).toMatchObject({ notifyLoggedOut: true, health: { code: 'fresh-logged-out' } });
    expect(a.row).toMatchObject({ lastLoggedOutAt: NOW, failures: 1, nextDueAt: NOW + 10 * MIN });
    const b = applyEvent(a.row, { type: 'logged-out' }, NOW + 10 * MIN, T, 0);
    expect(b.notifyLoggedOut).toBe(false);
    expect(b.row.nextDueAt).toBe(NOW + 10 * MIN + 20 * MIN);
    const ok = applyEvent(b.row, { type: 'read', rows: 1, complete: true }, NOW + 31 * MIN, T, 0).row;
    expect(applyEvent(ok, { type: 'logged-out' }, NOW + 40 * MIN, T, 0).notifyLoggedOut).toBe(true);
  });

  it('errors and verification pages back off and go to diagnostics', () => {
    expect(applyEvent(row(), { type: 'error', detail: 'x' }, NOW, T, 0).health?.code).toBe('fresh-error');
    const v = applyEvent(row({ failures: 5 }), { type: 'verification' }, NOW, T, 0);
    expect(v.health?.code).toBe('fresh-verification');
    expect(v.row.nextDueAt).toBe(NOW + 60 * MIN);
  });
});

it('nextDue falls back to one interval after the last read', () => {
  expect(nextDue(row({ lastReadAt: NOW }), T)).toBe(NOW + 5 * MIN);
  expect(freshId('douyin', '9', 'douyin.service-tickets')).toBe('douyin:9|douyin.service-tickets');
});
