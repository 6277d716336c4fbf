/**
 * The popup's data at any size: the first rows come from one indexed query (the most urgent open tickets by
 * `[status+dueAt]`, a hundred rows per open status; first-rows.ts), so the first row shows at once with 50,000
 * stored; the whole open set follows, read in slices so no single read blocks the main thread (a scroll or a
 * key press gets its turn between slices), then stays live. Finished tickets are never read.
 */
import Dexie from 'dexie';
import { useEffect, useMemo, useState } from 'react';
import { db } from '@/lib/db/schema';
import type { Shop } from '@/lib/model/shop';
import { OPEN_STATUSES, type Ticket } from '@/lib/model/ticket';
import { useLiveQuery } from 'dexie-react-hooks';
import { knownTickets, prefetchFirstRows, type FirstRead } from './first-rows';

/**
 * Open tickets per slice read. One IndexedDB answer is deserialised on the main thread in one go: 8,000 open
 * tickets at once took one task of well over 50 ms; 500 rows take a few ms, and each slice is its own task.
 */
export const SLICE = 500;

/**
 * One status's tickets with a deadline, by deadline, in slices of the `[status+dueAt]` index (each one
 * `getAll`). A slice ends inside a run of equal deadlines: that deadline is then read whole, and the next slice
 * starts above it, so ties are neither lost nor read twice.
 */
async function withDeadline(status: Ticket['status']): Promise<Ticket[]> {
  const out: Ticket[] = [];
  let lower: number | undefined;
  for (;;) {
    const from = lower === undefined ? [status, Dexie.minKey] : [status, lower];
    const part = await db()
      .tickets.where('[status+dueAt]')
      .between(from, [status, Dexie.maxKey], lower === undefined, true)
      .limit(SLICE)
      .toArray();
    if (part.length < SLICE) {
      out.push(...part);
      return out;
    }
    const last = part.at(-1)!.dueAt!;
    for (const t of part) if (t.dueAt !== last) out.push(t);
    out.push(...(await db().tickets.where('[status+dueAt]').equals([status, last]).toArray()));
    lower = last;
  }
}

/** Every open ticket, by deadline (none last), never in one long read. */
export async function openTicketsInSlices(): Promise<Ticket[]> {
  const dated = (await Promise.all(OPEN_STATUSES.map(withDeadline))).flat();
  // Tickets without a deadline are not in the compound index: their keys are the status index's keys less
  // the dated ones (keys only: cheap), read by key.
  const seen = new Set(dated.map((t) => t.key));
  const keys = (await db().tickets.where('status').anyOf(OPEN_STATUSES).primaryKeys()).filter((k) => !seen.has(k));
  const undated: Ticket[] = [];
  for (let i = 0; i < keys.length; i += SLICE)
    for (const t of await db().tickets.bulkGet(keys.slice(i, i + SLICE))) if (t) undated.push(t);
  return [...dated.sort((a, b) => a.dueAt! - b.dueAt!), ...undated];
}

export interface QueueData {
  tickets: Ticket[];
  /** All open tickets are loaded; counts are final. */
  complete: boolean;
  /**
   * Before that (the first read): every open ticket due at or before `through` is in `tickets`, and nothing
   * else is (lib/tickets/queue.ts certainRows shows only what the whole read would show the same).
   */
  through?: number;
  shops: Shop[];
}

/** `initial`: the first rows when the caller read them before the first render (entrypoints/popup/main.tsx). */
export function useQueueData(initial?: FirstRead): QueueData | undefined {
  const [first, setFirst] = useState<FirstRead | undefined>(initial);
  useEffect(() => {
    if (initial) return;
    let live = true;
    void prefetchFirstRows().then((t) => live && setFirst(t));
    return () => {
      live = false;
    };
  }, [initial]);
  // The whole open set only after the first rows are on screen: reading it competes for the main thread.
  const all = useLiveQuery(() => (first ? openTicketsInSlices() : Promise.resolve(undefined)), [first !== undefined]);
  const shops = useLiveQuery(() => db().shops.toArray(), []);
  // One object per change of what was read, not per render: the popup's whole-set passes (summary, queue rows,
  // shop labels) are memoised on it, and a new object on every render (each scroll frame re-renders) re-ran
  // them over every open ticket: 50–330 ms tasks while scrolling 50,000 stored (BENCHMARKS.md, 2026-12-03).
  return useMemo(() => {
    if (all) return { tickets: all, complete: true, shops: shops ?? NO_SHOPS };
    // The first read's shops until the live query has them: the first render's labels are the early rows'.
    if (first)
      return { tickets: knownTickets(first), complete: false, through: first.through, shops: shops ?? first.shops };
    return undefined;
  }, [all, first, shops]);
}

const NO_SHOPS: Shop[] = [];
