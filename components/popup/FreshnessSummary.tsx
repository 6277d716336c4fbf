/**
 * Per-shop freshness in the popup (issue 14): `暖居家纺 · 3 分钟前`, a stale warning past the threshold, 登录已失效
 * for a logged-out shop. Self-contained: a live query over the Dexie `freshness` and `shops` tables (the popup
 * lives in the extension origin), so ages update while it is open. Mount it anywhere in the popup.
 *
 * Rows carry `data-shop-key`, `data-stale`, `data-logged-out` for tests.
 */
import { db } from '@/lib/db/schema';
import { platformName, t } from '@/lib/i18n';
import { shopFreshness, ageText, indicatorText } from '@/lib/freshness/summary';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useNow } from '../common/use-now';
import { useSettings } from '../common/use-settings';

/** Every shop's freshness, live (ages move on every 30 s while the popup is open). */
export function useShopFreshness(): ReturnType<typeof shopFreshness> {
  const settings = useSettings();
  const now = useNow(30_000);
  const data = useLiveQuery(
    async () => ({ rows: await db().freshness.toArray(), shops: await db().shops.toArray() }),
    [],
  );
  return useMemo(
    () => (data && data.rows.length ? shopFreshness(data.rows, data.shops, settings, now) : []),
    [data, settings, now],
  );
}

export function FreshnessSummary({ list }: { list: ReturnType<typeof shopFreshness> }) {
  if (list.length === 0) return null;
  return (
    <section className="pp-fresh" data-section="freshness" aria-label={t('freshPopupTitle')}>
      {list.map((s) => (
        <div
          key={s.shopKey}
          className={`pp-fresh__row${s.stale ? ' is-stale' : ''}`}
          // Minimal layout of its own, so it reads right wherever the popup mounts it.
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            gap: 8,
            fontSize: 12,
            color: s.loggedOut || s.stale ? '#b3261e' : undefined,
          }}
          data-shop-key={s.shopKey}
          data-stale={String(s.stale)}
          data-logged-out={String(s.loggedOut)}
          title={indicatorText({
            intervalMin: s.intervalMin,
            lastReadAt: s.lastReadAt,
            paused: false,
            on: s.keptFresh,
          })}
        >
          <span>
            {platformName(s.platform)} {s.name}
          </span>
          <span>
            {ageText(s.ageMs)}
            {s.keptFresh ? ` · ${t('freshKeptFresh')}` : ''}
            {s.loggedOut ? ` · ${t('freshLoggedOutShort')}` : s.stale ? ` · ${t('freshStale')}` : ''}
          </span>
        </div>
      ))}
    </section>
  );
}
