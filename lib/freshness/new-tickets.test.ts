import { describe, expect, it } from 'vitest';
import type { Ticket } from '../model/ticket';
import { DEFAULT_SETTINGS } from '../model/settings';
import { announces, buildNewTicketsNotification, isMarkedNew, newTickets } from './new-tickets';
import { emptyRow } from './schedule';

const NOW = 1_795_572_000_000;
const tk = (id: string, over: Partial<Ticket> = {}): Ticket => ({
  key: `pdd:445566:workorder:${id}`,
  platform: 'pdd',
  surface: 'pdd.work-order-list',
  shopId: '445566',
  nativeId: id,
  kind: 'refund',
  title: `退款 ${id}`,
  status: 'pending',
  urgent: false,
  tags: [],
  url: `https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=${id}`,
  dueHistory: [],
  firstSeenAt: NOW,
  lastSeenAt: NOW,
  ...over,
});
const baseline = {
  ...emptyRow('pdd', '445566', 'pdd.work-order-list'),
  lastReadAt: NOW - 300_000,
  lastCompleteAt: NOW - 300_000,
};

describe('newTickets', () => {
  it('the first read after install is the baseline: nothing is new', () => {
    expect(newTickets(undefined, [tk('1')], NOW)).toEqual([]);
    expect(newTickets(emptyRow('pdd', '445566', 'pdd.work-order-list'), [tk('1')], NOW)).toEqual([]);
  });

  it('after a complete listing, open tickets first seen in this read are new', () => {
    const out = newTickets(baseline, [tk('1'), tk('2', { firstSeenAt: NOW - 1 }), tk('3', { status: 'done' })], NOW);
    expect(out.map((t) => t.nativeId)).toEqual(['1']);
  });

  it('after a partial listing (PDD 待处理 tab), only tickets created since the last read (less 10 min) are new', () => {
    const partial = { ...emptyRow('pdd', '445566', 'pdd.work-order-list'), lastReadAt: NOW - 300_000 };
    const out = newTickets(
      partial,
      [
        tk('new', { createdAt: NOW - 60_000 }),
        tk('lag', { createdAt: NOW - 300_000 - 9 * 60_000 }),
        tk('old', { createdAt: NOW - 3 * 3600_000 }), // met on page 2 or another tab
        tk('unknown'),
      ],
      NOW,
    );
    expect(out.map((t) => t.nativeId)).toEqual(['new', 'lag']);
  });
});

it('isMarkedNew until opened once', () => {
  expect(isMarkedNew({})).toBe(false);
  expect(isMarkedNew({ newSince: NOW })).toBe(true);
  expect(isMarkedNew({ newSince: NOW, openedAt: NOW + 1 })).toBe(false);
});

it('announces per platform and surface', () => {
  const f = DEFAULT_SETTINGS.freshness;
  expect(announces(f, 'pdd', 'pdd.work-order-list')).toBe(true);
  expect(announces({ ...f, announceSurfaces: { 'pdd.work-order-list': false } }, 'pdd', 'pdd.work-order-list')).toBe(
    false,
  );
  expect(announces({ ...f, announce: { ...f.announce, pdd: false } }, 'pdd', 'pdd.aftersale-list')).toBe(false);
});

describe('buildNewTicketsNotification', () => {
  const shops = new Map([
    [
      'pdd:445566',
      {
        key: 'pdd:445566',
        platform: 'pdd' as const,
        shopId: '445566',
        name: '暖居家纺',
        muted: false,
        firstSeenAt: 1,
        lastSeenAt: 1,
      },
    ],
  ]);
  it('one notification for the burst, titled with the count and the shop, with an open button', () => {
    const n = buildNewTicketsNotification([tk('1'), tk('2'), tk('3')], shops, { rich: true, iconUrl: 'i.png' })!;
    // i18n returns keys outside the extension: the count and "platform shop" are the substitutions.
    expect(n.options.title).toBe('freshNewTitle(3,拼多多 暖居家纺)');
    expect(n.options.items).toHaveLength(3);
    expect(n.options.buttons).toEqual([{ title: 'alertOpen' }]);
    expect(n.ticketKeys).toEqual(['pdd:445566:workorder:1', 'pdd:445566:workorder:2', 'pdd:445566:workorder:3']);
    expect(n.openUrl).toContain('id=1');
  });

  it('several shops: the first one and …; Firefox gets a basic one', () => {
    const n = buildNewTicketsNotification([tk('1'), tk('2', { shopId: '9', key: 'pdd:9:2' })], shops, {
      rich: false,
      iconUrl: 'i.png',
    })!;
    expect(n.options.title).toBe('freshNewTitle(2,拼多多 暖居家纺 …)');
    expect(n.options.type).toBe('basic');
    expect(n.options.buttons).toBeUndefined();
  });

  it('nothing to announce: no notification', () => {
    expect(buildNewTicketsNotification([], shops, { rich: true, iconUrl: '' })).toBeUndefined();
  });
});
