/** Ticket and shop repository: the only code that writes those tables. */
import Dexie from 'dexie';
import {
  isOpenStatus,
  shopKey,
  surfaceDef,
  ticketKey,
  type Platform,
  type RawTicket,
  type Shop,
  type Ticket,
} from '../model';
import type { Rule } from '../sla';
import { mergeTicket, sameTicket, SEEN_REFRESH_MS, withDeadline } from '../tickets/merge';
import type { RadarDb } from './schema';

export interface IngestBatch {
  platform: Platform;
  pageKind: string;
  shop: { shopId: string; name?: string | undefined };
  tickets: readonly RawTicket[];
  /** The batch is the complete list for its page: open tickets of that page missing from it become unseen. */
  complete: boolean;
  /** With `complete`: only tickets created at or after this instant were listable (the page's date filter). */
  completeSince?: number | undefined;
}

export interface IngestOutcome {
  /** The stored rows for the batch's tickets, after the merge. */
  tickets: Ticket[];
  written: number;
  markedUnseen: number;
}

/**
 * Merges a batch into the store in one transaction, writing only rows that changed. Tickets are never
 * deleted: when a complete listing stops showing an open ticket it is marked `unseenSince`.
 */
export async function ingestBatch(
  db: RadarDb,
  batch: IngestBatch,
  rules: readonly Rule[],
  now: number,
): Promise<IngestOutcome> {
  // A surface belongs to one platform: a ticket claiming another platform's list would get a key family
  // that list never uses.
  const tickets = batch.tickets.filter((t) => surfaceDef(t.surface).platform === t.platform);
  return db.transaction('rw', db.tickets, db.shops, async () => {
    const keys = tickets.map((t) => ticketKey(t));
    const prevRows = await db.tickets.bulkGet(keys);
    const merged = tickets.map((raw, i) =>
      mergeTicket(prevRows[i], raw, { rules, now, pageKind: batch.pageKind, complete: batch.complete }),
    );
    const changed = merged.filter((t, i) => !sameTicket(prevRows[i], t));
    if (changed.length) await db.tickets.bulkPut(changed);

    let markedUnseen = 0;
    if (batch.complete) {
      const listed = new Set(keys);
      const missing = await db.tickets
        .where('[platform+shopId]')
        .equals([batch.platform, batch.shop.shopId])
        .filter(
          (t) =>
            t.listedOn === batch.pageKind &&
            isOpenStatus(t.status) &&
            !t.unseenSince &&
            !listed.has(t.key) &&
            // A ticket older than the listing's date range could not have been listed: no evidence.
            (batch.completeSince === undefined || (t.createdAt ?? t.firstSeenAt) >= batch.completeSince),
        )
        .toArray();
      if (missing.length) {
        await db.tickets.bulkPut(missing.map((t) => ({ ...t, unseenSince: now })));
        markedUnseen = missing.length;
      }
    }

    await touchShop(db, batch.platform, batch.shop, now);
    return { tickets: merged, written: changed.length, markedUnseen };
  });
}

async function touchShop(db: RadarDb, platform: Platform, shop: IngestBatch['shop'], now: number) {
  const key = shopKey(platform, shop.shopId);
  const prev = await db.shops.get(key);
  const name = shop.name ?? prev?.name;
  if (prev && prev.name === name && now - prev.lastSeenAt < SEEN_REFRESH_MS) return;
  const row: Shop = {
    key,
    platform,
    shopId: shop.shopId,
    ...(name ? { name } : {}),
    ...(prev?.alias ? { alias: prev.alias } : {}),
    muted: prev?.muted ?? false,
    firstSeenAt: prev?.firstSeenAt ?? now,
    lastSeenAt: now,
  };
  await db.shops.put(row);
}

/** Open tickets ordered by deadline; tickets without a trusted deadline come last. */
export async function openTickets(db: RadarDb): Promise<Ticket[]> {
  const open = await db.tickets.where('status').anyOf('pending', 'processing').toArray();
  return open.sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity));
}

/** Open tickets due before `until` (overdue ones included), from the `[status+dueAt]` index. */
export async function openDueBefore(db: RadarDb, until: number): Promise<Ticket[]> {
  const parts = await Promise.all(
    (['pending', 'processing'] as const).map((s) =>
      db.tickets.where('[status+dueAt]').between([s, Dexie.minKey], [s, until], true, true).toArray(),
    ),
  );
  return parts.flat().sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0));
}

/** Recomputes rule deadlines after the rule table changed; writes only tickets whose deadline moved. */
export async function recomputeDeadlines(db: RadarDb, rules: readonly Rule[]): Promise<number> {
  return db.transaction('rw', db.tickets, async () => {
    const open = await db.tickets.where('status').anyOf('pending', 'processing').toArray();
    const changed = open
      .map((t) => [t, withDeadline(t, rules)] as const)
      .filter(([prev, next]) => prev.dueAt !== next.dueAt || prev.dueSource !== next.dueSource)
      .map(([, next]) => next);
    if (changed.length) await db.tickets.bulkPut(changed);
    return changed.length;
  });
}
