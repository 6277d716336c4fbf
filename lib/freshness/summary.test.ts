import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../model/settings';
import { ageText, indicatorText, shopFreshness } from './summary';
import { emptyRow, type FreshRow } from './schedule';

const NOW = 1_795_572_000_000; // 10:00 Beijing
const MIN = 60_000;
const row = (surface: string, over: Partial<FreshRow> = {}): FreshRow => ({
  ...emptyRow('pdd', '1', surface),
  ...over,
});
const shops = [
  {
    key: 'pdd:1',
    platform: 'pdd' as const,
    shopId: '1',
    name: '暖居家纺',
    muted: false,
    firstSeenAt: 1,
    lastSeenAt: 1,
  },
];

describe('shopFreshness', () => {
  it('one entry per shop: newest read, age, kept fresh while a tab is watched', () => {
    const [s] = shopFreshness(
      [
        row('pdd.work-order-list', { lastReadAt: NOW - 3 * MIN, watchedAt: NOW - MIN }),
        row('pdd.aftersale-list', { lastReadAt: NOW - 40 * MIN }),
      ],
      shops,
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(s).toMatchObject({
      shopKey: 'pdd:1',
      name: '暖居家纺',
      lastReadAt: NOW - 3 * MIN,
      ageMs: 3 * MIN,
      keptFresh: true,
      stale: false,
      loggedOut: false,
    });
    expect(s!.surfaces.map((x) => x.surface)).toEqual(['pdd.aftersale-list', 'pdd.work-order-list']);
  });

  it('stale past 30 min when kept fresh, past 2 h otherwise; never read is stale', () => {
    const kept = [row('pdd.work-order-list', { lastReadAt: NOW - 31 * MIN, watchedAt: NOW })];
    expect(shopFreshness(kept, shops, DEFAULT_SETTINGS, NOW)[0]!.stale).toBe(true);
    const notKept = [row('pdd.work-order-list', { lastReadAt: NOW - 31 * MIN })];
    expect(shopFreshness(notKept, shops, DEFAULT_SETTINGS, NOW)[0]).toMatchObject({ keptFresh: false, stale: false });
    expect(
      shopFreshness([row('pdd.work-order-list', { lastReadAt: NOW - 121 * MIN })], shops, DEFAULT_SETTINGS, NOW)[0]!
        .stale,
    ).toBe(true);
    expect(shopFreshness([row('pdd.work-order-list')], shops, DEFAULT_SETTINGS, NOW)[0]!.stale).toBe(true);
  });

  it('logged out while the newest word is a logged-out page', () => {
    const out = shopFreshness(
      [row('pdd.work-order-list', { lastReadAt: NOW - 9 * MIN, lastLoggedOutAt: NOW - MIN })],
      [],
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(out[0]).toMatchObject({ loggedOut: true, name: '1' });
  });
});

it('texts', () => {
  expect(ageText(undefined)).toBe('freshNever');
  expect(ageText(30_000)).toBe('freshJustNow');
  expect(ageText(3 * MIN)).toBe('freshMinutesAgo(3)');
  expect(ageText(130 * MIN)).toBe('freshHoursAgo(2)');
  expect(indicatorText({ intervalMin: 5, lastReadAt: NOW + 42 * MIN, paused: false, on: true })).toBe(
    'freshIndicator(5,10:42)',
  );
  expect(indicatorText({ intervalMin: 5, lastReadAt: NOW, paused: true, on: true })).toBe(
    'freshIndicatorPaused(10:00)',
  );
  expect(indicatorText({ intervalMin: 5, paused: false, on: false })).toBe('freshIndicatorOff(freshNever)');
});
