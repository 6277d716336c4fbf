import { RadarDb } from '../../lib/db/schema';
import { ingestBatch } from '../../lib/db/tickets-repo';
import { mergeTicket, sameTicket } from '../../lib/tickets/merge';
import { ticketKey } from '../../lib/model';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { toView } from '../../lib/background/views';
(globalThis as any).__prof = async (batches: any[]) => {
  const db = new RadarDb();
  await db.open();
  const out: any[] = [];
  const rules = DEFAULT_SETTINGS.rules;
  for (const { batch, now } of batches) {
    const r: any = {};
    let t = performance.now();
    t = performance.now();
    const keys = batch.tickets.map((x: any) => ticketKey(x.platform, x.shopId, x.nativeId));
    const prev = await db.tickets.bulkGet(keys);
    r.bulkGet = performance.now() - t;
    t = performance.now();
    const merged = batch.tickets.map((raw: any, i: number) => mergeTicket(prev[i], raw, { rules, now, pageKind: batch.pageKind, complete: false }));
    r.merge = performance.now() - t;
    t = performance.now();
    merged.filter((m: any, i: number) => !sameTicket(prev[i], m));
    r.same = performance.now() - t;
    t = performance.now();
    const o = await ingestBatch(db, batch, rules, now);
    r.ingest = performance.now() - t;
    t = performance.now();
    o.tickets.map((x: any) => toView(x, rules, now, 'zh'));
    r.views = performance.now() - t;
    t = performance.now();
    await ingestBatch(db, batch, rules, now);
    r.ingestAgain = performance.now() - t;
    out.push(Object.fromEntries(Object.entries(r).map(([k, v]: any) => [k, Math.round(v)])));
  }
  db.close();
  return out;
};
