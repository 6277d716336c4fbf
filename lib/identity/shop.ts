/**
 * The one owner of "which shop does this page speak for, and what is a ticket's key" (issue 10). The page
 * session, the background's ingest and the re-keying of fallback rows all ask here; nothing else compares
 * shop confidences or builds keys. Pure and dependency-free at runtime (it runs in content scripts).
 *
 * Why one owner: the answer used to depend on which read arrived first. Under CPU load the 抖店 售后 DOM read
 * stored tickets under the header-name stand-in (`name-…`) before the JSON named the real shop id, and both
 * copies stayed (12 badges for 6 rows).
 */
import type { ShopIdentity } from '../adapters/types';
import { ticketKey } from '../model/ticket-core';

/** Shop ids made up when a page names none (lib/adapters/shared.ts, fallbackShop): `default` or `name-<hash>`. */
export const isFallbackShopId = (shopId: string): boolean => shopId === 'default' || shopId.startsWith('name-');

/** What one read tells about the shop: the reader's own finding and the page header's. */
export interface ShopEvidence {
  /** A shop a response or row record named (`page`), or the stand-in a reader used (`fallback`). */
  read?: ShopIdentity | undefined;
  /** `adapter.shopFromDocument`: the header's shop name as a stand-in, or a real id where a page shows one. */
  document?: ShopIdentity | undefined;
}

const named = (shop: ShopIdentity, ...names: (string | undefined)[]): ShopIdentity => {
  if (shop.name) return shop;
  const name = names.find((n) => n !== undefined && n !== '');
  return name ? { ...shop, name } : shop;
};

/**
 * The page session's shop after a new piece of evidence, whatever order reads arrive in:
 * 1. A shop id a response or record names (`page`) wins, and a later one replaces it (the merchant switched
 *    shops in the same tab).
 * 2. Once a real id is known, stand-ins never replace it; the header only lends a display name.
 * 3. Without a real id: the header's name stand-in, else a reader's named stand-in, else `default`.
 */
export function resolvePageShop(known: ShopIdentity | undefined, ev: ShopEvidence): ShopIdentity {
  const { read, document } = ev;
  if (read?.confidence === 'page')
    return named(read, known?.shopId === read.shopId ? known.name : undefined, document?.name);
  if (document?.confidence === 'page' && known?.confidence !== 'page') return named(document, read?.name);
  if (known?.confidence === 'page') return named(known, document?.name);
  const candidates = [document, read, known].filter((s): s is ShopIdentity => s !== undefined);
  return (
    candidates.find((s) => s.shopId !== 'default') ?? candidates[0] ?? { shopId: 'default', confidence: 'fallback' }
  );
}

/**
 * The stand-in a page session must hand over when `next` replaces `prev`: rows it stored under a fallback
 * id belong to the real shop that appeared. Undefined when nothing is superseded (same id, or real → real:
 * two real shops are never merged).
 */
export function supersededShop(prev: ShopIdentity | undefined, next: ShopIdentity): string | undefined {
  if (!prev || prev.shopId === next.shopId) return undefined;
  return isFallbackShopId(prev.shopId) && !isFallbackShopId(next.shopId) ? prev.shopId : undefined;
}

/**
 * A stored shop for a batch that names none, in order of evidence: the known shop whose name or alias the
 * page header shows; the one shop that already holds these tickets; the platform's only known shop. When
 * none decides, the stand-in stays: two shops are never mixed.
 */
export function resolveStoredShop(
  shop: { shopId: string; name?: string | undefined },
  known: {
    realShops: readonly { shopId: string; name?: string | undefined; alias?: string | undefined }[];
    holders: ReadonlySet<string>;
  },
): string {
  if (!isFallbackShopId(shop.shopId)) return shop.shopId;
  const { realShops, holders } = known;
  if (realShops.length === 0) return shop.shopId;
  if (shop.name) {
    const byName = realShops.filter((s) => s.name === shop.name || s.alias === shop.name);
    if (byName.length === 1) return byName[0]!.shopId;
  }
  if (holders.size === 1) return [...holders][0]!;
  if (holders.size > 1) return shop.shopId;
  return realShops.length === 1 ? realShops[0]!.shopId : shop.shopId;
}

/** A ticket's key. Every key is built here, so a change of key shape (record families) is one edit. */
export const keyOf = (t: Parameters<typeof ticketKey>[0]): string => ticketKey(t);

/** Tickets a page session stored under a stand-in shop, to move when the real shop appears. */
export interface StandIn {
  shopId: string;
  nativeIds: string[];
}

/** What a read becomes: the session's shop after it and, when it carries something, the batch to store. */
export interface ReadBatch<T extends { nativeId: string; shopId: string; shopName?: string | undefined }> {
  shop: ShopIdentity;
  batch?: {
    shop: { shopId: string; name?: string };
    tickets: T[];
    complete: boolean;
    completeSince?: number;
    /** The stand-ins handed over with this batch (all of `standIns` once the shop is real). */
    supersedes?: StandIn[];
  };
  /** The batch is stored under a stand-in: the session remembers its ids for the hand-over. */
  standIn?: StandIn;
}

/**
 * A read as a batch, wherever it is stored from: the content script for DOM-text reads, the worker for
 * what the hook copied (lib/background/read.ts), so both decide the same way. The shop is decided here
 * once (resolvePageShop) and stamped on every ticket: a ticket a reader filed under a stand-in joins it.
 * Once the shop is real, what the session stored under stand-ins (`standIns`) moves with the batch.
 */
export function batchOfRead<T extends { nativeId: string; shopId: string; shopName?: string | undefined }>(
  known: ShopIdentity | undefined,
  read: {
    tickets: readonly T[];
    shop?: ShopIdentity | undefined;
    complete?: boolean | undefined;
    completeSince?: number | undefined;
  },
  document: ShopIdentity | undefined,
  standIns: readonly StandIn[],
): ReadBatch<T> {
  const shop = resolvePageShop(known, { read: read.shop, document });
  if (!read.tickets.length && !read.complete) return { shop };
  const real = !isFallbackShopId(shop.shopId);
  const supersedes = real ? standIns.filter((s) => s.nativeIds.length) : [];
  const tickets = read.tickets.map((t) => ({
    ...t,
    shopId: shop.shopId,
    ...(shop.name && !t.shopName ? { shopName: shop.name } : {}),
  }));
  return {
    shop,
    batch: {
      shop: { shopId: shop.shopId, ...(shop.name ? { name: shop.name } : {}) },
      tickets,
      complete: read.complete === true,
      ...(read.complete && read.completeSince !== undefined ? { completeSince: read.completeSince } : {}),
      ...(supersedes.length ? { supersedes } : {}),
    },
    ...(real ? {} : { standIn: { shopId: shop.shopId, nativeIds: tickets.map((t) => t.nativeId) } }),
  };
}
