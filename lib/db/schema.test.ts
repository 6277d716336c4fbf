import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { RadarDb, SCHEMA } from './schema';

const names: string[] = [];
const fresh = (tag: string) => {
  const n = `radar-test-${tag}-${Math.random().toString(36).slice(2)}`;
  names.push(n);
  return n;
};
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('Dexie schema upgrades on populated databases', () => {
  it('v1 → v2 keeps every ticket, adds dueHistory, renames page → listedOn', async () => {
    const name = fresh('v1');
    // A database as version 1 of the extension wrote it.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA[1]);
    const rows = Array.from({ length: 250 }, (_, i) => ({
      key: `pdd:1:${i}`,
      platform: 'pdd',
      shopId: '1',
      nativeId: String(i),
      kind: 'refund',
      title: `工单 ${i}`,
      status: i % 3 === 0 ? 'done' : 'pending',
      urgent: false,
      tags: [],
      url: `https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=${i}`,
      firstSeenAt: 1795572000000,
      lastSeenAt: 1795572000000,
      dueAt: 1795572000000 + i * 60_000,
      dueSource: 'platform',
      page: 'pdd.work-order-list',
    }));
    await v1.table('tickets').bulkAdd(rows);
    await v1
      .table('shops')
      .add({ key: 'pdd:1', platform: 'pdd', shopId: '1', muted: false, firstSeenAt: 1, lastSeenAt: 1 });
    v1.close();

    const db = new RadarDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.tickets.count()).toBe(250);
    const t = await db.tickets.get('pdd:1:7');
    expect(t?.dueHistory).toEqual([]);
    expect(t?.listedOn).toBe('pdd.work-order-list');
    expect(t && 'page' in t).toBe(false);
    expect(await db.shops.count()).toBe(1);
    // The v2 indexes work on migrated rows.
    expect(await db.tickets.where('status').equals('pending').count()).toBe(166);
    expect(await db.tickets.where('listedOn').equals('pdd.work-order-list').count()).toBe(250);
    expect(await db.alerts.count()).toBe(0);
    db.close();
  });
});
