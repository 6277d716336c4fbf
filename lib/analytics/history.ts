/**
 * "How are we doing": on-time rate, trend, volume, problem products and time to handle, from the stored
 * tickets. Pure, `now` passed in. One pass over the rows, so 50,000 tickets cost tens of milliseconds (and the
 * options page runs it in a worker anyway: lib/analytics/worker.ts).
 *
 * What we can know: a ticket is handled when a page last showed it done or closed; `lastSeenAt` is then the
 * best estimate of when (we only know when a page last showed it). A handled ticket was on time when that was
 * at or before its deadline; tickets without a trusted deadline are left out of the rate, not counted on time.
 */
import { dayKey, dayOf, dayStart, weekdayOf } from '../sla/beijing';
import {
  PLATFORMS,
  TICKET_KINDS,
  isOpenStatus,
  shopKey,
  type Platform,
  type Ticket,
  type TicketKind,
} from '../model/ticket';

/** Days of the trend chart, today included. */
export const TREND_DAYS = 14;
/** Weeks of the on-time table, this week included. */
export const RATE_WEEKS = 8;
/** After-sale kinds: the merchants' "which product keeps causing after-sale problems". */
export const AFTER_SALE_KINDS: readonly TicketKind[] = ['refund', 'return', 'exchange'];
export const TOP_PRODUCTS = 10;

export interface OnTime {
  /** Handled with a deadline. */
  handled: number;
  onTime: number;
  /** 0–100, one decimal; undefined when nothing was handled with a deadline. */
  rate?: number;
}

export interface TrendDay {
  day: string;
  /** First seen that day. */
  opened: number;
  /** Handled (last seen done/closed) that day. */
  handled: number;
  /** Deadlines that passed that day with the ticket not handled by then. */
  late: number;
}

export interface History {
  onTime: OnTime;
  byPlatform: ({ platform: Platform } & OnTime)[];
  byShop: ({ shopKey: string; platform: Platform } & OnTime)[];
  /** Monday-start Beijing weeks, oldest first. */
  byWeek: ({ week: string } & OnTime)[];
  trend: TrendDay[];
  /** All tickets (open and handled) per kind, in TICKET_KINDS order, kinds with none left out. */
  volumeByKind: { kind: TicketKind; count: number }[];
  /** After-sale tickets per product text, most first. */
  products: { product: string; count: number }[];
  /** Median first seen → handled, ms; undefined when nothing was handled. */
  medianHandleMs?: number;
}

const rate = (o: { handled: number; onTime: number }): OnTime =>
  o.handled ? { ...o, rate: Math.round((o.onTime / o.handled) * 1000) / 10 } : { ...o };

/** Beijing Monday of a day, as a day number. */
const weekOf = (day: number) => day - ((weekdayOf(day) + 6) % 7);

/** The median of numbers (sorts a copy). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

export function summarizeHistory(tickets: readonly Ticket[], now: number): History {
  const total = { handled: 0, onTime: 0 };
  const plat = new Map<Platform, { handled: number; onTime: number }>(
    PLATFORMS.map((p) => [p, { handled: 0, onTime: 0 }]),
  );
  const shops = new Map<string, { platform: Platform; handled: number; onTime: number }>();
  const today = dayOf(now);
  const thisWeek = weekOf(today);
  const firstWeek = thisWeek - 7 * (RATE_WEEKS - 1);
  const weeks = Array.from({ length: RATE_WEEKS }, () => ({ handled: 0, onTime: 0 }));
  const firstDay = today - (TREND_DAYS - 1);
  const trend = Array.from({ length: TREND_DAYS }, (_, i) => ({
    day: dayKey(firstDay + i),
    opened: 0,
    handled: 0,
    late: 0,
  }));
  const kinds = new Map<TicketKind, number>();
  const products = new Map<string, number>();
  const spans: number[] = [];
  const inTrend = (ms: number) => {
    const d = dayOf(ms) - firstDay;
    return d >= 0 && d < TREND_DAYS ? trend[d] : undefined;
  };

  for (const t of tickets) {
    kinds.set(t.kind, (kinds.get(t.kind) ?? 0) + 1);
    if (t.product && AFTER_SALE_KINDS.includes(t.kind)) products.set(t.product, (products.get(t.product) ?? 0) + 1);
    const o = inTrend(t.firstSeenAt);
    if (o) o.opened += 1;
    const open = isOpenStatus(t.status);
    const handledAt = open ? undefined : t.lastSeenAt;
    if (handledAt !== undefined) {
      const h = inTrend(handledAt);
      if (h) h.handled += 1;
      spans.push(Math.max(0, handledAt - t.firstSeenAt));
    }
    if (t.dueAt !== undefined && t.dueAt <= now && (handledAt === undefined ? !t.unseenSince : handledAt > t.dueAt)) {
      const l = inTrend(t.dueAt);
      if (l) l.late += 1;
    }
    if (handledAt === undefined || t.dueAt === undefined) continue;
    const onTime = handledAt <= t.dueAt ? 1 : 0;
    const add = (c: { handled: number; onTime: number }) => {
      c.handled += 1;
      c.onTime += onTime;
    };
    add(total);
    add(plat.get(t.platform)!);
    const sk = shopKey(t.platform, t.shopId);
    let s = shops.get(sk);
    if (!s) shops.set(sk, (s = { platform: t.platform, handled: 0, onTime: 0 }));
    add(s);
    const w = (weekOf(dayOf(handledAt)) - firstWeek) / 7;
    if (w >= 0 && w < RATE_WEEKS) add(weeks[w]!);
  }

  const medianHandleMs = median(spans);
  return {
    onTime: rate(total),
    byPlatform: PLATFORMS.map((platform) => ({ platform, ...rate(plat.get(platform)!) })),
    byShop: [...shops]
      .map(([key, s]) => ({ shopKey: key, platform: s.platform, ...rate(s) }))
      .sort((a, b) => b.handled - a.handled || (a.shopKey < b.shopKey ? -1 : 1)),
    byWeek: weeks.map((w, i) => ({ week: dayKey(firstWeek + 7 * i), ...rate(w) })),
    trend,
    volumeByKind: TICKET_KINDS.filter((k) => kinds.has(k)).map((kind) => ({ kind, count: kinds.get(kind)! })),
    products: [...products]
      .map(([product, count]) => ({ product, count }))
      .sort((a, b) => b.count - a.count || (a.product < b.product ? -1 : 1))
      .slice(0, TOP_PRODUCTS),
    ...(medianHandleMs !== undefined ? { medianHandleMs } : {}),
  };
}

/** Beijing midnight of a trend day key is `dayStart(dayOf(...))`; exported for tests that build days. */
export const dayStartOf = (ms: number) => dayStart(dayOf(ms));
