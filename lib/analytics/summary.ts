/**
 * The numbers behind the options page's 概览 tab: open work per platform and shop, what is overdue or due
 * soon, where deadlines came from, and roughly how much was handled per day. Pure: the caller passes the
 * rows and `now` (conventions.md, principle 2), so tests need no clock.
 */
import { dayKey, dayOf, dayStart } from '../sla/beijing';
import { PLATFORMS, TICKET_KINDS, isOpenStatus, shopKey, type Platform, type TicketKind } from '../model/ticket';
import type { Shop, Ticket } from '../model';
import type { Settings } from '../model/settings';
import { countState, state, zeroCounts, type StateCounts } from '../tickets/state';

/** Days of the handled-per-day chart, today included. */
export const HANDLED_DAYS = 7;

/**
 * Counts for one group of tickets: the one deadline state's counts (lib/tickets/state.ts), the same as the
 * toolbar and the popup, plus the two reasons for `none` the overview names. `unseen` tickets count as open but
 * never as overdue: one a complete listing stopped showing was probably handled elsewhere.
 */
export interface Counts extends StateCounts {
  /** No deadline we can trust, or an informational one (none from the platform, no rule, unreadable). */
  noDeadline: number;
  /** Open, but a complete listing stopped showing it (`unseenSince`). */
  unseen: number;
}

export interface PlatformSummary extends Counts {
  platform: Platform;
}

export interface ShopSummary extends Counts {
  platform: Platform;
  /** `platform:shopId`. */
  shopKey: string;
  shopId: string;
  /** The merchant's alias, else the page's shop name; empty when neither is known (shown as 未命名店铺, never the id). */
  label: string;
  muted: boolean;
}

export interface HandledDay {
  /** `YYYY-MM-DD`, Beijing. */
  day: string;
  /** Beijing midnight of that day, epoch ms. */
  start: number;
  count: number;
}

export interface SourceShare {
  /** Open tickets whose deadline the platform gave. */
  platform: number;
  /** Open tickets whose deadline a rule computed. */
  rule: number;
  /** Rule deadlines per rule id, most used first. */
  byRule: { ruleId: string; count: number }[];
}

export interface AnalyticsSummary {
  now: number;
  totals: Counts;
  /** Every platform, in PLATFORMS order, zero rows included so the table keeps its shape. */
  byPlatform: PlatformSummary[];
  /** Every known shop plus shops only tickets mention; most open first, then by platform and key. */
  byShop: ShopSummary[];
  /** Open tickets per kind, in TICKET_KINDS order, kinds with none left out. */
  byKind: { kind: TicketKind; count: number }[];
  /**
   * Tickets now done or closed, by the Beijing day they were last seen, oldest day first. `lastSeenAt` is an
   * approximation of when a ticket was handled: we only know when a page last showed it.
   */
  handledByDay: HandledDay[];
  sources: SourceShare;
}

const zero = (): Counts => ({ ...zeroCounts(), noDeadline: 0, unseen: 0 });

function add(c: Counts, t: Ticket, settings: Pick<Settings, 'tiers' | 'rules'>, now: number): void {
  const st = state(t, settings, now);
  if (st.why === 'finished') return;
  countState(c, st);
  if (st.why === 'unseen') c.unseen += 1;
  else if (st.why === 'no-deadline' || st.why === 'informational') c.noDeadline += 1;
}

/**
 * Summarises every stored ticket (open and finished) for the overview.
 * @param tickets all rows of the tickets table
 * @param shops all rows of the shops table (labels, muted state, shops with no tickets)
 * @param now the moment "overdue" and "today" refer to
 * @param settings the tiers (the one 即将到期 window) and rules (budgets, informational) state() reads
 */
export function summarizeAnalytics(
  tickets: readonly Ticket[],
  shops: readonly Shop[],
  now: number,
  settings: Pick<Settings, 'tiers' | 'rules'>,
): AnalyticsSummary {
  const totals = zero();
  const byPlatform = new Map<Platform, PlatformSummary>(PLATFORMS.map((p) => [p, { platform: p, ...zero() }]));
  const byShop = new Map<string, ShopSummary>();
  for (const s of shops) {
    byShop.set(s.key, {
      platform: s.platform,
      shopKey: s.key,
      shopId: s.shopId,
      label: s.alias ?? s.name ?? '',
      muted: s.muted,
      ...zero(),
    });
  }
  const kinds = new Map<TicketKind, number>();
  const today = dayOf(now);
  const firstDay = today - (HANDLED_DAYS - 1);
  const handled = new Array<number>(HANDLED_DAYS).fill(0);
  const sources: SourceShare = { platform: 0, rule: 0, byRule: [] };
  const rules = new Map<string, number>();

  for (const t of tickets) {
    add(totals, t, settings, now);
    add(byPlatform.get(t.platform)!, t, settings, now);
    const key = shopKey(t.platform, t.shopId);
    let shop = byShop.get(key);
    if (!shop) {
      // A ticket whose shop row is missing (e.g. restored from a partial backup) still counts.
      shop = {
        platform: t.platform,
        shopKey: key,
        shopId: t.shopId,
        label: t.shopName ?? '',
        muted: false,
        ...zero(),
      };
      byShop.set(key, shop);
    }
    if (!shop.label && t.shopName) shop.label = t.shopName;
    add(shop, t, settings, now);

    if (isOpenStatus(t.status)) {
      kinds.set(t.kind, (kinds.get(t.kind) ?? 0) + 1);
      if (t.dueAt !== undefined && t.dueSource !== undefined) {
        if (t.dueSource === 'platform') sources.platform += 1;
        else {
          sources.rule += 1;
          const id = t.dueSource.slice('rule:'.length);
          rules.set(id, (rules.get(id) ?? 0) + 1);
        }
      }
    } else {
      const day = dayOf(t.lastSeenAt);
      if (day >= firstDay && day <= today) handled[day - firstDay]! += 1;
    }
  }

  sources.byRule = [...rules]
    .map(([ruleId, count]) => ({ ruleId, count }))
    .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));

  return {
    now,
    totals,
    byPlatform: [...byPlatform.values()],
    // Platform order then key, not the label: collation of Chinese labels differs between ICU builds.
    byShop: [...byShop.values()].sort(
      (a, b) =>
        b.open - a.open ||
        PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform) ||
        (a.shopKey < b.shopKey ? -1 : 1),
    ),
    byKind: TICKET_KINDS.filter((k) => kinds.has(k)).map((kind) => ({ kind, count: kinds.get(kind)! })),
    handledByDay: handled.map((count, i) => ({ day: dayKey(firstDay + i), start: dayStart(firstDay + i), count })),
    sources,
  };
}

/** A bar's share of the largest value, in percent (0–100), for CSS bar widths; 0 when everything is 0. */
export function barPercent(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.min(100, Math.round((value / max) * 1000) / 10);
}

/** Whole percent of a part in a total, 0 for an empty total. */
export function sharePercent(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 100) : 0;
}
