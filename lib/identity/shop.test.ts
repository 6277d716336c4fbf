import { describe, expect, it } from 'vitest';
import { batchOfRead, isFallbackShopId, keyOf, resolvePageShop, resolveStoredShop, supersededShop } from './shop';

const real = { shopId: '98765432', confidence: 'page' as const };
const header = { shopId: 'name-abc', name: '某某旗舰店', confidence: 'fallback' as const };
const none = { shopId: 'default', confidence: 'fallback' as const };

describe('resolvePageShop: the same shop whatever order reads arrive in', () => {
  it('a shop a response names wins over the header stand-in, and keeps the header name', () => {
    const first = resolvePageShop(undefined, { document: header });
    expect(first).toEqual(header);
    expect(resolvePageShop(first, { read: real, document: header })).toEqual({ ...real, name: '某某旗舰店' });
  });
  it('after the real shop is known, stand-ins never replace it', () => {
    const known = resolvePageShop(undefined, { read: real });
    expect(resolvePageShop(known, { read: header, document: none }).shopId).toBe('98765432');
    expect(resolvePageShop(known, { document: header })).toEqual({ ...real, name: '某某旗舰店' });
  });
  it('both orders give the same answer', () => {
    const a = resolvePageShop(resolvePageShop(undefined, { document: header }), { read: real, document: header });
    const b = resolvePageShop(resolvePageShop(undefined, { read: real, document: header }), { document: header });
    expect(a).toEqual(b);
  });
  it('a second real shop replaces the first (the merchant switched shops)', () => {
    expect(resolvePageShop(real, { read: { shopId: '111', confidence: 'page' } }).shopId).toBe('111');
  });
  it('a named stand-in beats `default`', () => {
    expect(resolvePageShop(none, { document: none, read: header })).toEqual(header);
    expect(resolvePageShop(undefined, {})).toEqual(none);
  });
});

describe('supersededShop', () => {
  it('names the stand-in a real shop replaces; never a real one', () => {
    expect(supersededShop(header, real)).toBe('name-abc');
    expect(supersededShop(real, { shopId: '111', confidence: 'page' })).toBeUndefined();
    expect(supersededShop(header, header)).toBeUndefined();
    expect(supersededShop(undefined, real)).toBeUndefined();
  });
});

describe('resolveStoredShop', () => {
  const shops = [
    { shopId: 'A', name: '甲店' },
    { shopId: 'B', name: '乙店', alias: '乙' },
  ];
  it('by header name or alias, then by the one holder, then the only shop', () => {
    expect(resolveStoredShop({ shopId: 'name-x', name: '乙' }, { realShops: shops, holders: new Set() })).toBe('B');
    expect(resolveStoredShop({ shopId: 'default' }, { realShops: shops, holders: new Set(['A']) })).toBe('A');
    expect(resolveStoredShop({ shopId: 'default' }, { realShops: shops, holders: new Set(['A', 'B']) })).toBe(
      'default',
    );
    expect(resolveStoredShop({ shopId: 'default' }, { realShops: [shops[0]!], holders: new Set() })).toBe('A');
    expect(resolveStoredShop({ shopId: 'A' }, { realShops: [], holders: new Set() })).toBe('A');
  });
});

it('keys and stand-in ids', () => {
  expect(keyOf({ platform: 'pdd', shopId: 's', surface: 'pdd.aftersale-list', nativeId: '1' })).toBe(
    'pdd:s:aftersale:1',
  );
  expect(isFallbackShopId('name-x') && isFallbackShopId('default') && !isFallbackShopId('123')).toBe(true);
});

describe('batchOfRead: one decision for DOM batches and worker-read copies', () => {
  const t = (nativeId: string, shopId = 'default'): { nativeId: string; shopId: string; shopName?: string } => ({
    nativeId,
    shopId,
  });
  const header = { shopId: 'name-hdr', name: '测试旗舰店', confidence: 'fallback' } as const;
  const real = { shopId: 'mall-1', confidence: 'page' } as const;

  it('under a stand-in: tickets join it and their ids are remembered for the hand-over', () => {
    const out = batchOfRead(undefined, { tickets: [t('1'), t('2')] }, header, []);
    expect(out.shop).toEqual(header);
    expect(out.batch?.tickets.map((x) => [x.shopId, x.shopName])).toEqual([
      ['name-hdr', '测试旗舰店'],
      ['name-hdr', '测试旗舰店'],
    ]);
    expect(out.standIn).toEqual({ shopId: 'name-hdr', nativeIds: ['1', '2'] });
    expect(out.batch?.supersedes).toBeUndefined();
  });

  it('the real shop hands over every stand-in with ids, and remembers nothing', () => {
    const standIns = [
      { shopId: 'name-hdr', nativeIds: ['1'] },
      { shopId: 'default', nativeIds: [] },
    ];
    const out = batchOfRead(header, { tickets: [t('3', 'mall-1')], shop: real }, header, standIns);
    expect(out.shop).toMatchObject({ shopId: 'mall-1', name: '测试旗舰店' });
    expect(out.batch?.supersedes).toEqual([{ shopId: 'name-hdr', nativeIds: ['1'] }]);
    expect(out.standIn).toBeUndefined();
  });

  it('a read with nothing to store decides the shop but makes no batch; an empty complete listing does', () => {
    expect(batchOfRead(undefined, { tickets: [], shop: real }, undefined, [])).toEqual({ shop: real });
    const out = batchOfRead(real, { tickets: [], complete: true, completeSince: 5 }, undefined, []);
    expect(out.batch).toMatchObject({ complete: true, completeSince: 5, tickets: [] });
  });
});
