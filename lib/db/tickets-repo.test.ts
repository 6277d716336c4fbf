import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawTicket } from '../model/ticket';
import { DEFAULT_RULES } from '../sla';
import { RadarDb } from './schema';
import { ingestBatch, openDueBefore, openTickets, recomputeDeadlines } from './tickets-repo';

const NOW = Date.UTC(2026, 10, 25, 2); // 10:00 Beijing
const H = 3600_000;
let db: RadarDb;
beforeEach(async () => {
  db = new RadarDb(`repo-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const raw = (id: string, over: Partial<RawTicket> = {}): RawTicket => ({
  platform: 'pdd',
  surface: 'pdd.work-order-list',
  shopId: 's1',
  nativeId: id,
  kind: 'refund',
  title: '消费者申请退款',
  status: 'pending',
  urgent: false,
  tags: [],
  url: `https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=${id}`,
  createdAt: NOW - 2 * H,
  deadline: { type: 'at', at: NOW + H },
  ...over,
});
const batch = (tickets: RawTicket[], complete = false) => ({
  platform: 'pdd' as const,
  pageKind: 'pdd.work-order-list',
  shop: { shopId: 's1', name: '暖居家纺' },
  tickets,
  complete,
});

describe('ingestBatch', () => {
  it('stores tickets with platform deadlines and registers the shop', async () => {
    const out = await ingestBatch(db, batch([raw('1'), raw('2', { deadline: undefined })]), DEFAULT_RULES, NOW);
    expect(out.written).toBe(2);
    const one = await db.tickets.get('pdd:s1:workorder:1');
    expect(one).toMatchObject({ dueAt: NOW + H, dueSource: 'platform', firstSeenAt: NOW, lastSeenAt: NOW });
    // No platform deadline on a list where only the platform sets them: none, never the 24 h default.
    const two = await db.tickets.get('pdd:s1:workorder:2');
    expect(two?.dueAt).toBeUndefined();
    expect(two?.dueSource).toBeUndefined();
    expect(await db.shops.get('pdd:s1')).toMatchObject({ name: '暖居家纺', muted: false });
  });

  it('writes nothing when a refresh changed nothing', async () => {
    await ingestBatch(db, batch([raw('1'), raw('2')]), DEFAULT_RULES, NOW);
    const again = await ingestBatch(db, batch([raw('1'), raw('2')]), DEFAULT_RULES, NOW + 60_000);
    expect(again.written).toBe(0);
    const later = await ingestBatch(
      db,
      batch([raw('1'), raw('2', { status: 'processing' })]),
      DEFAULT_RULES,
      NOW + 2 * 60_000,
    );
    expect(later.written).toBe(1);
  });

  it('keeps a moved platform deadline in history (时效延长)', async () => {
    await ingestBatch(db, batch([raw('1')]), DEFAULT_RULES, NOW);
    await ingestBatch(
      db,
      batch([raw('1', { deadline: { type: 'at', at: NOW + 25 * H } })]),
      DEFAULT_RULES,
      NOW + H / 2,
    );
    const t = await db.tickets.get('pdd:s1:workorder:1');
    expect(t?.dueAt).toBe(NOW + 25 * H);
    expect(t?.dueHistory).toEqual([{ from: NOW + H, to: NOW + 25 * H, seenAt: NOW + H / 2 }]);
  });

  it('does not let a response without a deadline erase the known one', async () => {
    await ingestBatch(db, batch([raw('1')]), DEFAULT_RULES, NOW);
    await ingestBatch(db, batch([raw('1', { deadline: undefined, buyer: '张**' })]), DEFAULT_RULES, NOW + 60_000);
    expect(await db.tickets.get('pdd:s1:workorder:1')).toMatchObject({
      dueAt: NOW + H,
      dueSource: 'platform',
      buyer: '张**',
    });
  });

  it('shows no deadline rather than a guessed one when the page deadline was unreadable', async () => {
    await ingestBatch(db, batch([raw('1', { deadline: undefined, deadlineUnreadable: true })]), DEFAULT_RULES, NOW);
    const t = await db.tickets.get('pdd:s1:workorder:1');
    expect(t?.dueAt).toBeUndefined();
    expect(t?.dueSource).toBeUndefined();
    // Recomputing after a rule change must not invent one either.
    await recomputeDeadlines(db, DEFAULT_RULES);
    expect((await db.tickets.get('pdd:s1:workorder:1'))?.dueAt).toBeUndefined();
  });

  it('never deletes: a complete listing without a ticket marks it unseen, a later listing revives it', async () => {
    await ingestBatch(db, batch([raw('1'), raw('2'), raw('3')], true), DEFAULT_RULES, NOW);
    const out = await ingestBatch(db, batch([raw('1')], true), DEFAULT_RULES, NOW + H);
    expect(out.markedUnseen).toBe(2);
    expect(await db.tickets.count()).toBe(3);
    expect((await db.tickets.get('pdd:s1:workorder:2'))?.unseenSince).toBe(NOW + H);
    // An incomplete (paged) listing marks nothing.
    const paged = await ingestBatch(db, batch([raw('2')], false), DEFAULT_RULES, NOW + 2 * H);
    expect(paged.markedUnseen).toBe(0);
    expect((await db.tickets.get('pdd:s1:workorder:2'))?.unseenSince).toBeUndefined();
    expect((await db.tickets.get('pdd:s1:workorder:3'))?.unseenSince).toBe(NOW + H);
  });

  it('keeps shops apart: the same native id in two shops is two tickets', async () => {
    await ingestBatch(db, batch([raw('1')]), DEFAULT_RULES, NOW);
    await ingestBatch(db, { ...batch([raw('1', { shopId: 's2' })]), shop: { shopId: 's2' } }, DEFAULT_RULES, NOW);
    expect((await db.tickets.toArray()).map((t) => t.key).sort()).toEqual(['pdd:s1:workorder:1', 'pdd:s2:workorder:1']);
  });
});

describe('ingest in one hop', () => {
  it('reads the batch once and writes changed rows and rows a complete listing dropped in one bulkPut', async () => {
    await ingestBatch(db, batch([raw('1'), raw('2'), raw('3')], true), DEFAULT_RULES, NOW);
    const gets = vi.spyOn(db.tickets, 'bulkGet');
    const puts = vi.spyOn(db.tickets, 'bulkPut');
    // '1' unchanged, '2' changed, '3' gone from the complete listing, '4' new.
    const out = await ingestBatch(
      db,
      batch([raw('1'), raw('2', { status: 'processing' }), raw('4')], true),
      DEFAULT_RULES,
      NOW + 60_000,
    );
    expect(gets).toHaveBeenCalledOnce();
    expect(puts).toHaveBeenCalledOnce();
    expect((puts.mock.calls[0]![0] as readonly { key?: string }[]).map((t) => t.key).sort()).toEqual([
      'pdd:s1:workorder:2',
      'pdd:s1:workorder:3',
      'pdd:s1:workorder:4',
    ]);
    expect(out).toMatchObject({ written: 2, markedUnseen: 1 });
    expect((await db.tickets.get('pdd:s1:workorder:3'))?.unseenSince).toBe(NOW + 60_000);
    expect((await db.tickets.get('pdd:s1:workorder:2'))?.status).toBe('processing');
  });

  it('computes the answers from the merged rows, in batch order, and stores the same rows', async () => {
    const seen: string[] = [];
    const out = await ingestBatch(db, batch([raw('2'), raw('1')]), DEFAULT_RULES, NOW, (t) => {
      seen.push(t.key);
      return `${t.key}@${t.dueAt}`;
    });
    expect(seen).toEqual(['pdd:s1:workorder:2', 'pdd:s1:workorder:1']);
    expect(out.answers).toEqual([`pdd:s1:workorder:2@${NOW + H}`, `pdd:s1:workorder:1@${NOW + H}`]);
    expect(await db.tickets.get('pdd:s1:workorder:2')).toEqual(out.tickets[0]);
    // Without `answer` there are none, and nothing else changes.
    expect((await ingestBatch(db, batch([raw('1')]), DEFAULT_RULES, NOW)).answers).toEqual([]);
  });

  it('a complete listing marks unseen only open tickets of its own shop and page', async () => {
    await ingestBatch(db, batch([raw('1'), raw('done', { status: 'done' })], true), DEFAULT_RULES, NOW);
    await ingestBatch(db, { ...batch([raw('1', { shopId: 's2' })], true), shop: { shopId: 's2' } }, DEFAULT_RULES, NOW);
    await ingestBatch(db, { ...batch([raw('other-page')], true), pageKind: 'pdd.aftersale-list' }, DEFAULT_RULES, NOW);
    const out = await ingestBatch(db, batch([], true), DEFAULT_RULES, NOW + H);
    expect(out.markedUnseen).toBe(1);
    const unseen = (await db.tickets.toArray()).filter((t) => t.unseenSince).map((t) => t.key);
    expect(unseen).toEqual(['pdd:s1:workorder:1']);
  });

  it('writes nothing at all for a refresh that changed nothing, shop included', async () => {
    await ingestBatch(db, batch([raw('1')]), DEFAULT_RULES, NOW);
    const ticketPuts = vi.spyOn(db.tickets, 'bulkPut');
    const shopPuts = vi.spyOn(db.shops, 'put');
    await ingestBatch(db, batch([raw('1')]), DEFAULT_RULES, NOW + 60_000);
    expect(ticketPuts).not.toHaveBeenCalled();
    expect(shopPuts).not.toHaveBeenCalled();
  });
});

describe('queries', () => {
  it('lists open tickets by deadline, undated last, and due-before from the index', async () => {
    await ingestBatch(
      db,
      batch([
        raw('late', { deadline: { type: 'at', at: NOW + 5 * H } }),
        raw('soon', { deadline: { type: 'at', at: NOW + H } }),
        raw('done', { status: 'done' }),
        raw('nodue', { deadline: undefined, deadlineUnreadable: true }),
      ]),
      DEFAULT_RULES,
      NOW,
    );
    expect((await openTickets(db)).map((t) => t.nativeId)).toEqual(['soon', 'late', 'nodue']);
    expect((await openDueBefore(db, NOW + 2 * H)).map((t) => t.nativeId)).toEqual(['soon']);
  });
});

describe('merging what different pages say', () => {
  it('a detail read without tags keeps the list tags and urgency', async () => {
    await ingestBatch(db, batch([raw('1', { tags: ['退款拦截'], urgent: true })]), DEFAULT_RULES, NOW);
    await ingestBatch(
      db,
      {
        ...batch([raw('1', { tags: [], urgent: false, trackingNo: 'YT1234567890' })]),
        pageKind: 'pdd.work-order-detail',
      },
      DEFAULT_RULES,
      NOW + 60_000,
    );
    expect(await db.tickets.get('pdd:s1:workorder:1')).toMatchObject({
      tags: ['退款拦截'],
      urgent: true,
      trackingNo: 'YT1234567890',
      listedOn: 'pdd.work-order-list',
    });
  });
});

describe('an unreadable deadline is not forgotten by a read that saw none', () => {
  it('a DOM read without a deadline keeps the flag a response read set; a readable deadline clears it', async () => {
    await ingestBatch(db, batch([raw('1', { deadline: undefined, deadlineUnreadable: true })]), DEFAULT_RULES, NOW);
    await ingestBatch(db, batch([raw('1', { deadline: undefined })]), DEFAULT_RULES, NOW + 1000);
    expect(await db.tickets.get('pdd:s1:workorder:1')).toMatchObject({ deadlineUnreadable: true });
    expect((await db.tickets.get('pdd:s1:workorder:1'))?.dueAt).toBeUndefined();
    await ingestBatch(
      db,
      batch([raw('1', { deadline: { type: 'at', at: NOW + 3600_000 } })]),
      DEFAULT_RULES,
      NOW + 2000,
    );
    const t = await db.tickets.get('pdd:s1:workorder:1');
    expect(t?.deadlineUnreadable).toBeUndefined();
    expect(t).toMatchObject({ dueAt: NOW + 3600_000, dueSource: 'platform' });
  });
});

describe('a complete listing limited to a date range', () => {
  it('marks unseen only tickets the range could have listed', async () => {
    await ingestBatch(
      db,
      batch([raw('old', { createdAt: NOW - 40 * 24 * H }), raw('new', { createdAt: NOW - H })]),
      DEFAULT_RULES,
      NOW,
    );
    const out = await ingestBatch(db, { ...batch([], true), completeSince: NOW - 30 * 24 * H }, DEFAULT_RULES, NOW + H);
    expect(out.markedUnseen).toBe(1);
    expect((await db.tickets.get('pdd:s1:workorder:old'))?.unseenSince).toBeUndefined();
    expect((await db.tickets.get('pdd:s1:workorder:new'))?.unseenSince).toBe(NOW + H);
  });
});

describe('whose turn it is', () => {
  it('comes from the newest read only', async () => {
    await ingestBatch(db, batch([raw('1', { status: 'processing', turn: 'buyer' })]), DEFAULT_RULES, NOW);
    expect((await db.tickets.get('pdd:s1:workorder:1'))?.turn).toBe('buyer');
    // 买家已退货: the words name no party; the stale "buyer's turn" must not keep the deadline silent.
    await ingestBatch(db, batch([raw('1', { status: 'processing' })]), DEFAULT_RULES, NOW + 1000);
    expect((await db.tickets.get('pdd:s1:workorder:1'))?.turn).toBeUndefined();
  });
});
