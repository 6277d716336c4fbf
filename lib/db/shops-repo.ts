/**
 * Shop repository: the merchant's own fields (alias, muted). Everything else in a shop row is written by
 * ingestBatch (tickets-repo.ts), which keeps these two when it refreshes a shop.
 */
import Dexie from 'dexie';
import type { RadarDb } from './schema';

/** Sets or (with `''`) removes a shop's alias. Returns false when the shop is gone or nothing changed. */
export async function setShopAlias(db: RadarDb, key: string, alias: string): Promise<boolean> {
  return db.transaction('rw', db.shops, async () => {
    const shop = await db.shops.get(key);
    if (!shop || (shop.alias ?? '') === alias) return false;
    const { alias: _old, ...rest } = shop;
    await db.shops.put(alias ? { ...rest, alias } : rest);
    return true;
  });
}

/** Mutes or unmutes a shop: muted shops keep their countdowns and counts but raise no alerts. */
export async function setShopMuted(db: RadarDb, key: string, muted: boolean): Promise<boolean> {
  return db.transaction('rw', db.shops, async () => {
    const shop = await db.shops.get(key);
    if (!shop || shop.muted === muted) return false;
    await db.shops.put({ ...shop, muted });
    return true;
  });
}

/** Shop ids the adapters make up when the page names none (lib/adapters/shared.ts, fallbackShop). */
export const isFallbackShopId = (shopId: string): boolean => shopId === 'default' || shopId.startsWith('name-');

/**
 * A page that does not say which shop it is (a 工单 detail page whose responses carry no mall id) must
 * not file its tickets under a made-up shop next to the real one. Resolved, in order of evidence:
 * the known shop with the name the page header shows; the shop that already holds these tickets; the
 * platform's only known shop. When none decides, the fallback id stays (two shops are never mixed).
 */
export async function resolveShopId(
  db: RadarDb,
  platform: string,
  shop: { shopId: string; name?: string | undefined },
  nativeIds: readonly string[],
): Promise<string> {
  if (!isFallbackShopId(shop.shopId)) return shop.shopId;
  const real = (await db.shops.where('platform').equals(platform).toArray()).filter((s) => !isFallbackShopId(s.shopId));
  if (real.length === 0) return shop.shopId;
  if (shop.name) {
    const byName = real.filter((s) => s.name === shop.name || s.alias === shop.name);
    if (byName.length === 1) return byName[0]!.shopId;
  }
  if (nativeIds.length) {
    const ids = new Set(nativeIds);
    const holders = new Set<string>();
    await db.tickets
      .where('[platform+shopId]')
      .between([platform, Dexie.minKey], [platform, Dexie.maxKey])
      .each((t) => {
        if (ids.has(t.nativeId) && !isFallbackShopId(t.shopId)) holders.add(t.shopId);
      });
    if (holders.size === 1) return [...holders][0]!;
    if (holders.size > 1) return shop.shopId;
  }
  return real.length === 1 ? real[0]!.shopId : shop.shopId;
}
