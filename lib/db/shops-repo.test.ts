import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../sla';
import { RadarDb } from './schema';
import { resolveShopId, setShopAlias, setShopMuted } from './shops-repo';
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
