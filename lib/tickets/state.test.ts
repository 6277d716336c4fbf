import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../model/settings';
import { due, H, MIN, NOW, tk } from '../alarms/testing';
import { bj } from '../sla/testing';
import { countState, endOfBeijingDay, state, zeroCounts } from './state';

const S = DEFAULT_SETTINGS; // due soon: within 2 h, or at most 25 % of a rule's budget left; critical 30 min

describe('state', () => {
  it('overdue at and after the deadline', () => {
    expect(state(due('a', NOW), S, NOW)).toMatchObject({ state: 'overdue', tier: 'overdue', leftMs: 0 });
    expect(state(due('a', NOW - H), S, NOW)).toMatchObject({ state: 'overdue', leftMs: -H, dueToday: true });
  });

  it('due soon inside the settings window, critical inside 30 min, later beyond', () => {
    expect(state(due('a', NOW + 20 * MIN), S, NOW)).toMatchObject({ state: 'due-soon', tier: 'critical' });
    expect(state(due('a', NOW + 2 * H), S, NOW)).toMatchObject({ state: 'due-soon', tier: 'soon' });
    expect(state(due('a', NOW + 2 * H + 1), S, NOW)).toMatchObject({ state: 'later', tier: 'ok' });
  });

  it("a rule's budget share makes a ticket due soon (budget from dueSource, or given by a page view)", () => {
    // 48 h budget, 25 % = 12 h: 10 h left is due soon on a rule deadline, later on a platform one.
    const rule = { ...S, rules: [{ id: 'r48', budgetMs: 48 * H }] };
    expect(state(due('a', NOW + 10 * H, { dueSource: 'rule:r48' }), rule, NOW).state).toBe('due-soon');
    expect(state(due('a', NOW + 10 * H), rule, NOW).state).toBe('later');
    expect(state({ status: 'pending', dueAt: NOW + 10 * H, budgetMs: 48 * H }, { tiers: S.tiers }, NOW).state).toBe(
      'due-soon',
    );
  });

  it("the buyer's or platform's turn is waiting, even when late", () => {
    expect(state(due('a', NOW - H, { turn: 'buyer' }), S, NOW)).toMatchObject({ state: 'waiting', tier: 'overdue' });
    expect(state(due('a', NOW + H, { turn: 'platform' }), S, NOW).state).toBe('waiting');
    expect(state(due('a', NOW - H, { turn: 'merchant' }), S, NOW).state).toBe('overdue');
  });

  it('none, with the reason: finished, unseen, no deadline, informational', () => {
    expect(state(due('a', NOW - H, { status: 'done' }), S, NOW)).toEqual({
      state: 'none',
      why: 'finished',
      tier: 'none',
      dueToday: false,
    });
    expect(state(due('a', NOW - H, { unseenSince: NOW - MIN }), S, NOW)).toMatchObject({
      state: 'none',
      why: 'unseen',
    });
    expect(state(tk('a'), S, NOW)).toMatchObject({ state: 'none', why: 'no-deadline', tier: 'none' });
    const review = tk('r', { dueAt: NOW - H, dueSource: 'rule:pdd-order-review' });
    expect(state(review, S, NOW)).toMatchObject({ state: 'none', why: 'informational', tier: 'overdue' });
  });

  it('a set-aside ticket stays aside until a newer read shows it or its deadline moves', () => {
    const t = due('a', NOW + 20 * MIN, { lastSeenAt: NOW - H });
    const setAside = { at: NOW - 30 * MIN, dueAt: t.dueAt };
    expect(state(t, S, NOW, { setAside })).toMatchObject({ state: 'none', why: 'set-aside' });
    // The next read of its list still shows it open: back in the queue.
    expect(state({ ...t, lastSeenAt: NOW - MIN }, S, NOW, { setAside }).state).toBe('due-soon');
    // A newer deadline is never hidden.
    expect(state({ ...t, dueAt: NOW + 10 * MIN }, S, NOW, { setAside }).state).toBe('due-soon');
  });

  it('due today ends at Beijing midnight, whatever the machine zone', () => {
    const night = bj('2026-11-25 23:30');
    expect(endOfBeijingDay(NOW)).toBe(bj('2026-11-26 00:00'));
    expect(endOfBeijingDay(bj('2026-11-26 00:00'))).toBe(bj('2026-11-27 00:00'));
    expect(state(due('a', bj('2026-11-25 23:59')), S, night).dueToday).toBe(true);
    expect(state(due('a', bj('2026-11-26 00:10')), S, night)).toMatchObject({ state: 'due-soon', dueToday: false });
  });

  it('counts partition the open tickets: the five states sum to open', () => {
    const c = zeroCounts();
    const tickets = [
      due('a', NOW - H),
      due('b', NOW + 20 * MIN),
      due('c', NOW + 5 * H),
      due('d', NOW + 30 * H),
      due('e', NOW, { turn: 'buyer' }),
      tk('f'),
      due('g', NOW, { status: 'closed' }),
    ];
    for (const t of tickets) countState(c, state(t, S, NOW));
    expect(c).toEqual({ overdue: 1, dueSoon: 1, dueToday: 2, later: 2, waiting: 1, none: 1, open: 6 });
  });

  it('is dependency-free at runtime: type-only imports (it runs in content scripts)', () => {
    const src = readFileSync(new URL('./state.ts', import.meta.url), 'utf8');
    const imports = src.split('\n').filter((l) => l.startsWith('import '));
    expect(imports.length).toBeGreaterThan(0);
    for (const l of imports) expect(l).toMatch(/^import type /);
  });
});
