import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../model/settings';
import type { Ticket } from '../model/ticket';
import { summarize } from './summary';

const NOW = Date.UTC(2026, 10, 25, 2);
const H = 3600_000;
const tk = (id: string, over: Partial<Ticket>): Ticket => ({
  key: `pdd:s:workorder:${id}`,
  platform: 'pdd',
  surface: 'pdd.work-order-list',
  shopId: 's',
  nativeId: id,
  kind: 'refund',
  title: 't',
  status: 'pending',
  urgent: false,
  tags: [],
  url: 'https://mms.pinduoduo.com/x',
  dueHistory: [],
  firstSeenAt: NOW - H,
  lastSeenAt: NOW,
  ...over,
});

describe('summarize', () => {
  it('groups overdue, due soon, no deadline and unseen', () => {
    const s = summarize(
      [
        tk('a', { dueAt: NOW - H, dueSource: 'platform', platformDueAt: NOW - H }),
        tk('b', { dueAt: NOW + 10 * 60_000, dueSource: 'platform', platformDueAt: NOW + 10 * 60_000 }),
        tk('c', { dueAt: NOW + 30 * H, dueSource: 'platform', platformDueAt: NOW + 30 * H }),
        tk('d', {}),
        tk('e', { dueAt: NOW - H, dueSource: 'platform', platformDueAt: NOW - H, unseenSince: NOW }),
        tk('f', { dueAt: NOW - H, dueSource: 'platform', platformDueAt: NOW - H, status: 'processing', turn: 'buyer' }),
      ],
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(s.overdue.map((i) => i.ticket.nativeId)).toEqual(['a']);
    expect(s.soon.map((i) => [i.ticket.nativeId, i.tier])).toEqual([['b', 'critical']]);
    expect(s.noDeadline.map((i) => i.ticket.nativeId)).toEqual(['d']);
    expect(s.unseen.map((i) => i.ticket.nativeId)).toEqual(['e']);
    expect(s.waiting.map((i) => i.ticket.nativeId)).toEqual(['f']); // the buyer's countdown is not overdue
    expect(s.open).toBe(6);
  });
});
