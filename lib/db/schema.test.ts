import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { NOTIFICATION_KEY_PREFIX, SNOOZE_KEY } from '../alarms/state';
import { planAlerts } from '../alarms/plan';
import { DEFAULT_SETTINGS } from '../model/settings';
import { TicketSchema, ticketKey } from '../model/ticket';
import { bj, H, MIN } from '../sla/testing';
import { RadarDb, SCHEMA } from './schema';
import { openTickets } from './tickets-repo';
import { finishUpgrade } from './upgrade-followup';

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
    // v1 → v2 → v3 in one open: the key gained its family (v3).
    const t = await db.tickets.get('pdd:1:workorder:7');
    expect(t?.surface).toBe('pdd.work-order-list');
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

describe('v2 → v3: tickets know their surface, keys their family', () => {
  const NOW = bj('2026-11-25 10:00');
  const base = (key: string, over: Record<string, unknown>) => {
    const [platform, shopId, nativeId] = key.split(':');
    return {
      key,
      platform,
      shopId,
      nativeId,
      kind: 'refund',
      title: '工单',
      status: 'pending',
      urgent: false,
      tags: [],
      dueHistory: [],
      firstSeenAt: NOW - 3 * H,
      lastSeenAt: NOW - H,
      ...over,
    };
  };
  /** A populated v2 database as the extension wrote it before this version. */
  async function v2Database(name: string) {
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA[1]);
    v2.version(2).stores(SCHEMA[2]);
    await v2.open();
    const pddWork = Array.from({ length: 120 }, (_, i) =>
      base(`pdd:1:${1000 + i}`, {
        url: `https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=${1000 + i}`,
        listedOn: 'pdd.work-order-list',
        createdAt: NOW - 5 * H,
        platformDueAt: NOW + (i + 1) * 10 * MIN,
        dueAt: NOW + (i + 1) * 10 * MIN,
        dueSource: 'platform',
      }),
    );
    const pddAfter = Array.from({ length: 80 }, (_, i) =>
      base(`pdd:1:${5000 + i}`, {
        url: `https://mms.pinduoduo.com/aftersales-ssr/detail?id=${5000 + i}&orderSn=x`,
        listedOn: 'pdd.aftersale-list',
        createdAt: NOW - 5 * H,
        // The old default rule on an after-sale read from the DOM before its JSON: a wrong deadline.
        ...(i % 2
          ? { dueAt: NOW + 19 * H, dueSource: 'rule:default' }
          : { platformDueAt: NOW + H, dueAt: NOW + H, dueSource: 'platform' }),
      }),
    );
    // 服务工单 of an ordinary kind, 07:46: the old rules gave it the 24 h calendar default (due 07:46 next day).
    const service = base('douyin:7:88001', {
      kind: 'service-request',
      title: '商品相关',
      tags: ['商品相关'],
      url: 'https://fxg.jinritemai.com/ffa/task-order/service',
      listedOn: 'douyin.service-tickets',
      createdAt: bj('2026-11-25 07:46'),
      dueAt: bj('2026-11-26 07:46'),
      dueSource: 'rule:default',
    });
    // 抖店 售后 read from the DOM before its JSON, counted from first seen: now + 24 h on an overdue ticket.
    const douyinAfter = base('douyin:7:99001', {
      url: 'https://fxg.jinritemai.com/ffa/maftersale/aftersale/detail?id=99001',
      listedOn: 'douyin.aftersale-list',
      dueAt: NOW - 3 * H + 24 * H,
      dueSource: 'rule:default',
    });
    const task = base('taobao:nick:T1', {
      kind: 'urge-pickup',
      title: '催揽收',
      url: 'https://myseller.taobao.com/home.htm/',
      listedOn: 'taobao.task-tickets',
      createdAt: NOW - 2 * H,
      dueAt: NOW + 22 * H,
      dueSource: 'rule:taobao-urge-pickup',
    });
    await v2.table('tickets').bulkAdd([...pddWork, ...pddAfter, service, douyinAfter, task]);
    await v2
      .table('shops')
      .add({ key: 'pdd:1', platform: 'pdd', shopId: '1', muted: false, firstSeenAt: 1, lastSeenAt: 1 });
    // The first work order already had its 2 h and 30 min alerts; the task its 2 h one.
    const sent = [
      { id: 'pdd:1:1000|before-7200000', ticketKey: 'pdd:1:1000', dueAt: NOW + 10 * MIN, sentAt: NOW - 2 * H },
      { id: 'pdd:1:1000|before-1800000', ticketKey: 'pdd:1:1000', dueAt: NOW + 10 * MIN, sentAt: NOW - 20 * MIN },
      { id: 'pdd:1:1001|before-1800000', ticketKey: 'pdd:1:1001', dueAt: NOW + 20 * MIN, sentAt: NOW - 10 * MIN },
      { id: 'pdd:1:1001|before-7200000', ticketKey: 'pdd:1:1001', dueAt: NOW + 20 * MIN, sentAt: NOW - 2 * H },
    ];
    await v2.table('alerts').bulkAdd(sent);
    v2.close();
    return { count: pddWork.length + pddAfter.length + 3, sent };
  }

  const memoryStore = (initial: Record<string, unknown>) => {
    const data: Record<string, unknown> = structuredClone(initial);
    return {
      data,
      get: () => Promise.resolve(structuredClone(data)),
      set: (items: Record<string, unknown>) => {
        Object.assign(data, structuredClone(items));
        return Promise.resolve();
      },
    };
  };

  it('keeps every row under its family key, moves alert history, snoozes and notifications, fixes wrong deadlines', async () => {
    const name = fresh('v2');
    const { count, sent } = await v2Database(name);
    const store = memoryStore({
      [SNOOZE_KEY]: { 'pdd:1:1000': NOW + 15 * MIN, 'gone:x:1': NOW },
      [`${NOTIFICATION_KEY_PREFIX}n1`]: {
        ticketKeys: ['pdd:1:1000', 'pdd:1:1001'],
        alertIds: ['pdd:1:1000|before-1800000', 'pdd:1:1001|before-1800000'],
        openUrl: 'https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=1000',
        createdAt: NOW - 10 * MIN,
        crossedAt: [NOW - 20 * MIN, NOW - 10 * MIN],
      },
    });

    const db = new RadarDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await finishUpgrade(db, DEFAULT_SETTINGS.rules, store)).toBe(true);
    // Only once.
    expect(await finishUpgrade(db, DEFAULT_SETTINGS.rules, store)).toBe(false);

    // Nothing lost; every key has its family and every row its surface.
    const all = await db.tickets.toArray();
    expect(all).toHaveLength(count);
    for (const t of all) {
      expect(TicketSchema.safeParse(t).success).toBe(true);
      expect(t.key).toBe(ticketKey(t));
    }
    expect(await db.tickets.where('key').startsWith('pdd:1:workorder:').count()).toBe(120);
    expect(await db.tickets.where('key').startsWith('pdd:1:aftersale:').count()).toBe(80);
    expect(await db.tickets.get('pdd:1:workorder:1000')).toMatchObject({
      surface: 'pdd.work-order-list',
      dueAt: NOW + 10 * MIN,
      dueSource: 'platform',
    });

    // Stored wrong deadlines are corrected: the 服务工单 by the 09:00–21:00 rule, the after-sales have none.
    expect(await db.tickets.get('douyin:7:service:88001')).toMatchObject({
      surface: 'douyin.service-tickets',
      dueAt: bj('2026-11-26 21:00'),
      dueSource: 'rule:douyin-service-normal',
    });
    expect((await db.tickets.get('douyin:7:aftersale:99001'))?.dueAt).toBeUndefined();
    const pddRuleDue = (await db.tickets.where('key').startsWith('pdd:1:aftersale:').toArray()).filter(
      (t) => t.dueSource === 'rule:default',
    );
    expect(pddRuleDue).toEqual([]);
    expect(await db.tickets.get('taobao:nick:task:T1')).toMatchObject({
      dueAt: NOW + 22 * H,
      dueSource: 'rule:taobao-urge-pickup',
    });

    // Alert history follows the keys; the old keys are remembered for old backups and stored state.
    const alerts = await db.alerts.toArray();
    expect(alerts.map((a) => a.id).sort()).toEqual(sent.map((a) => a.id.replace('pdd:1:', 'pdd:1:workorder:')).sort());
    expect(alerts.every((a) => a.id.startsWith(`${a.ticketKey}|`))).toBe(true);
    expect(await db.keyMoves.get('douyin:7:88001')).toEqual({ from: 'douyin:7:88001', to: 'douyin:7:service:88001' });
    expect(store.data[SNOOZE_KEY]).toEqual({ 'pdd:1:workorder:1000': NOW + 15 * MIN, 'gone:x:1': NOW });
    expect(store.data[`${NOTIFICATION_KEY_PREFIX}n1`]).toMatchObject({
      ticketKeys: ['pdd:1:workorder:1000', 'pdd:1:workorder:1001'],
      alertIds: ['pdd:1:workorder:1000|before-1800000', 'pdd:1:workorder:1001|before-1800000'],
    });

    // The alarms planner over the migrated database: what was sent is not sent again under the new key.
    const open = await openTickets(db);
    const plan = planAlerts(open, alerts, DEFAULT_SETTINGS, NOW);
    const dueKeys = plan.due.map((a) => a.id);
    expect(dueKeys).not.toContain('pdd:1:workorder:1000|before-1800000');
    expect(dueKeys).not.toContain('pdd:1:workorder:1000|before-7200000');
    expect(dueKeys).not.toContain('pdd:1:workorder:1001|before-1800000');
    // A threshold it had not been alerted for (10 min left now) still alerts, once, under the new key.
    expect(dueKeys.filter((id) => id.startsWith('pdd:1:workorder:1000|'))).toEqual([
      'pdd:1:workorder:1000|before-600000',
    ]);
    expect(new Set(dueKeys).size).toBe(dueKeys.length);
    expect(dueKeys.every((id) => !/^(?:pdd|douyin|taobao):[^:]+:[^:]+\|/.test(id))).toBe(true);
    db.close();
  });

  it('an empty v2 database upgrades and finishes with nothing to move', async () => {
    const name = fresh('v2-empty');
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA[1]);
    v2.version(2).stores(SCHEMA[2]);
    await v2.open();
    v2.close();
    const db = new RadarDb(name);
    await db.open();
    const store = memoryStore({});
    expect(await finishUpgrade(db, DEFAULT_SETTINGS.rules, store)).toBe(true);
    expect(store.data).toEqual({});
    expect(await db.tickets.count()).toBe(0);
    db.close();
  });
});

describe('v5: the freshness table (through v3 on the way)', () => {
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
    expect(await db.tickets.get('pdd:1:workorder:7')).toMatchObject({ ...ticket(7), key: 'pdd:1:workorder:7' });
    expect(await db.alerts.get('pdd:1:workorder:3|0')).toMatchObject({ ticketKey: 'pdd:1:workorder:3' });
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
    expect(await db.tickets.where('[platform+shopId]').equals(['pdd', '1']).first()).toMatchObject({
      nativeId: '1',
      dueHistory: [],
      listedOn: 'pdd.aftersale-list',
    });
    expect(await db.freshness.count()).toBe(0);
    db.close();
  });
});
