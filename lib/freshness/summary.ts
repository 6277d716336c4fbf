/**
 * How old each shop's data is (issue 14), for the popup and the page indicator. Pure: rows from the Dexie
 * `freshness` table, shops, settings and `now` in; plain values out. The popup calls {@link shopFreshness} in a
 * live query, so the ages update while it is open.
 */
import type { Settings } from '../model/settings';
import type { Shop } from '../model/shop';
import type { Platform } from '../model/ticket';
import { t } from '../i18n';
// The light helper, not dayjs: the page's freshness indicator uses this module (issue 12).
import { beijingHourMinute } from '../time/light';
import type { FreshRow } from './schedule';

export interface SurfaceFreshness {
  surface: string;
  lastReadAt?: number | undefined;
  lastCompleteAt?: number | undefined;
  lastLoggedOutAt?: number | undefined;
  backoffReason?: FreshRow['backoffReason'];
}

export interface ShopFreshness {
  shopKey: string;
  platform: Platform;
  /** The merchant's alias, else the page's name, else the id. */
  name: string;
  /** Newest read of any of the shop's surfaces. */
  lastReadAt?: number | undefined;
  ageMs?: number | undefined;
  /** A tab of the shop's lists is open and the platform is kept fresh. */
  keptFresh: boolean;
  /** Past the stale threshold (30 min kept fresh, 2 h otherwise by default), or never read. */
  stale: boolean;
  /** The newest word from the shop is a logged-out page. */
  loggedOut: boolean;
  intervalMin: number;
  surfaces: SurfaceFreshness[];
}

/** A row counts as watched when a tick saw a tab on it within this many intervals. */
const WATCHED_INTERVALS = 3;

export function shopFreshness(
  rows: readonly FreshRow[],
  shops: readonly Shop[],
  settings: Pick<Settings, 'freshness'>,
  now: number,
): ShopFreshness[] {
  const f = settings.freshness;
  const intervalMs = f.intervalMin * 60_000;
  const byShop = new Map<string, FreshRow[]>();
  for (const r of rows) byShop.set(r.shopKey, [...(byShop.get(r.shopKey) ?? []), r]);
  const shopOf = new Map(shops.map((s) => [s.key, s]));
  const out: ShopFreshness[] = [];
  for (const [key, list] of byShop) {
    const first = list[0]!;
    const shop = shopOf.get(key);
    const reads = list.map((r) => r.lastReadAt).filter((x): x is number => x !== undefined);
    const lastReadAt = reads.length ? Math.max(...reads) : undefined;
    const keptFresh =
      f.keepFresh[first.platform] &&
      list.some((r) => r.watchedAt !== undefined && now - r.watchedAt < WATCHED_INTERVALS * intervalMs);
    const threshold = keptFresh ? f.staleKeptMs : f.staleOtherMs;
    const ageMs = lastReadAt === undefined ? undefined : Math.max(0, now - lastReadAt);
    const loggedOut = list.some((r) => r.lastLoggedOutAt !== undefined && r.lastLoggedOutAt > (r.lastReadAt ?? 0));
    out.push({
      shopKey: key,
      platform: first.platform,
      name: shop?.alias ?? shop?.name ?? first.shopId,
      lastReadAt,
      ageMs,
      keptFresh,
      stale: ageMs === undefined || ageMs > threshold,
      loggedOut,
      intervalMin: f.intervalMin,
      surfaces: list
        .map((r) => ({
          surface: r.surface,
          lastReadAt: r.lastReadAt,
          lastCompleteAt: r.lastCompleteAt,
          lastLoggedOutAt: r.lastLoggedOutAt,
          backoffReason: r.backoffReason,
        }))
        .sort((a, b) => (a.surface < b.surface ? -1 : 1)),
    });
  }
  return out.sort((a, b) => (a.shopKey < b.shopKey ? -1 : 1));
}

/** `3 分钟前` / `刚刚` / `2 小时前`. */
export function ageText(ageMs: number | undefined): string {
  if (ageMs === undefined) return t('freshNever');
  const m = Math.floor(ageMs / 60_000);
  if (m < 1) return t('freshJustNow');
  if (m < 60) return t('freshMinutesAgo', m);
  return t('freshHoursAgo', Math.floor(m / 60));
}

/** `每 5 分钟自动刷新 · 上次 10:42` (or paused / off), for the page indicator and the popup. */
export function indicatorText(s: {
  intervalMin: number;
  lastReadAt?: number | undefined;
  paused: boolean;
  on: boolean;
}) {
  const last = s.lastReadAt === undefined ? t('freshNever') : beijingHourMinute(s.lastReadAt);
  if (!s.on) return t('freshIndicatorOff', last);
  return s.paused ? t('freshIndicatorPaused', last) : t('freshIndicator', s.intervalMin, last);
}
