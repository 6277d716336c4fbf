import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { RadarDb } from '@/lib/db/schema';
import { DB_NAME } from '@/lib/db/name';
import { OPEN_STATUSES, type Ticket } from '@/lib/model/ticket';
import { NOW, row } from './test-rows';
import { FIRST_ROW_STATUSES, FIRST_ROWS, knownTickets, readFirstRows } from './first-rows';

describe('the popup first rows, read without Dexie', () => {
  it('reads the open statuses of the model', () => {
    expect(FIRST_ROW_STATUSES).toEqual(OPEN_STATUSES);
  });

  it('gives nothing and creates no database on the first run (the upgrade stays Dexie’s)', async () => {
    const idb = new IDBFactory();
    expect((await readFirstRows(idb)).tickets).toEqual([]);
    expect((await idb.databases()).map((d) => d.name)).not.toContain(DB_NAME);
  });

  it('is the same query as Dexie’s [status+dueAt] one: the most urgent open tickets per status', async () => {
    await Dexie.delete(DB_NAME);
    const db = new RadarDb();
    const rows: Ticket[] = [];
    for (let i = 0; i < 6 * FIRST_ROWS; i++) {
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
    const read = await readFirstRows();
    const raw = read.tickets;
    // The same rows, plus the rest of a run of equal deadlines a status's read ended in.
    expect(raw.map((t) => t.key)).toEqual(expect.arrayContaining(viaDexie.map((t) => t.key)));
    expect(raw.length).toBeGreaterThan(FIRST_ROWS);
    expect(raw.every((t) => t.dueAt !== undefined && t.status !== 'done')).toBe(true);
    // Every open dated ticket due up to `through` is in the read, and `through` is within it.
    const open = rows.filter((t) => t.status !== 'done' && t.dueAt !== undefined);
    const known = knownTickets(read).map((t) => t.key);
    expect(known.sort()).toEqual(
      open
        .filter((t) => t.dueAt! <= read.through)
        .map((t) => t.key)
        .sort(),
    );
    expect(read.through).toBeLessThan(Infinity);
  });

  it('reads a run of equal deadlines whole, so tickets due together are all known (a page read at once)', async () => {
    await Dexie.delete(DB_NAME);
    const db = new RadarDb();
    const rows: Ticket[] = [];
    for (let i = 0; i < 3 * FIRST_ROWS; i++) rows.push(row(i, { dueAt: NOW - 60 * 60_000 }));
    rows.push(row(9999, { dueAt: NOW + 60_000 }));
    await db.tickets.bulkPut(rows);
    db.close();
    const read = await readFirstRows();
    expect(read.through).toBe(NOW - 60 * 60_000);
    expect(knownTickets(read)).toHaveLength(3 * FIRST_ROWS);
  });

  it('knows every dated ticket when no status reached its limit', async () => {
    await Dexie.delete(DB_NAME);
    const db = new RadarDb();
    await db.tickets.bulkPut([row(1, { dueAt: NOW }), row(2, { status: 'processing', dueAt: NOW + 1 }), row(3, {})]);
    db.close();
    const read = await readFirstRows();
    expect(read.through).toBe(Infinity);
    expect(
      knownTickets(read)
        .map((t) => t.nativeId)
        .sort(),
    ).toEqual(['1', '2']);
  });
});
