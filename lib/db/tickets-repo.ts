/** Ticket and shop repository: the only code that writes those tables. */
import Dexie from 'dexie';
import {
  OPEN_STATUSES,
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

export interface IngestOptions {
  /**
   * At most this many open tickets per shop and page (lib/background/caps.ts): beyond it, tickets already
   * stored still update and new open ones are refused (`dropped`). Decided on the transaction's own read.
   */
  openCap?: number;
}

export interface IngestOutcome<A = never> {
  /** The stored rows for the batch's tickets, after the merge. */
  tickets: Ticket[];
  /** `answer(ticket)` for each of them, in order (empty without `answer`). */
  answers: A[];
  written: number;
  markedUnseen: number;
  /** New open tickets refused by `openCap`. */
  dropped: number;
}

/**
 * Merges a batch into the store in one transaction with one read of the batch's rows (`bulkGet`) and one
 * write (`bulkPut` of the rows that changed plus those a complete listing no longer shows), writing only
 * rows that changed. Tickets are never deleted: when a complete listing stops showing an open ticket it is
 * marked `unseenSince`.
 *
 * `answer` (the badges' views) is computed from the merged rows while IndexedDB writes them, so the reply
 * costs no second pass over the batch after the commit.
 */
export async function ingestBatch<A = never>(
  db: RadarDb,
  batch: IngestBatch,
  rules: readonly Rule[],
  now: number,
  answer?: (t: Ticket) => A,
  opts: IngestOptions = {},
): Promise<IngestOutcome<A>> {
  // A surface belongs to one platform: a ticket claiming another platform's list would get a key family
  // that list never uses.
  let tickets = batch.tickets.filter((t) => surfaceDef(t.surface).platform === t.platform);
  return db.transaction('rw', db.tickets, db.shops, async () => {
    let keys = tickets.map((t) => ticketKey(t));
    const listed = new Set(keys);
    // Every read is issued at once: IndexedDB serves them back to back, one wait instead of three.
    const [readRows, prevShop, missing] = await Promise.all([
      db.tickets.bulkGet(keys),
      db.shops.get(shopKey(batch.platform, batch.shop.shopId)),
      batch.complete ? noLongerListed(db, batch, listed) : Promise.resolve([]),
    ]);
    let prevRows = readRows;
    let dropped = 0;
    if (opts.openCap !== undefined) {
      const fresh = tickets.filter((t, i) => !prevRows[i] && OPEN_STATUSES.includes(t.status));
      // Counted only when a batch brings new open tickets: a listing of known ones costs nothing more.
      const room = fresh.length
        ? Math.max(0, opts.openCap - (await countOpenListed(db, { ...batch, shopId: batch.shop.shopId })))
        : Infinity;
      if (fresh.length > room) {
        const refused = new Set(fresh.slice(room));
        dropped = refused.size;
        const kept = tickets.map((t) => !refused.has(t));
        tickets = tickets.filter((_, i) => kept[i]);
        keys = keys.filter((_, i) => kept[i]);
        prevRows = prevRows.filter((_, i) => kept[i]);
      }
    }
    const merged = tickets.map((raw, i) =>
      mergeTicket(prevRows[i], raw, { rules, now, pageKind: batch.pageKind, complete: batch.complete }),
    );
    const changed = merged.filter((t, i) => !sameTicket(prevRows[i], t));
    const writes: Ticket[] = changed.concat(missing.map((t) => ({ ...t, unseenSince: now })));
    const shop = shopRow(prevShop, batch.platform, batch.shop, now);
    const stored = Promise.all([writes.length ? db.tickets.bulkPut(writes) : undefined, shop && db.shops.put(shop)]);
    const answers = answer ? merged.map(answer) : [];
    await stored;
    return { tickets: merged, answers, written: changed.length, markedUnseen: missing.length, dropped };
  });
}

/** Open tickets a shop's page lists now (not unseen): what the open-ticket cap counts. */
export function countOpenListed(
  db: RadarDb,
  scope: { platform: Platform; shopId: string; pageKind: string },
): Promise<number> {
  return db.tickets
    .where('[platform+shopId]')
    .equals([scope.platform, scope.shopId])
    .filter((t) => t.listedOn === scope.pageKind && OPEN_STATUSES.includes(t.status) && !t.unseenSince)
    .count();
}

/**
 * Open tickets of a complete listing's page and shop that the listing no longer shows. Read from the
 * `status` index: the open tickets are few, a shop's history (every ticket it ever had) is not.
 */
function noLongerListed(db: RadarDb, batch: IngestBatch, listed: ReadonlySet<string>): Promise<Ticket[]> {
  return db.tickets
    .where('status')
    .anyOf(OPEN_STATUSES)
    .filter(
      (t) =>
        t.platform === batch.platform &&
        t.shopId === batch.shop.shopId &&
        t.listedOn === batch.pageKind &&
        !t.unseenSince &&
        !listed.has(t.key) &&
        // A ticket older than the listing's date range could not have been listed: no evidence.
        (batch.completeSince === undefined || (t.createdAt ?? t.firstSeenAt) >= batch.completeSince),
    )
    .toArray();
}

/** The shop row to write for a batch, or undefined when the stored one is fresh enough. */
function shopRow(prev: Shop | undefined, platform: Platform, shop: IngestBatch['shop'], now: number): Shop | undefined {
  const name = shop.name ?? prev?.name;
  if (prev && prev.name === name && now - prev.lastSeenAt < SEEN_REFRESH_MS) return undefined;
  return {
    key: shopKey(platform, shop.shopId),
    platform,
    shopId: shop.shopId,
    ...(name ? { name } : {}),
    ...(prev?.alias ? { alias: prev.alias } : {}),
    muted: prev?.muted ?? false,
    firstSeenAt: prev?.firstSeenAt ?? now,
    lastSeenAt: now,
  };
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
