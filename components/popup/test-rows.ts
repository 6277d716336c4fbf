/** Stored tickets for the popup's data tests (use-queue-data.test.ts, first-rows.test.ts). */
import type { Ticket } from '@/lib/model/ticket';

export const H = 3_600_000;
export const NOW = Date.UTC(2026, 11, 3, 2);

/** A PDD 工单 ticket numbered `i`, pending, with `over` on top. */
export function row(i: number, over: Partial<Ticket>): Ticket {
  return {
    key: `pdd:1:workorder:${String(i).padStart(6, '0')}`,
    platform: 'pdd',
    shopId: '1',
    nativeId: String(i),
    kind: 'refund',
    title: `t${i}`,
    status: 'pending',
    urgent: false,
    tags: [],
    url: 'https://mms.pinduoduo.com/',
    dueHistory: [],
    firstSeenAt: NOW - H,
    lastSeenAt: NOW,
    ...over,
  } as Ticket;
}
