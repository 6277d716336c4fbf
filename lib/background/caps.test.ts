import Dexie from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { RadarDb } from '../db/schema';
import { ingestBatch } from '../db/tickets-repo';
import type { RawTicket } from '../model/ticket';
import { capOpenTickets } from './caps';

const NOW = Date.UTC(2026, 10, 25, 2);
const db = new RadarDb(`caps-${Math.random().toString(36).slice(2)}`);
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const t = (id: number): RawTicket => ({
  platform: 'pdd',
  surface: 'pdd.work-order-list',
  shopId: 's1',
  nativeId: String(id),
  kind: 'refund',
  title: '退款',
  status: 'pending',
  urgent: false,
  tags: [],
  url: `https://mms.pinduoduo.com/x?id=${id}`,
});

it('beyond the cap new open tickets are refused, known ones still update', async () => {
  const scope = { platform: 'pdd' as const, shopId: 's1', pageKind: 'pdd.work-order-list' };
  const first = await capOpenTickets(db, scope, [1, 2, 3].map(t), 3);
  expect(first.dropped).toBe(0);
  await ingestBatch(db, { ...scope, shop: { shopId: 's1' }, tickets: first.tickets, complete: false }, [], NOW);
  const next = await capOpenTickets(db, scope, [2, 4, 5].map(t), 3);
  expect(next.tickets.map((x) => x.nativeId)).toEqual(['2']);
  expect(next.dropped).toBe(2);
  // Another surface of the same shop has its own room.
  expect((await capOpenTickets(db, { ...scope, pageKind: 'pdd.aftersale-list' }, [4].map(t), 3)).dropped).toBe(0);
});
