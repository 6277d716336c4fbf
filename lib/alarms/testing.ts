/** Test helpers for lib/alarms: tickets, shops and settings around a fixed instant. Imported by tests only. */
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import type { Shop } from '../model/shop';
import type { Ticket } from '../model/ticket';
import { bj } from '../sla/testing';

export const MIN = 60_000;
export const H = 60 * MIN;
/** A Wednesday morning, Beijing time. */
export const NOW = bj('2026-11-25 10:00');

/** An open PDD ticket of shop `s`, overridable field by field. */
export const tk = (id: string, over: Partial<Ticket> = {}): Ticket => ({
  key: `pdd:${over.shopId ?? 's'}:workorder:${id}`,
  platform: 'pdd',
  surface: 'pdd.work-order-list',
  shopId: 's',
  nativeId: id,
  kind: 'refund',
  title: 't',
  status: 'pending',
  urgent: false,
  tags: [],
  url: `https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=${id}`,
  dueHistory: [],
  firstSeenAt: NOW - 24 * H,
  lastSeenAt: NOW - H,
  dueSource: 'platform',
  ...over,
});

/** A ticket whose platform deadline is `dueAt`. */
export const due = (id: string, dueAt: number, over: Partial<Ticket> = {}): Ticket =>
  tk(id, { dueAt, platformDueAt: dueAt, ...over });

/**
 * An informational rule (like pdd-order-review, which no surface reads yet) on the Taobao task list, and a
 * ticket it applies to: deadlines shown, never alerted.
 */
export const withInformationalRule = (s: Settings): Settings => ({
  ...s,
  rules: [
    {
      id: 'test-info',
      name: '仅供参考',
      enabled: true,
      match: { surfaces: ['taobao.task-tickets'], platforms: [], kinds: [], tagsAny: ['订单审核中'] },
      budgetMs: 24 * H,
      clock: { type: 'calendar' },
      informational: true,
    },
    ...s.rules,
  ],
});
export const informationalTicket = (id: string, createdAt: number): Ticket =>
  tk(id, {
    key: `taobao:s:task:${id}`,
    platform: 'taobao',
    surface: 'taobao.task-tickets',
    kind: 'platform-notice',
    tags: ['订单审核中'],
    createdAt,
    dueAt: createdAt + 24 * H,
    dueSource: 'rule:test-info',
  });

export const shop = (shopId: string, over: Partial<Shop> = {}): Shop => ({
  key: `pdd:${shopId}`,
  platform: 'pdd',
  shopId,
  name: `店铺${shopId}`,
  muted: false,
  firstSeenAt: NOW - 24 * H,
  lastSeenAt: NOW,
  ...over,
});

export const withSettings = (
  over: Partial<Settings['notifications']> = {},
  clock: Partial<Settings['merchantClock']> = {},
): Settings => ({
  ...DEFAULT_SETTINGS,
  notifications: { ...DEFAULT_SETTINGS.notifications, ...over },
  merchantClock: { ...DEFAULT_SETTINGS.merchantClock, ...clock },
});
