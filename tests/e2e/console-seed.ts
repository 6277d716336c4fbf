/**
 * Seeded data for the console specs (popup, overview): tickets across three platforms and four shops, written
 * straight into the extension's IndexedDB from the service worker. The generator runs inside the worker (one
 * evaluate, no 50,000 objects over the wire), so it is self-contained: no imports, plain data.
 */
import type { Worker } from '@playwright/test';

export interface SeedOptions {
  count: number;
  now: number;
  /** Share of tickets that are finished (done/closed): the overview's history. */
  finishedShare: number;
}

export const SEED_SHOPS = [
  { platform: 'pdd', shopId: '445566778', name: '好物旗舰店' },
  { platform: 'pdd', shopId: '998877665', name: '拼拼百货' },
  { platform: 'douyin', shopId: '7001', name: '抖音小店A' },
  { platform: 'taobao', shopId: 'tb-88', name: '淘气家居' },
] as const;

/** Seeds `tickets` and `shops`; resolves to the number of tickets written. */
export async function seedTickets(worker: Worker, opts: SeedOptions): Promise<number> {
  return worker.evaluate(
    ({ opts, shops }) => {
      const H = 3_600_000;
      const kinds = ['refund', 'return', 'exchange', 'logistics', 'urge-ship', 'consult'];
      const titles = ['买家申请仅退款', '退货退款申请', '换货申请', '物流停滞投诉', '催发货', '商品咨询'];
      const products = ['保温杯 500ml', '棉拖鞋', '收纳盒三件套', '蓝牙耳机', '厨房置物架'];
      const buyers = ['张三', '李四', '王五', '赵六', 'tb_buyer_01'];
      const hosts: Record<string, string> = {
        pdd: 'https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=',
        douyin: 'https://fxg.jinritemai.com/ffa/maftersale/aftersale/detail?id=',
        taobao: 'https://myseller.taobao.com/home.htm/refund/detail?id=',
      };
      // A small deterministic generator: the same seed gives the same rows in every run.
      let x = 12345;
      const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
      const rows: Record<string, unknown>[] = [];
      for (let i = 0; i < opts.count; i++) {
        const shop = shops[i % shops.length]!;
        const k = i % kinds.length;
        const nativeId = String(100000 + i);
        const finished = rnd() < opts.finishedShare;
        const firstSeenAt = opts.now - Math.floor(rnd() * 28 * 24 * H) - H;
        // Deadlines spread from 6 h late to 3 days ahead; every 9th without one, every 13th the buyer's turn.
        // Whole hours plus 30 min from `now`: no deadline sits near a state boundary (now, now + 2 h), so the
        // counts a spec reads in the popup and, seconds later, in the overview are the same counts.
        const dueAt = i % 9 === 4 ? undefined : opts.now + Math.floor(rnd() * 78 - 6) * H + 30 * 60_000;
        // Each platform's main list (lib/model/surface.ts): the surface, and its family in the key.
        const surface = { pdd: 'pdd.work-order-list', douyin: 'douyin.aftersale-list', taobao: 'taobao.refund-list' }[
          shop.platform
        ];
        const family = { pdd: 'workorder', douyin: 'aftersale', taobao: 'refund' }[shop.platform];
        const t: Record<string, unknown> = {
          key: `${shop.platform}:${shop.shopId}:${family}:${nativeId}`,
          platform: shop.platform,
          surface,
          shopId: shop.shopId,
          shopName: shop.name,
          nativeId,
          kind: kinds[k],
          title: titles[k],
          status: finished ? (i % 2 ? 'done' : 'closed') : i % 3 ? 'pending' : 'processing',
          orderId: `2411${String(20000000 + i * 7919).padStart(12, '0')}`,
          buyer: buyers[i % buyers.length],
          product: products[(i * 7) % products.length],
          urgent: false,
          tags: [],
          url: `${hosts[shop.platform]}${nativeId}`,
          dueHistory: [],
          firstSeenAt,
          lastSeenAt: finished ? Math.min(opts.now, firstSeenAt + Math.floor(rnd() * 72 * H)) : opts.now - 60_000,
        };
        if (dueAt !== undefined) {
          t.dueAt = finished ? firstSeenAt + 48 * H : dueAt;
          t.platformDueAt = t.dueAt;
          t.dueSource = 'platform';
        }
        if (!finished && i % 13 === 6) t.turn = 'buyer';
        if (!finished && i % 17 === 8) t.unseenSince = opts.now - 2 * H;
        rows.push(t);
      }
      return new Promise<number>((res, rej) => {
        const open = indexedDB.open('ticket-radar');
        open.onerror = () => rej(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const tx = idb.transaction(['tickets', 'shops'], 'readwrite');
          const ts = tx.objectStore('tickets');
          for (const r of rows) ts.put(r);
          for (const s of shops)
            tx.objectStore('shops').put({
              key: `${s.platform}:${s.shopId}`,
              platform: s.platform,
              shopId: s.shopId,
              name: s.name,
              muted: false,
              firstSeenAt: opts.now - 30 * 24 * H,
              lastSeenAt: opts.now,
            });
          tx.oncomplete = () => {
            idb.close();
            res(rows.length);
          };
          tx.onerror = () => rej(tx.error);
        };
      });
    },
    { opts, shops: SEED_SHOPS },
  );
}
