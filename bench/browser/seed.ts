/**
 * Seeding a store of N tickets for the popup and options figures. Tickets are what the extension's own
 * readers make of generated marketplace responses (rows.ts), so fields added to tickets later (a `surface`,
 * provenance) come along without changes here; they are written in the service worker by the repository
 * the background uses (seed-worker.ts, bundled with esbuild).
 *
 * The mix: batches of 500 spread over the last 90 days, PDD and Douyin, six shops (one of them the PDD
 * fixture's own, so the list pages' shop has a long history). Tickets first seen
 * more than a week ago are mostly finished (9 in 10 done or closed), the last week's mostly open.
 */
import type { Worker } from '@playwright/test';
import { build } from 'esbuild';
import { join } from 'node:path';
import { adapters } from '../../lib/adapters/registry';
import type { ReadResult } from '../../lib/adapters/types';
import type { Platform, RawTicket } from '../../lib/model/ticket';
import { douyinAfterSaleList, pddTodoList } from './rows';
import type { SeedBatch } from './seed-worker';

const DAY = 86_400_000;
const BATCH = 500;

function read(platform: Platform, endpoint: string, json: unknown, now: number, url: string): ReadResult {
  const ep = adapters.find((a) => a.id === platform)?.endpoints.find((e) => e.id === endpoint);
  if (!ep) throw new Error(`endpoint ${endpoint} is gone`);
  return ep.read(json, { now, pageUrl: new URL(url) });
}

/** Batches for `total` tickets, oldest first, ending at `now`. */
export function seedBatches(total: number, now: number): SeedBatch[] {
  const batches: SeedBatch[] = [];
  const count = Math.ceil(total / BATCH);
  for (let b = 0; b < count; b++) {
    const n = Math.min(BATCH, total - b * BATCH);
    const at = count === 1 ? now : now - Math.round(((count - 1 - b) / (count - 1)) * 90 * DAY);
    const pdd = b % 2 === 0;
    // Shop 0 of PDD is the fixture's own (mallId 445566778): the list pages' shop has a long history too.
    const shop = b % 6 === 0 ? undefined : 1000 + (b % 6);
    const result = pdd
      ? read(
          'pdd',
          'pdd.todoList',
          pddTodoList(n, at, { mallId: shop, offset: b * BATCH }),
          at,
          'https://mms.pinduoduo.com/',
        )
      : read(
          'douyin',
          'douyin.afterSaleList',
          douyinAfterSaleList(n, at, { shopId: shop, offset: b * BATCH }),
          at,
          'https://fxg.jinritemai.com/',
        );
    const old = now - at > 7 * DAY;
    const tickets: RawTicket[] = result.tickets.map((t, i) => ({
      ...t,
      ...(old && i % 10 !== 0 ? { status: i % 2 ? ('done' as const) : ('closed' as const) } : {}),
    }));
    if (tickets.length !== n)
      throw new Error(
        `reader returned ${tickets.length} of ${n} tickets: ${JSON.stringify(result.issues.slice(0, 3))}`,
      );
    batches.push({
      now: at,
      batch: {
        platform: pdd ? 'pdd' : 'douyin',
        pageKind: pdd ? 'pdd.work-order-list' : 'douyin.aftersale-list',
        shop: {
          shopId: result.shop?.shopId ?? String(shop ?? 'default'),
          ...(result.shop?.name ? { name: result.shop.name } : {}),
        },
        tickets: tickets.map((t) => ({ ...t, shopId: result.shop?.shopId ?? t.shopId })),
        complete: false,
      },
    });
  }
  return batches;
}

let bundle: Promise<string> | undefined;
const seedBundle = () =>
  (bundle ??= build({
    entryPoints: [join(import.meta.dirname, 'seed-worker.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  }).then((out) => out.outputFiles[0]!.text));

/** Seeds `total` tickets into the extension's database (in its service worker); resolves with the row count. */
export async function seed(worker: Worker, total: number, now = Date.now()): Promise<number> {
  await worker.evaluate(await seedBundle());
  const batches = seedBatches(total, now);
  let count = 0;
  // A few batches per call: each evaluate's payload stays small.
  for (let i = 0; i < batches.length; i += 10)
    count = await worker.evaluate(
      (bs) => (globalThis as unknown as { __benchSeed: (b: unknown) => Promise<number> }).__benchSeed(bs),
      batches.slice(i, i + 10),
    );
  return count;
}
