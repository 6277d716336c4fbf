/**
 * Shop repository: the merchant's own fields (alias, muted). Everything else in a shop row is written by
 * ingestBatch (tickets-repo.ts), which keeps these two when it refreshes a shop.
 */
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

