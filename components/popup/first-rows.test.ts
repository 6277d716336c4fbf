import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { RadarDb } from '@/lib/db/schema';
import { DB_NAME } from '@/lib/db/name';
import { OPEN_STATUSES, type Ticket } from '@/lib/model/ticket';
import { NOW, row } from './test-rows';
import { FIRST_ROW_STATUSES, FIRST_ROWS, readFirstRows } from './first-rows';

describe('the popup first rows, read without Dexie', () => {
  it('reads the open statuses of the model', () => {
    expect(FIRST_ROW_STATUSES).toEqual(OPEN_STATUSES);
  });

  it('gives nothing and creates no database on the first run (the upgrade stays Dexie’s)', async () => {
    const idb = new IDBFactory();
    expect(await readFirstRows(idb)).toEqual([]);
    expect((await idb.databases()).map((d) => d.name)).not.toContain(DB_NAME);
  });

  it('is the same query as Dexie’s [status+dueAt] one: the most urgent open tickets per status', async () => {
    await Dexie.delete(DB_NAME);
    const db = new RadarDb();
    const rows: Ticket[] = [];
    for (let i = 0; i < 3 * FIRST_ROWS; i++) {
      const status = (['pending', 'processing', 'done'] as const)[i % 3]!;
      rows.push(row(i, { status, ...(i % 7 === 3 ? {} : { dueAt: NOW + ((i * 7919) % 500) * 60_000 }) }));
    }
    await db.tickets.bulkPut(rows);
    const viaDexie = (
      await Promise.all(
        OPEN_STATUSES.map((s) =>
          db.tickets.where('[status+dueAt]').between([s, Dexie.minKey], [s, Dexie.maxKey]).limit(FIRST_ROWS).toArray(),
        ),
      )
    ).flat();
    db.close();
    const raw = await readFirstRows();
    expect(raw.map((t) => t.key)).toEqual(viaDexie.map((t) => t.key));
    expect(raw.length).toBeGreaterThan(FIRST_ROWS);
    expect(raw.every((t) => t.dueAt !== undefined && t.status !== 'done')).toBe(true);
  });
});
