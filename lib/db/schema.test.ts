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
    expect(db.verno).toBe(5);
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

describe('v5: the freshness table', () => {
  const ticket = (i: number) => ({
    key: `pdd:1:${i}`,
    platform: 'pdd',
    shopId: '1',
    nativeId: String(i),
    kind: 'refund',
    title: `工单 ${i}`,
    status: 'pending',
    urgent: false,
    tags: [],
    url: `https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=${i}`,
    firstSeenAt: 1795572000000,
    lastSeenAt: 1795572000000,
    dueHistory: [],
    listedOn: 'pdd.work-order-list',
  });

  it('v2 → v5 keeps tickets, shops, alerts and health; adds an empty freshness table', async () => {
    const name = fresh('v2');
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA[1]);
    v2.version(2).stores(SCHEMA[2]);
    await v2.open();
    await v2.table('tickets').bulkAdd(Array.from({ length: 120 }, (_, i) => ticket(i)));
    await v2.table('alerts').add({ id: 'pdd:1:3|0', ticketKey: 'pdd:1:3', dueAt: 1, sentAt: 2 });
    await v2.table('health').add({
      id: 'pdd|p|c',
      adapter: 'pdd',
      page: 'p',
      code: 'c',
      detail: '',
      path: '/',
      count: 1,
      firstAt: 1,
      lastAt: 1,
    });
    v2.close();

    const db = new RadarDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.tickets.count()).toBe(120);
    expect(await db.tickets.get('pdd:1:7')).toEqual(ticket(7));
    expect(await db.alerts.count()).toBe(1);
    expect(await db.health.count()).toBe(1);
    expect(await db.freshness.count()).toBe(0);
    await db.freshness.put({
      id: 'pdd:1|pdd.work-order-list',
      shopKey: 'pdd:1',
      platform: 'pdd',
      shopId: '1',
      surface: 'pdd.work-order-list',
      failures: 0,
      emptyReads: 0,
      reloadLog: [],
    });
    expect(await db.freshness.where('shopKey').equals('pdd:1').count()).toBe(1);
    db.close();
  });

  it('v1 → v5 runs the v2 upgrade on the way', async () => {
    const name = fresh('v1-v5');
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA[1]);
    const { dueHistory: _d, listedOn: _l, ...old } = ticket(1);
    await v1.table('tickets').add({ ...old, page: 'pdd.aftersale-list' });
    v1.close();
    const db = new RadarDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.tickets.get('pdd:1:1')).toMatchObject({ dueHistory: [], listedOn: 'pdd.aftersale-list' });
    expect(await db.freshness.count()).toBe(0);
    db.close();
  });
});
