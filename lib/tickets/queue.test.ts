import { describe, expect, it } from 'vitest';
import { due, H, MIN, NOW, tk } from '../alarms/testing';
import { DEFAULT_SETTINGS } from '../model/settings';
import { initialsOf } from './initials';
import { matches, shortOrder, type QueueFilter } from './filter';
import { queueRows, stepTicket } from './queue';
import { pickNext } from './round';
import { summarize } from './summary';

const tickets = [
  due('a', NOW - H, { title: '买家申请仅退款', orderId: '240601123456789', buyer: '张三' }),
  due('b', NOW + 10 * MIN, { shopId: 't', key: 'pdd:t:b', title: '催发货', kind: 'urge-ship' }),
  due('c', NOW + 30 * H, { platform: 'douyin', key: 'douyin:s:c', title: '退货退款申请' }),
  due('w', NOW - H, { turn: 'buyer' }),
  tk('n'),
];
const label = (k: string) => ({ 'pdd:s': '好物旗舰店', 'pdd:t': '拼拼百货' })[k] ?? '抖音小店';
const f = (over: Partial<QueueFilter>): QueueFilter => ({ query: '', ...over });
const keys = (q: Partial<QueueFilter>) =>
  tickets.filter((t) => matches(t, f(q), label, initialsOf)).map((t) => t.nativeId);

describe('matches', () => {
  it('filters by platform, shop and kind', () => {
    expect(keys({ platform: 'douyin' })).toEqual(['c']);
    expect(keys({ shop: 'pdd:t' })).toEqual(['b']);
    expect(keys({ kind: 'urge-ship' })).toEqual(['b']);
  });

  it('searches order number (with or without #), buyer, title, shop and pinyin initials', () => {
    expect(keys({ query: '#6789' })).toEqual(['a']);
    expect(keys({ query: '张三' })).toEqual(['a']);
    expect(keys({ query: '催发' })).toEqual(['b']);
    expect(keys({ query: 'cfh' })).toEqual(['b']); // 催发货
    expect(keys({ query: 'thtk' })).toEqual(['c']); // 退货退款
    expect(keys({ query: 'ppbh' })).toEqual(['b']); // 拼拼百货, the shop
    expect(keys({ query: 'zzz' })).toEqual([]);
  });

  it('short order numbers keep the last six digits', () => {
    expect(shortOrder('240601123456789')).toBe('…456789');
    expect(shortOrder('1234')).toBe('1234');
    expect(shortOrder(undefined)).toBeUndefined();
  });
});

describe('queueRows', () => {
  const s = summarize(tickets, DEFAULT_SETTINGS, NOW);

  it('lists sections in order with their counts; waiting starts folded', () => {
    const rows = queueRows(s, () => true, { groupByShop: false, unfolded: [] });
    expect(rows.map((r) => (r.type === 'section' ? `${r.id}:${r.count}${r.folded ? '+' : ''}` : r.type))).toEqual([
      'overdue:1',
      'ticket',
      'soon:1',
      'ticket',
      'later:1',
      'ticket',
      'noDeadline:1',
      'ticket',
      'waiting:1+',
    ]);
    const open = queueRows(s, () => true, { groupByShop: false, unfolded: ['waiting'] });
    expect(open.at(-1)).toMatchObject({ type: 'ticket', section: 'waiting' });
  });

  it('groups by shop inside a section', () => {
    const both = summarize(
      [tickets[0]!, due('a2', NOW - 2 * H, { shopId: 't', key: 'pdd:t:a2' })],
      DEFAULT_SETTINGS,
      NOW,
    );
    const rows = queueRows(both, () => true, { groupByShop: true, unfolded: [] });
    expect(rows.map((r) => (r.type === 'shop' ? r.key : r.type))).toEqual([
      'section',
      'pdd:t',
      'ticket',
      'pdd:s',
      'ticket',
    ]);
  });

  it('↑/↓ step over headers and stop at the ends', () => {
    const rows = queueRows(s, () => true, { groupByShop: false, unfolded: [] });
    expect(stepTicket(rows, -1, 1)).toBe(1);
    expect(stepTicket(rows, 1, 1)).toBe(3);
    expect(stepTicket(rows, 3, -1)).toBe(1);
    expect(stepTicket(rows, 1, -1)).toBe(1);
    expect(stepTicket(rows, 7, 1)).toBe(7); // the folded waiting section has no rows
  });
});

describe('pickNext', () => {
  const s = summarize(tickets, DEFAULT_SETTINGS, NOW);
  it('goes most urgent first, skips what was opened this round, then starts a new round', () => {
    expect(pickNext(s, [])).toEqual({ ticket: tickets[0], newRound: false });
    expect(pickNext(s, ['pdd:s:workorder:a']).ticket?.nativeId).toBe('b');
    // Waiting on others is never "next": the merchant cannot act on it.
    expect(pickNext(s, ['pdd:s:workorder:a', 'pdd:t:b', 'douyin:s:c', 'pdd:s:workorder:n'])).toEqual({
      ticket: tickets[0],
      newRound: true,
    });
  });
});
