import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/schema';
import type { Ticket } from '@/lib/model/ticket';
import { H, NOW, row } from './test-rows';
import { openTicketsInSlices, SLICE } from './use-queue-data';

describe('the open set in slices', () => {
  beforeEach(async () => {
    await db().tickets.clear();
  });

  it(
    'reads every open ticket once, by deadline, undated last, whatever the ties across slice ends',
    { timeout: 60_000 },
    async () => {
      const rows: Ticket[] = [];
      // 3 × SLICE + 7 dated tickets on only 5 distinct deadlines (runs of ties far longer than a slice), two
      // statuses, every 10th without a deadline, and finished ones that must never be read.
      for (let i = 0; i < 3 * SLICE + 7; i++)
        rows.push(
          row(i, {
            status: i % 2 ? 'pending' : 'processing',
            ...(i % 10 === 3 ? {} : { dueAt: NOW + (i % 5) * H }),
          }),
        );
      for (let i = 0; i < 300; i++) rows.push(row(10_000 + i, { status: 'done', dueAt: NOW }));
      await db().tickets.bulkPut(rows);

      const got = await openTicketsInSlices();
      const open = rows.filter((r) => r.status !== 'done');
      expect(got).toHaveLength(open.length);
      expect(new Set(got.map((t) => t.key)).size).toBe(open.length);
      const due = got.map((t) => t.dueAt ?? Infinity);
      expect(due).toEqual([...due].sort((a, b) => a - b));
      expect(got.filter((t) => t.dueAt === undefined)).toHaveLength(open.filter((t) => t.dueAt === undefined).length);
    },
  );

  it('is empty on an empty store', async () => {
    expect(await openTicketsInSlices()).toEqual([]);
  });
});
