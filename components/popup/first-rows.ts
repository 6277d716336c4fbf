/**
 * The popup's first rows, read by a classic script that popup.html runs while it is parsed
 * (entrypoints/popup-first-rows.ts), so the read starts while the popup's modules (React, Dexie, a few hundred
 * KB) are still loading and running, instead of after them (BENCHMARKS.md, "Popup first row"). Plain IndexedDB,
 * no zod or Dexie at run time: Dexie's open (its schema check) and its modules are not on the first row's path.
 * The same script writes those rows itself when it can tell they are right (components/popup/early.ts).
 *
 * The same query as Dexie's `where('[status+dueAt]').between([s, minKey], [s, maxKey]).limit(FIRST_ROWS)`:
 * the most urgent open tickets per open status. The full open set follows through Dexie (use-queue-data.ts).
 */
import type { Shop } from '@/lib/model/shop';
import type { Ticket, TicketStatus } from '@/lib/model/ticket';
import { DB_NAME } from '@/lib/db/name';

/**
 * Rows read per open status before the full open set: a few popups' worth (it shows 7 rows). Fewer rows are a
 * shorter read (with 50,000 stored the first 100-row `getAll` took 18 ms in the browser's IndexedDB thread).
 */
export const FIRST_ROWS = 40;

/** OPEN_STATUSES of lib/model/ticket.ts (which imports zod; first-rows.test.ts checks they are equal). */
export const FIRST_ROW_STATUSES: readonly TicketStatus[] = ['pending', 'processing'];

/**
 * What the first read holds: every open ticket due at or before `through` (Infinity: every dated open
 * ticket), plus some due after it (a status read further than another), and the shops. Tickets without a
 * deadline are not in it (the `[status+dueAt]` index has none).
 */
export interface FirstRead {
  tickets: Ticket[];
  through: number;
  shops: Shop[];
}

/** The tickets of a first read known whole: those due at or before `through`. */
export const knownTickets = (read: FirstRead): Ticket[] =>
  read.tickets.filter((tk) => tk.dueAt !== undefined && tk.dueAt <= read.through);

export const NOTHING_READ: FirstRead = { tickets: [], through: -Infinity, shops: [] };

/**
 * `through` of per-status reads by deadline: a status read short of its limit was read whole (`truncated`
 * false); one that reached it holds every ticket up to its last deadline (the run of equal deadlines there is
 * read whole too, see readFirstRows) and maybe more after it.
 */
export function readThrough(parts: readonly { rows: readonly Pick<Ticket, 'dueAt'>[]; truncated: boolean }[]): number {
  let through = Infinity;
  for (const p of parts) if (p.truncated) through = Math.min(through, p.rows.at(-1)?.dueAt ?? -Infinity);
  return through;
}

/**
 * The first rows; nothing when there is no database yet (the first run: opening never creates it, the upgrade
 * is Dexie's) or it cannot be read (the full read then decides what to show).
 */
export function readFirstRows(idb: IDBFactory = indexedDB, limit = FIRST_ROWS): Promise<FirstRead> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      // No version: the current one, whatever it is; never an upgrade from here.
      req = idb.open(DB_NAME);
    } catch {
      resolve(NOTHING_READ);
      return;
    }
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => resolve(NOTHING_READ);
    req.onblocked = () => resolve(NOTHING_READ);
    req.onsuccess = () => {
      const db = req.result;
      // Never in the way of the worker's upgrade to a newer version.
      db.onversionchange = () => db.close();
      if (!db.objectStoreNames.contains('tickets') || !db.objectStoreNames.contains('shops')) {
        db.close();
        resolve(NOTHING_READ);
        return;
      }
      try {
        const tx = db.transaction(['tickets', 'shops'], 'readonly');
        const index = tx.objectStore('tickets').index('[status+dueAt]');
        const parts = FIRST_ROW_STATUSES.map(() => ({ rows: [] as Ticket[], truncated: false }));
        let shops: Shop[] = [];
        FIRST_ROW_STATUSES.forEach((s, i) => {
          // [s, -Infinity] … [s, []]: every number sorts below an array (Dexie's minKey / maxKey).
          const get = index.getAll(IDBKeyRange.bound([s, -Infinity], [s, []]), limit);
          get.onsuccess = () => {
            const rows = get.result as Ticket[];
            const last = rows.at(-1)?.dueAt;
            if (rows.length < limit || last === undefined) {
              parts[i] = { rows, truncated: false };
              return;
            }
            // The read may end inside a run of equal deadlines (a whole page read at once shares one): that
            // deadline is read whole, so every ticket up to it is in and `through` can be it.
            const ties = index.getAll(IDBKeyRange.only([s, last]));
            ties.onsuccess = () => {
              parts[i] = {
                rows: [...rows.filter((tk) => tk.dueAt !== last), ...(ties.result as Ticket[])],
                truncated: true,
              };
            };
          };
        });
        const getShops = tx.objectStore('shops').getAll();
        getShops.onsuccess = () => (shops = getShops.result as Shop[]);
        tx.oncomplete = () => {
          db.close();
          resolve({ tickets: parts.flatMap((p) => p.rows), through: readThrough(parts), shops });
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          resolve(NOTHING_READ);
        };
      } catch {
        db.close();
        resolve(NOTHING_READ);
      }
    };
  });
}

/**
 * The global the early script (entrypoints/popup-first-rows.ts, a classic script popup.html runs while it is
 * parsed) leaves its read in; the popup's bundle takes it from there.
 */
export const FIRST_ROWS_GLOBAL = '__ticketRadarFirstRows';

/** Starts the read and leaves it where the popup's bundle finds it. */
export function startFirstRows(): Promise<FirstRead> {
  const g = globalThis as Record<string, unknown>;
  g[FIRST_ROWS_GLOBAL] ??= readFirstRows().then((read) => {
    performance.mark('ticket-radar:popup-rows-read');
    return read;
  });
  return g[FIRST_ROWS_GLOBAL] as Promise<FirstRead>;
}

/** The first rows: the early script's read, or one started now when that script did not run (tests). */
export const prefetchFirstRows = (): Promise<FirstRead> => startFirstRows();
