import { describe, expect, it } from 'vitest';
import { validateTickets } from './validate';
import { clipText } from './clip';
import type { ReadIssue } from './types';

const base = {
  platform: 'pdd',
  surface: 'pdd.work-order-list',
  shopId: 's1',
  nativeId: '9001',
  kind: 'refund',
  title: '退款',
  status: 'pending',
  urgent: false,
  tags: [],
  url: 'https://mms.pinduoduo.com/x?id=9001',
};

describe('clipping', () => {
  it('an over-long title, product or tag is clipped and the ticket kept', () => {
    const issues: never[] = [];
    const [t] = validateTickets(
      [
        {
          ...base,
          title: '标'.repeat(5000),
          product: 'p'.repeat(300),
          tags: ['长'.repeat(50), ...Array(30).fill('x')],
        },
      ],
      issues,
    );
    expect(issues).toEqual([]);
    expect(t!.title).toHaveLength(200);
    expect(t!.title.endsWith('…')).toBe(true);
    expect(t!.product).toHaveLength(200);
    expect(t!.tags).toHaveLength(20);
    expect(t!.tags[0]).toHaveLength(20);
  });
  it('never splits a surrogate pair; ids are not clipped', () => {
    expect(clipText('a' + '😀'.repeat(10), 6)).toBe('a😀😀…');
    const issues: ReadIssue[] = [];
    expect(validateTickets([{ ...base, nativeId: '9'.repeat(200) }], issues)).toEqual([]);
    expect(issues[0]?.code).toBe('item-invalid');
  });
});
