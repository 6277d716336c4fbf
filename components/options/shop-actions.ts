/**
 * The two shop fields the merchant edits (alias, muted). Everything else in a shop row is written by
 * ingestBatch (lib/db/tickets-repo.ts), which keeps both fields when it refreshes a shop.
 */
import type { RadarDb } from '@/lib/db/schema';
import { ShopSchema } from '@/lib/model/shop';

const AliasSchema = ShopSchema.shape.alias.unwrap();

/** Trims and checks an alias as typed; `''` removes it. Undefined when it is too long. */
export function normaliseAlias(typed: string): string | undefined {
  const v = typed.trim();
  return AliasSchema.safeParse(v).success ? v : undefined;
}

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

/** Shop ids the adapters make up when the page gives none (lib/adapters/shared.ts, fallbackShop). */
export const isFallbackShopId = (shopId: string): boolean => shopId === 'default' || shopId.startsWith('name-');
