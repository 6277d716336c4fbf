/**
 * The popup's data at any size: the first rows come from one indexed query (the most urgent open tickets by
 * `[status+dueAt]`, a few hundred rows), so the first row shows at once with 50,000 stored; the whole open set
 * follows (openTickets: the `status` index, finished tickets are never read), then stays live.
 */
import Dexie from 'dexie';
import { useEffect, useState } from 'react';
import { db } from '@/lib/db/schema';
import { openTickets } from '@/lib/db/tickets-repo';
import type { Shop } from '@/lib/model/shop';
import { OPEN_STATUSES, type Ticket } from '@/lib/model/ticket';
import { useLiveQuery } from 'dexie-react-hooks';

/** Rows read before the full open set: enough to fill the popup several times over. */
export const FIRST_ROWS = 200;

async function mostUrgent(): Promise<Ticket[]> {
  const parts = await Promise.all(
    OPEN_STATUSES.map((s) =>
      db().tickets.where('[status+dueAt]').between([s, Dexie.minKey], [s, Dexie.maxKey]).limit(FIRST_ROWS).toArray(),
    ),
  );
  return parts.flat();
}

export interface QueueData {
  tickets: Ticket[];
  /** All open tickets are loaded; counts are final. */
  complete: boolean;
  shops: Shop[];
}

export function useQueueData(): QueueData | undefined {
  const [first, setFirst] = useState<Ticket[]>();
  useEffect(() => {
    let live = true;
    void mostUrgent().then((t) => live && setFirst(t));
    return () => {
      live = false;
    };
  }, []);
  // The whole open set only after the first rows are on screen: reading it competes for the main thread.
  const all = useLiveQuery(() => (first ? openTickets(db()) : Promise.resolve(undefined)), [first !== undefined]);
  const shops = useLiveQuery(() => db().shops.toArray(), []);
  if (all) return { tickets: all, complete: true, shops: shops ?? [] };
  if (first) return { tickets: first, complete: false, shops: shops ?? [] };
  return undefined;
}
