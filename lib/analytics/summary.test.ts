import { describe, expect, it } from 'vitest';
import type { Shop, Ticket } from '../model';
import { DEFAULT_SETTINGS } from '../model/settings';
import { barPercent, HANDLED_DAYS, sharePercent, summarizeAnalytics } from './summary';

const DUE_SOON_MS = 24 * 3600_000;

/** 2026-11-25 10:00 Beijing. */
const NOW = Date.UTC(2026, 10, 25, 2);
const H = 3600_000;
const D = 24 * H;

const SURFACE_OF = {
  pdd: 'pdd.work-order-list',
  douyin: 'douyin.service-tickets',
  taobao: 'taobao.task-tickets',
} as const satisfies Record<Ticket['platform'], Ticket['surface']>;
let seq = 0;
function ticket(over: Partial<Ticket> = {}): Ticket {
  seq += 1;
  const platform = over.platform ?? 'pdd';
  const shopId = over.shopId ?? 's1';
  const nativeId = over.nativeId ?? String(seq);
  return {
    key: `${platform}:${shopId}:${SURFACE_OF[platform].split('.')[1]}:${nativeId}`,
    platform,
    surface: SURFACE_OF[platform],
    shopId,
    nativeId,
    kind: 'refund',
    title: '退款',
    status: 'pending',
    urgent: false,
    tags: [],
    url: 'https://mms.pinduoduo.com/aftersales/work_order/list',
    dueHistory: [],
    firstSeenAt: NOW - 5 * D,
    lastSeenAt: NOW - H,
    ...over,
  };
}
const shop = (over: Partial<Shop> & Pick<Shop, 'platform' | 'shopId'>): Shop => ({
  key: `${over.platform}:${over.shopId}`,
  muted: false,
  firstSeenAt: NOW - 10 * D,
  lastSeenAt: NOW,
  ...over,
});

