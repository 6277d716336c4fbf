/**
 * Storage and popup numbers: one page refresh of 500 tickets merged into a store of 10,000 (Dexie on
 * fake-indexeddb: relative numbers only; the real IndexedDB in Chromium is faster), a refresh that changed
 * nothing (must write nothing), and the popup summary over 10,000 open tickets.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { RadarDb } from '../lib/db/schema';
import { ingestBatch, openTickets } from '../lib/db/tickets-repo';
import { DEFAULT_SETTINGS } from '../lib/model/settings';
import type { RawTicket } from '../lib/model/ticket';
import { summarize } from '../lib/tickets/summary';
import type { BenchResult } from './sla.bench';

const NOW = Date.UTC(2026, 10, 25, 2);
const H = 3600_000;

const SURFACES = ['pdd.work-order-list', 'douyin.service-tickets', 'taobao.task-tickets'] as const;
const raw = (i: number, shop: string): RawTicket => ({
  platform: (['pdd', 'douyin', 'taobao'] as const)[i % 3]!,
  surface: SURFACES[i % 3]!,
  shopId: shop,
  nativeId: String(100000 + i),
  kind: 'refund',
  title: '消费者申请退款',
  status: 'pending',
  urgent: i % 7 === 0,
  tags: i % 7 === 0 ? ['紧急'] : [],
  url: `https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=${i}`,
  createdAt: NOW - (i % 48) * H,
  ...(i % 2 ? { deadline: { type: 'at' as const, at: NOW + ((i % 50) - 10) * H } } : {}),
});

export async function runStoreBench(): Promise<BenchResult[]> {
  const db = new RadarDb(`bench-${Date.now()}`);
  await db.open();
  const out: BenchResult[] = [];
  // Fill 10,000 tickets in batches of 500, per platform/shop as pages would.
  let t0 = performance.now();
  for (let b = 0; b < 20; b++) {
    const tickets = Array.from({ length: 500 }, (_, j) => raw(b * 500 + j, 's1')).filter((t) => t.platform === 'pdd');
    await ingestBatch(
      db,
      { platform: 'pdd', pageKind: 'pdd.work-order-list', shop: { shopId: 's1' }, tickets, complete: false },
      DEFAULT_SETTINGS.rules,
      NOW,
    );
  }
  out.push({ name: 'store.fill-3334-tickets', value: Math.round(performance.now() - t0), unit: 'ms' });

  const page = Array.from({ length: 1500 }, (_, j) => raw(j, 's1')).filter((t) => t.platform === 'pdd');
  t0 = performance.now();
  const same = await ingestBatch(
    db,
    { platform: 'pdd', pageKind: 'pdd.work-order-list', shop: { shopId: 's1' }, tickets: page, complete: false },
    DEFAULT_SETTINGS.rules,
    NOW + 60_000,
  );
  out.push({ name: `store.refresh-${page.length}-unchanged`, value: Math.round(performance.now() - t0), unit: 'ms' });
  out.push({ name: 'store.refresh-unchanged.writes', value: same.written, unit: 'rows' });

  const changed = page.map((t, i) => (i % 10 === 0 ? { ...t, status: 'processing' as const } : t));
  t0 = performance.now();
  const w = await ingestBatch(
    db,
    { platform: 'pdd', pageKind: 'pdd.work-order-list', shop: { shopId: 's1' }, tickets: changed, complete: false },
    DEFAULT_SETTINGS.rules,
    NOW + 120_000,
  );
  out.push({
    name: `store.refresh-${page.length}-10pct-changed`,
    value: Math.round(performance.now() - t0),
    unit: 'ms',
  });
  out.push({ name: 'store.refresh-changed.writes', value: w.written, unit: 'rows' });

  // Popup summary over 10,000 open tickets (pure part).
  const many = (await openTickets(db)).concat(
    Array.from({ length: 10_000 - (await db.tickets.count()) }, (_, i) => ({
      ...raw(20000 + i, 's2'),
      key: `pdd:s2:${i}`,
      dueAt: NOW + ((i % 50) - 10) * H,
      dueSource: 'platform' as const,
      dueHistory: [],
      firstSeenAt: NOW,
      lastSeenAt: NOW,
    })),
  );
  t0 = performance.now();
  for (let i = 0; i < 10; i++) summarize(many, DEFAULT_SETTINGS, NOW);
  out.push({
    name: `popup.summarize-${many.length}`,
    value: Math.round(((performance.now() - t0) / 10) * 10) / 10,
    unit: 'ms',
  });
  out.push({ name: 'heap.used', value: Math.round(process.memoryUsage().heapUsed / 1e6), unit: 'MB' });
  db.close();
  await Dexie.delete(db.name);
  return out;
}
