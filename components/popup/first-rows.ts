/**
 * The popup's first rows, read by a classic script that popup.html runs while it is parsed
 * (entrypoints/popup-first-rows.ts), so the read starts while the popup's modules (React, Dexie, a few hundred
 * KB) are still loading and running, instead of after them (BENCHMARKS.md, "Popup first row"). Plain IndexedDB, no imports at run time: Dexie's open (its
 * schema check) and its modules are not on the first row's path.
 *
 * The same query as Dexie's `where('[status+dueAt]').between([s, minKey], [s, maxKey]).limit(FIRST_ROWS)`:
 * the most urgent open tickets, a hundred per open status. The full open set follows through Dexie
 * (use-queue-data.ts).
 */
import type { Ticket, TicketStatus } from '@/lib/model/ticket';
import { DB_NAME } from '@/lib/db/name';

/** Rows read before the full open set: enough to fill the popup several times over. */
export const FIRST_ROWS = 100;

/** OPEN_STATUSES of lib/model/ticket.ts (which imports zod; first-rows.test.ts checks they are equal). */
export const FIRST_ROW_STATUSES: readonly TicketStatus[] = ['pending', 'processing'];

/**
 * The first rows; [] when there is no database yet (the first run: opening never creates it, the upgrade
 * is Dexie's) or it cannot be read (the full read then decides what to show).
 */
export function readFirstRows(idb: IDBFactory = indexedDB): Promise<Ticket[]> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      // No version: the current one, whatever it is; never an upgrade from here.
      req = idb.open(DB_NAME);
    } catch {
      resolve([]);
      return;
    }
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => resolve([]);
    req.onblocked = () => resolve([]);
    req.onsuccess = () => {
      const db = req.result;
      // Never in the way of the worker's upgrade to a newer version.
      db.onversionchange = () => db.close();
      if (!db.objectStoreNames.contains('tickets')) {
        db.close();
        resolve([]);
        return;
      }
      try {
        const tx = db.transaction('tickets', 'readonly');
        const index = tx.objectStore('tickets').index('[status+dueAt]');
        const parts: Ticket[][] = FIRST_ROW_STATUSES.map(() => []);
        FIRST_ROW_STATUSES.forEach((s, i) => {
          // [s, -Infinity] … [s, []]: every number sorts below an array (Dexie's minKey / maxKey).
          const get = index.getAll(IDBKeyRange.bound([s, -Infinity], [s, []]), FIRST_ROWS);
          get.onsuccess = () => (parts[i] = get.result as Ticket[]);
        });
        tx.oncomplete = () => {
          db.close();
          resolve(parts.flat());
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          resolve([]);
        };
      } catch {
        db.close();
        resolve([]);
      }
    };
  });
}

/**
 * The global the early script (entrypoints/popup-first-rows.ts, a classic script popup.html runs while it is
 * parsed) leaves its read in; the popup's bundle takes it from there.
 */
export const FIRST_ROWS_GLOBAL = '__ticketRadarFirstRows';

/** Starts the read and leaves it where the popup's bundle finds it (the early script calls this). */
export function startFirstRows(): void {
  const g = globalThis as Record<string, unknown>;
  g[FIRST_ROWS_GLOBAL] ??= readFirstRows().then((rows) => {
    performance.mark('ticket-radar:popup-rows-read');
    return rows;
  });
}

/** The first rows: the early script's read, or one started now when that script did not run (tests). */
export function prefetchFirstRows(): Promise<Ticket[]> {
  startFirstRows();
  return (globalThis as Record<string, unknown>)[FIRST_ROWS_GLOBAL] as Promise<Ticket[]>;
}
