import { describe, expect, it } from 'vitest';
import { summarizeAnalytics } from '../analytics/summary';
import { badgeFor } from '../background/badge';
import { planAlerts } from '../alarms/plan';
import { due, H, MIN, NOW, tk } from '../alarms/testing';
import { DEFAULT_SETTINGS } from '../model/settings';
import type { Ticket } from '../model/ticket';
import { bj } from '../sla/testing';
import { nextTicket, SECTIONS, summarize } from './summary';

const S = DEFAULT_SETTINGS;
const ids = (items: { ticket: Ticket }[]) => items.map((i) => i.ticket.nativeId);

/** One of every kind of open ticket, in two shops of two platforms. */
const mixed = (): Ticket[] => [
  due('a', NOW - H),
  due('b', NOW + 10 * MIN),
  due('b2', NOW + 90 * MIN, { shopId: 't', key: 'pdd:t:b2' }),
  due('c', NOW + 5 * H), // 15:00 today: later today
  due('d', NOW + 30 * H), // tomorrow: later
  tk('e'), // no deadline
  due('f', NOW - H, { unseenSince: NOW - MIN }),
  due('g', NOW - H, { turn: 'buyer' }),
  tk('r', { dueAt: NOW - H, dueSource: 'rule:pdd-order-review' }), // informational
  due('x', NOW - 2 * H, { platform: 'douyin', key: 'douyin:s:x', url: 'https://fxg.jinritemai.com/x' }),
  due('h', NOW + 20 * MIN, { lastSeenAt: NOW - H }),
];

describe('summarize', () => {
  it('puts every open ticket in exactly one section', () => {
    const s = summarize(
      mixed(),
      S,
      NOW,
      new Map([['pdd:s:workorder:h', { at: NOW - 30 * MIN, dueAt: NOW + 20 * MIN }]]),
    );
    expect(ids(s.overdue)).toEqual(['x', 'a']);
    expect(ids(s.soon)).toEqual(['b', 'b2']);
    expect(s.soon[0]!.tier).toBe('critical');
    expect(ids(s.laterToday)).toEqual(['c']);
    expect(ids(s.later)).toEqual(['d']);
    expect(ids(s.noDeadline).sort()).toEqual(['e', 'r']);
    expect(ids(s.unseen)).toEqual(['f']);
    expect(ids(s.waiting)).toEqual(['g']); // the buyer's countdown is not overdue
    expect(ids(s.setAside)).toEqual(['h']);
    const listed = SECTIONS.reduce((n, id) => n + s[id].length, 0);
    expect(listed).toBe(mixed().length);
    expect(s.open).toBe(listed); // the header's "N open" is what the sections list
  });

  it('counts per platform and shop add up to the totals', () => {
    const s = summarize(mixed(), S, NOW);
    expect(s.byPlatform.get('douyin')).toMatchObject({ overdue: 1, open: 1 });
    expect(s.byShop.get('pdd:t')).toMatchObject({ dueSoon: 1, open: 1 });
    const sum = (k: 'overdue' | 'dueSoon' | 'dueToday' | 'open') =>
      [...s.byShop.values()].reduce((n, c) => n + c[k], 0);
    for (const k of ['overdue', 'dueSoon', 'dueToday', 'open'] as const) expect(sum(k)).toBe(s.counts[k]);
  });

  it('the next ticket is the most urgent one not opened this round', () => {
    const s = summarize(mixed(), S, NOW);
    expect(nextTicket(s)?.nativeId).toBe('x');
    expect(nextTicket(s, new Set(['douyin:s:x', 'pdd:s:workorder:a']))?.nativeId).toBe('b');
  });
});

describe('toolbar, popup, overview and alerts agree by construction', () => {
  it.each([NOW, bj('2026-11-25 23:50'), NOW + 3 * H])('at %i', (now) => {
    const tickets = mixed();
    const popup = summarize(tickets, S, now).counts;
    const badge = badgeFor(tickets, S, now);
    const overview = summarizeAnalytics(tickets, [], now, S).totals;
    expect({ overdue: badge.overdue, soon: badge.soon }).toEqual({ overdue: popup.overdue, soon: popup.dueSoon });
    expect(badge.counts).toEqual(popup);
    expect({ overdue: overview.overdue, dueSoon: overview.dueSoon, dueToday: overview.dueToday }).toEqual({
      overdue: popup.overdue,
      dueSoon: popup.dueSoon,
      dueToday: popup.dueToday,
    });
    expect(overview.open).toBe(popup.open);
    // Alerts go to exactly the tickets the merchant owns: the counted states, never waiting, unseen or informational.
    const alerting = new Set(
      planAlerts(tickets, [], { ...S, notifications: { ...S.notifications, thresholdsMs: [1000 * H] } }, now).due.map(
        (a) => a.ticketKey,
      ),
    );
    const s = summarize(tickets, S, now);
    const counted = [...s.overdue, ...s.soon, ...s.laterToday, ...s.later].map((i) => i.ticket.key);
    expect([...alerting].sort()).toEqual(counted.sort());
  });
});
