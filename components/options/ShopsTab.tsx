/** 店铺: every shop seen, its alias and whether it may raise alerts. */
import { useState, type KeyboardEvent } from 'react';
import { db } from '@/lib/db/schema';
import { platformName, platformStyle, t } from '@/lib/i18n';
import { PLATFORMS, type Shop } from '@/lib/model';
import { formatBeijing } from '@/lib/time';
import { useLiveQuery } from 'dexie-react-hooks';
import { setShopAlias, setShopMuted } from '@/lib/db/shops-repo';
import { isFallbackShopId, normaliseAlias } from './shop-actions';
import { Loading, Section } from './ui';

/**
 * Open tickets per shop key, counted from the `status` index, and the shop name the tickets carry (a shop row
 * made before a page showed its name has none).
 */
async function openCounts(): Promise<{ counts: Map<string, number>; names: Map<string, string> }> {
  const counts = new Map<string, number>();
  const names = new Map<string, string>();
  await db()
    .tickets.where('status')
    .anyOf('pending', 'processing')
    .each((t) => {
      const key = `${t.platform}:${t.shopId}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (t.shopName) names.set(key, t.shopName);
    });
  return { counts, names };
}

/** What the merchant calls a shop: never an internal id (`name-1uwmft0`, `default`). */
export function shopDisplayName(shop: Pick<Shop, 'alias' | 'name'>, fromTickets?: string): string {
  return shop.alias || shop.name || fromTickets || t('shopUnnamed');
}

function AliasField({ shop, name }: { shop: Shop; name: string }) {
  const [value, setValue] = useState(shop.alias ?? '');
  const [error, setError] = useState(false);
  const commit = () => {
    const alias = normaliseAlias(value);
    if (alias === undefined) return setError(true);
    setError(false);
    void setShopAlias(db(), shop.key, alias);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') {
      setValue(shop.alias ?? '');
      setError(false);
    }
  };
  const errId = `alias-err-${shop.key}`;
  return (
    <>
      <input
        type="text"
        className="opt-input"
        value={value}
        maxLength={40}
        placeholder={name}
        aria-label={t('opt_shop_alias_for', name)}
        aria-invalid={error}
        aria-describedby={error ? errId : undefined}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error && (
        <span className="opt-error" id={errId} role="alert">
          {t('opt_err_alias')}
        </span>
      )}
    </>
  );
}

export function ShopsTab() {
  const data = useLiveQuery(() => Promise.all([db().shops.toArray(), openCounts()]), []);
  if (!data) return <Loading />;
  const [shops, { counts, names }] = data;
  const sorted = [...shops].sort(
    (a, b) => PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform) || a.lastSeenAt - b.lastSeenAt,
  );
  return (
    <Section id="shops" title={t('opt_tab_shops')} hint={t('opt_shops_hint')}>
      {sorted.length === 0 ? (
        <p className="opt-empty">{t('opt_shops_empty')}</p>
      ) : (
        <table className="opt-table">
          <thead>
            <tr>
              <th scope="col">{t('opt_col_platform')}</th>
              <th scope="col">{t('opt_col_shop')}</th>
              <th scope="col">{t('opt_col_alias')}</th>
              <th scope="col">{t('opt_col_seen')}</th>
              <th scope="col" className="num">
                {t('opt_col_open')}
              </th>
              <th scope="col">{t('opt_col_alerts')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((s) => (
              <tr key={s.key} data-shop-key={s.key} data-muted={s.muted}>
                <td>
                  <span className="opt-plat" style={platformStyle(s.platform)}>
                    {platformName(s.platform)}
                  </span>
                </td>
                <td>
                  <div data-shop-name>{shopDisplayName({ name: s.name }, names.get(s.key))}</div>
                  {/* The platform's own shop number helps support; a made-up stand-in id means nothing to anyone. */}
                  {!isFallbackShopId(s.shopId) && (
                    <div className="opt-mono opt-muted opt-small">{t('opt_shop_id', s.shopId)}</div>
                  )}
                  {isFallbackShopId(s.shopId) && (
                    <div className="opt-warn-text" title={t('opt_shop_fallback_help')}>
                      {t('opt_shop_fallback')}
                    </div>
                  )}
                </td>
                <td>
                  {/* Remounted when the stored alias changes elsewhere, so the field shows it. */}
                  <AliasField key={s.alias ?? ''} shop={s} name={shopDisplayName({ name: s.name }, names.get(s.key))} />
                </td>
                <td className="opt-nowrap">
                  <div>
                    {t('opt_first_seen')} {formatBeijing(s.firstSeenAt)}
                  </div>
                  <div>
                    {t('opt_last_seen')} {formatBeijing(s.lastSeenAt)}
                  </div>
                </td>
                <td className="num">{counts.get(s.key) ?? 0}</td>
                <td>
                  <button type="button" className="opt-btn" onClick={() => void setShopMuted(db(), s.key, !s.muted)}>
                    {s.muted ? t('opt_shop_unmute') : t('opt_shop_mute')}
                  </button>
                  <div className={`opt-small ${s.muted ? 'opt-warn-text' : 'opt-muted'}`}>
                    {s.muted ? t('opt_shop_muted_note') : t('opt_shop_alerts_on')}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