describe('summarizeAnalytics', () => {
  it('counts an empty store as zeros with every platform and the last seven days present', () => {
    const s = summarizeAnalytics([], [], NOW, DEFAULT_SETTINGS);
    expect(s.totals).toEqual({
      open: 0,
      overdue: 0,
      dueSoon: 0,
      dueToday: 0,
      later: 0,
      waiting: 0,
      none: 0,
      noDeadline: 0,
      unseen: 0,
    });
    expect(s.byPlatform.map((p) => p.platform)).toEqual(['pdd', 'douyin', 'taobao']);
    expect(s.byShop).toEqual([]);
    expect(s.byKind).toEqual([]);
    expect(s.handledByDay).toHaveLength(HANDLED_DAYS);
    expect(s.handledByDay.map((d) => d.day)).toEqual([
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
    ]);
    // Beijing midnight, whatever the machine's zone.
    expect(s.handledByDay[6]!.start).toBe(Date.UTC(2026, 10, 24, 16));
    expect(s.sources).toEqual({ platform: 0, rule: 0, byRule: [] });
  });

  it('buckets open tickets by state(): overdue at the deadline, due soon in the settings window, no deadline, unseen apart', () => {
    const tickets = [
      ticket({ dueAt: NOW - H, dueSource: 'platform' }),
      ticket({ dueAt: NOW, dueSource: 'platform' }), // due exactly now: overdue
      ticket({ dueAt: NOW + H, dueSource: 'rule:default' }),
      ticket({ dueAt: NOW + DUE_SOON_MS, dueSource: 'rule:default' }), // 24 h left of a 24 h budget: later
      ticket({ dueAt: NOW + DUE_SOON_MS + 1, dueSource: 'platform' }), // beyond: only open
      ticket({}), // no trusted deadline
      ticket({ dueAt: NOW - H, dueSource: 'platform', unseenSince: NOW - 2 * H }), // unseen: not overdue
      ticket({ status: 'processing', dueAt: NOW - 2 * H, dueSource: 'platform' }),
      ticket({ status: 'done', dueAt: NOW - 3 * H, dueSource: 'platform' }), // finished: not open
    ];
    const s = summarizeAnalytics(tickets, [], NOW, DEFAULT_SETTINGS);
    expect(s.totals).toEqual({
      open: 8,
      overdue: 3,
      dueSoon: 1,
      dueToday: 1,
      later: 2,
      waiting: 0,
      none: 2,
      noDeadline: 1,
      unseen: 1,
    });
  });

  it('groups by platform and shop, labels shops by alias or name (never the id), and keeps shops with no tickets', () => {
    const shops = [
      shop({ platform: 'pdd', shopId: 's1', name: '暖居家纺', alias: '家纺店' }),
      shop({ platform: 'douyin', shopId: 'd1', name: '抖店一号' }),
      shop({ platform: 'taobao', shopId: 'empty', muted: true }),
    ];
    const tickets = [
      ticket({ dueAt: NOW - H, dueSource: 'platform' }),
      ticket({ dueAt: NOW + H, dueSource: 'platform' }),
      ticket({
        platform: 'douyin',
        shopId: 'd1',
        kind: 'service-request',
        dueAt: NOW + 2 * H,
        dueSource: 'rule:douyin-service-normal',
      }),
      // A shop with no row of its own: labelled from the ticket.
      ticket({ platform: 'douyin', shopId: 'd2', shopName: '抖店二号', kind: 'service-request' }),
    ];
    const s = summarizeAnalytics(tickets, shops, NOW, DEFAULT_SETTINGS);
    expect(s.byPlatform.find((p) => p.platform === 'pdd')).toMatchObject({ open: 2, overdue: 1, dueSoon: 1 });
    expect(s.byPlatform.find((p) => p.platform === 'douyin')).toMatchObject({ open: 2, dueSoon: 1, noDeadline: 1 });
    expect(s.byPlatform.find((p) => p.platform === 'taobao')).toMatchObject({ open: 0 });
    expect(s.byShop.map((x) => [x.shopKey, x.label, x.open])).toEqual([
      ['pdd:s1', '家纺店', 2],
      ['douyin:d1', '抖店一号', 1],
      ['douyin:d2', '抖店二号', 1],
      ['taobao:empty', '', 0], // no name known: shown as 未命名店铺, never the id
    ]);
    expect(s.byShop.find((x) => x.shopKey === 'taobao:empty')?.muted).toBe(true);
  });

  it('distributes open tickets by kind in the model order', () => {
    const tickets = [
      ticket({ kind: 'urge-pickup' }),
      ticket({ kind: 'refund' }),
      ticket({ kind: 'refund' }),
      ticket({ kind: 'consult', status: 'closed' }),
    ];
    expect(summarizeAnalytics(tickets, [], NOW, DEFAULT_SETTINGS).byKind).toEqual([
      { kind: 'refund', count: 2 },
      { kind: 'urge-pickup', count: 1 },
    ]);
  });

  it('counts handled tickets by the Beijing day they were last seen, over the last seven days', () => {
    const tickets = [
      ticket({ status: 'done', lastSeenAt: NOW - H }), // today 09:00
      ticket({ status: 'closed', lastSeenAt: Date.UTC(2026, 10, 24, 16) }), // today 00:00 Beijing
      ticket({ status: 'done', lastSeenAt: Date.UTC(2026, 10, 24, 15, 59) }), // yesterday 23:59 Beijing
      ticket({ status: 'done', lastSeenAt: Date.UTC(2026, 10, 18, 16) }), // 2026-11-19 00:00: first day shown
      ticket({ status: 'done', lastSeenAt: Date.UTC(2026, 10, 18, 15, 59) }), // 11-18: too old
      ticket({ status: 'done', lastSeenAt: NOW + D }), // tomorrow (clock skew): not shown
      ticket({ status: 'pending', lastSeenAt: NOW - H }), // open: not handled
    ];
    const days = summarizeAnalytics(tickets, [], NOW, DEFAULT_SETTINGS).handledByDay;
    expect(Object.fromEntries(days.map((d) => [d.day, d.count]))).toEqual({
      '2026-11-19': 1,
      '2026-11-20': 0,
      '2026-11-21': 0,
      '2026-11-22': 0,
      '2026-11-23': 0,
      '2026-11-24': 1,
      '2026-11-25': 2,
    });
  });

  it('shares deadline sources among open tickets with a deadline, per rule most used first', () => {
    const tickets = [
      ticket({ dueAt: NOW + H, dueSource: 'platform' }),
      ticket({ dueAt: NOW + H, dueSource: 'platform' }),
      ticket({ dueAt: NOW + H, dueSource: 'rule:default' }),
      ticket({ dueAt: NOW + H, dueSource: 'rule:taobao-urge-pickup' }),
      ticket({ dueAt: NOW + H, dueSource: 'rule:taobao-urge-pickup' }),
      ticket({}),
      ticket({ status: 'done', dueAt: NOW + H, dueSource: 'platform' }),
    ];
    expect(summarizeAnalytics(tickets, [], NOW, DEFAULT_SETTINGS).sources).toEqual({
      platform: 2,
      rule: 3,
      byRule: [
        { ruleId: 'taobao-urge-pickup', count: 2 },
        { ruleId: 'default', count: 1 },
      ],
    });
  });

  it('gives the same answer whatever the machine zone says (no Date parsing inside)', () => {
    const tickets = [ticket({ status: 'done', lastSeenAt: Date.UTC(2026, 10, 24, 16) })];
    const a = summarizeAnalytics(tickets, [], NOW, DEFAULT_SETTINGS);
    const prev = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(summarizeAnalytics(tickets, [], NOW, DEFAULT_SETTINGS)).toEqual(a);
    } finally {
      process.env.TZ = prev;
    }
  });
});

describe('bar helpers', () => {
  it('scales to the largest value and never divides by zero', () => {
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(1, 3)).toBe(33.3);
    expect(barPercent(0, 0)).toBe(0);
    expect(barPercent(12, 10)).toBe(100);
    expect(sharePercent(1, 3)).toBe(33);
    expect(sharePercent(1, 0)).toBe(0);
  });
});
