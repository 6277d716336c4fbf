/**
 * Shop repository: the merchant's own fields (alias, muted). Everything else in a shop row is written by
 * ingestBatch (tickets-repo.ts), which keeps these two when it refreshes a shop.
 */
import Dexie from 'dexie';
import type { RadarDb } from './schema';
import { isFallbackShopId, keyOf, resolveStoredShop } from '../identity/shop';
import { shopKey, type Platform, type Ticket } from '../model/ticket';

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

export { isFallbackShopId } from '../identity/shop';

/**
 * A batch that names no shop (a 工单 detail page whose responses carry no mall id) joins a real one when the
 * stored shops decide it (lib/identity/shop.ts, resolveStoredShop); this only gathers the evidence.
 */
export async function resolveShopId(
  db: RadarDb,
  platform: string,
  shop: { shopId: string; name?: string | undefined },
  nativeIds: readonly string[],
): Promise<string> {
  if (!isFallbackShopId(shop.shopId)) return shop.shopId;
  const realShops = (await db.shops.where('platform').equals(platform).toArray()).filter(
    (s) => !isFallbackShopId(s.shopId),
  );
  const holders = new Set<string>();
  if (realShops.length && nativeIds.length) {
    const ids = new Set(nativeIds);
    await db.tickets
      .where('[platform+shopId]')
      .between([platform, Dexie.minKey], [platform, Dexie.maxKey])
      .each((t) => {
        if (ids.has(t.nativeId) && !isFallbackShopId(t.shopId)) holders.add(t.shopId);
      });
  }
  return resolveStoredShop(shop, { realShops, holders });
}

/** Older row first, newer row's data: two copies of one ticket become one without losing either's history. */
function combine(older: Ticket, newer: Ticket, key: string, shopId: string): Ticket {
  const history = [...older.dueHistory, ...newer.dueHistory]
    .filter((c, i, all) => all.findIndex((d) => d.from === c.from && d.to === c.to) === i)
    .slice(-50);
  return {
    ...newer,
    key,
    shopId,
    tags: [...new Set([...older.tags, ...newer.tags])].slice(0, 20),
    dueHistory: history,
    firstSeenAt: Math.min(older.firstSeenAt, newer.firstSeenAt),
    lastSeenAt: Math.max(older.lastSeenAt, newer.lastSeenAt),
  };
}

export interface Rekeyed {
  /** `[old key, new key]` of every ticket moved. */
  moved: [from: string, to: string][];
}

/**
 * Moves the rows a page session stored under a stand-in shop (`from`, a fallback id) to the real shop that
 * appeared later, in one transaction: tickets (merged with a real row already there), sent-alert history (so
 * a ticket is never notified twice under two keys), shop fields the merchant set (alias, mute) and template
 * scopes naming the stand-in. Only the tickets the session itself stored there (`nativeIds`) move: a
 * `default` stand-in may hold tickets of other shops. Nothing is lost: the stand-in row is replaced by the
 * merged real row.
 */
export async function rekeyFallbackShop(
  db: RadarDb,
  platform: Platform,
  from: string,
  to: { shopId: string; name?: string | undefined },
  nativeIds: readonly string[],
): Promise<Rekeyed> {
  if (!isFallbackShopId(from) || isFallbackShopId(to.shopId) || !nativeIds.length) return { moved: [] };
  return db.transaction('rw', [db.tickets, db.alerts, db.shops, db.templates], async () => {
    // By native id within the stand-in shop: the rows carry their own surface, so every family moves.
    const ids = new Set(nativeIds);
    const olds = await db.tickets
      .where('[platform+shopId]')
      .equals([platform, from])
      .filter((t) => ids.has(t.nativeId))
      .toArray();
    if (!olds.length) return { moved: [] };
    const newKeys = olds.map((t) => keyOf({ ...t, shopId: to.shopId }));
    const reals = await db.tickets.bulkGet(newKeys);
    const merged = olds.map((old, i) => {
      const real = reals[i];
      const key = newKeys[i]!;
      if (!real) return { ...old, key, shopId: to.shopId, ...(to.name && !old.shopName ? { shopName: to.name } : {}) };
      return real.lastSeenAt >= old.lastSeenAt
        ? combine(old, real, key, to.shopId)
        : combine(real, old, key, to.shopId);
    });
    await db.tickets.bulkPut(merged);
    await db.tickets.bulkDelete(olds.map((t) => t.key));
    const moved = olds.map((t, i) => [t.key, newKeys[i]!] as [string, string]);
    const rename = new Map(moved);

    // Sent alerts: `${ticketKey}|${threshold}` ids follow their ticket; a threshold sent under both keys stays once.
    const alerts = await db.alerts
      .where('ticketKey')
      .anyOf([...rename.keys()])
      .toArray();
    if (alerts.length) {
      const moves = alerts.map((a) => {
        const ticketKey = rename.get(a.ticketKey)!;
        return { ...a, ticketKey, id: ticketKey + a.id.slice(a.ticketKey.length) };
      });
      const existing = await db.alerts.bulkGet(moves.map((a) => a.id));
      await db.alerts.bulkPut(moves.filter((_, i) => !existing[i]));
      await db.alerts.bulkDelete(alerts.map((a) => a.id));
    }

    const fromShop = await db.shops.get(shopKey(platform, from));
    const toShop = await db.shops.get(shopKey(platform, to.shopId));
    if (fromShop && toShop && ((fromShop.alias && !toShop.alias) || (fromShop.muted && !toShop.muted)))
      await db.shops.put({
        ...toShop,
        ...(toShop.alias || !fromShop.alias ? {} : { alias: fromShop.alias }),
        muted: toShop.muted || fromShop.muted,
      });

    const fromKey = shopKey(platform, from);
    const toKey = shopKey(platform, to.shopId);
    await db.templates
      .filter((t) => t.scope.shops.includes(fromKey))
      .modify((t) => {
        t.scope.shops = [...new Set(t.scope.shops.map((k) => (k === fromKey ? toKey : k)))];
      });
    return { moved };
  });
}
