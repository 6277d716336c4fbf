import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../sla';
import { RadarDb } from './schema';
import { rekeyFallbackShop, resolveShopId, setShopAlias, setShopMuted } from './shops-repo';
import { defaultTemplates } from '../templates/defaults';
import { ingestBatch } from './tickets-repo';

const NOW = Date.UTC(2026, 10, 25, 2);
let db: RadarDb;
beforeEach(async () => {
  db = new RadarDb(`shops-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('shops repository', () => {
  it("keeps the merchant's alias and mute when a page refreshes the shop", async () => {
    const batch = {
      platform: 'pdd' as const,
      pageKind: 'pdd.work-order-list',
      shop: { shopId: 's1', name: '暖居家纺' },
      tickets: [],
      complete: false,
    };
    await ingestBatch(db, batch, DEFAULT_RULES, NOW);
    expect(await setShopAlias(db, 'pdd:s1', '家纺主店')).toBe(true);
    expect(await setShopMuted(db, 'pdd:s1', true)).toBe(true);
    expect(await setShopMuted(db, 'pdd:s1', true)).toBe(false);
    await ingestBatch(db, { ...batch, shop: { shopId: 's1', name: '暖居家纺旗舰店' } }, DEFAULT_RULES, NOW + 3600_000);
    expect(await db.shops.get('pdd:s1')).toMatchObject({ name: '暖居家纺旗舰店', alias: '家纺主店', muted: true });
    expect(await setShopAlias(db, 'pdd:s1', '')).toBe(true);
    expect((await db.shops.get('pdd:s1'))?.alias).toBeUndefined();
    expect(await setShopAlias(db, 'pdd:missing', 'x')).toBe(false);
  });
});

describe('resolveShopId: a page that names no shop joins the real one', () => {
  const list = (shopId: string, name: string, ids: string[]) => ({
    platform: 'pdd' as const,
    pageKind: 'pdd.work-order-list',
    shop: { shopId, name },
    tickets: ids.map((id) => ({
      platform: 'pdd' as const,
      shopId,
      nativeId: id,
      kind: 'refund' as const,
      surface: 'pdd.work-order-list' as const,
      title: '退款',
      status: 'pending' as const,
      urgent: false,
      tags: [],
      url: `https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=${id}`,
    })),
    complete: false,
  });
  it('keeps real ids; resolves by header name, by who holds the ticket, or the only shop', async () => {
    expect(await resolveShopId(db, 'pdd', { shopId: 'default' }, ['1'])).toBe('default'); // nothing known yet
    await ingestBatch(db, list('111', '暖居家纺旗舰店', ['1', '2']), DEFAULT_RULES, NOW);
    expect(await resolveShopId(db, 'pdd', { shopId: '999' }, [])).toBe('999');
    expect(await resolveShopId(db, 'pdd', { shopId: 'default' }, ['7'])).toBe('111'); // the only shop
    await ingestBatch(db, list('222', '优选百货', ['3']), DEFAULT_RULES, NOW);
    expect(await resolveShopId(db, 'pdd', { shopId: 'name-x', name: '优选百货' }, [])).toBe('222');
    expect(await resolveShopId(db, 'pdd', { shopId: 'default' }, ['2'])).toBe('111');
    expect(await resolveShopId(db, 'pdd', { shopId: 'default' }, ['7'])).toBe('default'); // two shops, no evidence
    expect(await resolveShopId(db, 'douyin', { shopId: 'default' }, ['1'])).toBe('default');
  });
});

describe('rekeyFallbackShop: a stand-in shop replaced by the real one', () => {
  const raw = (shopId: string, nativeId: string, tags: string[] = []) => ({
    platform: 'pdd' as const,
    surface: 'pdd.work-order-list' as const,
    shopId,
    nativeId,
    kind: 'refund' as const,
    title: '退款',
    status: 'pending' as const,
    urgent: false,
    tags,
    url: `https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=${nativeId}`,
  });
  const batch = (shopId: string, ids: string[], tags: string[] = []) => ({
    platform: 'pdd' as const,
    pageKind: 'pdd.work-order-list',
    shop: { shopId },
    tickets: ids.map((id) => raw(shopId, id, tags)),
    complete: false,
  });

  it('moves only the named tickets, merges with a real row, and carries alias, mute and template scopes', async () => {
    await ingestBatch(db, batch('name-abc', ['1', '2', '3'], ['加急']), DEFAULT_RULES, NOW - 3600_000);
    await ingestBatch(db, batch('s1', ['2']), DEFAULT_RULES, NOW);
    await setShopAlias(db, 'pdd:name-abc', '主店');
    await setShopMuted(db, 'pdd:name-abc', true);
    const [tpl] = defaultTemplates();
    await db.templates.put({ ...tpl!, scope: { ...tpl!.scope, shops: ['pdd:name-abc', 'pdd:other'] } });

    const out = await rekeyFallbackShop(db, 'pdd', 'name-abc', { shopId: 's1' }, ['1', '2']);
    expect(out.moved).toEqual([
      ['pdd:name-abc:workorder:1', 'pdd:s1:workorder:1'],
      ['pdd:name-abc:workorder:2', 'pdd:s1:workorder:2'],
    ]);
    const keys = (await db.tickets.toArray()).map((t) => t.key).sort();
    expect(keys).toEqual(['pdd:name-abc:workorder:3', 'pdd:s1:workorder:1', 'pdd:s1:workorder:2']); // ticket 3 was not this session's
    const merged = (await db.tickets.get('pdd:s1:workorder:2'))!;
    expect(merged.firstSeenAt).toBe(NOW - 3600_000); // the earliest sighting survives
    expect(merged.tags).toEqual(['加急']);
    expect(await db.shops.get('pdd:s1')).toMatchObject({ alias: '主店', muted: true });
    expect((await db.templates.get(tpl!.id))!.scope.shops).toEqual(['pdd:s1', 'pdd:other']);
  });

  it('never merges two real shops, and does nothing without tickets', async () => {
    await ingestBatch(db, batch('s2', ['1']), DEFAULT_RULES, NOW);
    expect((await rekeyFallbackShop(db, 'pdd', 's2', { shopId: 's1' }, ['1'])).moved).toEqual([]);
    expect((await rekeyFallbackShop(db, 'pdd', 'default', { shopId: 's1' }, [])).moved).toEqual([]);
    expect((await rekeyFallbackShop(db, 'pdd', 'default', { shopId: 'name-x' }, ['1'])).moved).toEqual([]);
  });
});
