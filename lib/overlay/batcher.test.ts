import { describe, expect, it, vi } from 'vitest';
import type { TicketView } from '../messaging/protocol';
import type { RawTicket } from '../model/ticket';
import { createBatcher, MERGE_MS, type IngestRequest } from './batcher';

const t = (id: number): RawTicket => ({
  platform: 'pdd',
  surface: 'pdd.work-order-list',
  shopId: 's1',
  nativeId: String(id),
  kind: 'refund',
  title: '退款',
  status: 'pending',
  urgent: false,
  tags: [],
  url: `https://mms.pinduoduo.com/x?id=${id}`,
});
const req = (ids: number[], complete = false): IngestRequest => ({
  platform: 'pdd',
  pageKind: 'pdd.work-order-list',
  shop: { shopId: 's1' },
  tickets: ids.map(t),
  complete,
});
const views = (r: IngestRequest) => r.tickets.map((x) => ({ nativeId: x.nativeId }) as TicketView);

describe('batcher', () => {
  it('merges a flood of reads into few messages; every caller gets its views', async () => {
    vi.useFakeTimers();
    const sent: IngestRequest[] = [];
    const b = createBatcher({ send: async (r) => (sent.push(r), views(r)) });
    const all = Array.from({ length: 1000 }, (_, i) => b.ingest(req([i % 50])));
    await vi.runAllTimersAsync();
    const got = await Promise.all(all);
    // The first read goes at once; the 999 behind it, within the merge window, as one batch.
    expect(sent.map((r) => r.tickets.length)).toEqual([1, 50]);
    expect(got[0]).toHaveLength(1);
    expect(got.slice(1).every((v) => v.length === 50)).toBe(true);
    vi.useRealTimers();
  });

  it("a quiet page's read goes at once; reads right after it wait for the merge window", async () => {
    vi.useFakeTimers();
    const sent: [number, number][] = [];
    const start = Date.now();
    const b = createBatcher({ send: async (r) => (sent.push([Date.now() - start, r.tickets.length]), views(r)) });
    void b.ingest(req([1]));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([[0, 1]]);
    void b.ingest(req([2]));
    void b.ingest(req([3]));
    await vi.advanceTimersByTimeAsync(MERGE_MS - 1);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([
      [0, 1],
      [MERGE_MS, 2],
    ]);
    // Quiet again for longer than the window: the next read goes at once again.
    await vi.advanceTimersByTimeAsync(MERGE_MS * 2);
    void b.ingest(req([4]));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.at(-1)).toEqual([MERGE_MS * 3, 1]);
    vi.useRealTimers();
  });

  it('retries what the worker did not acknowledge (killed, rate-refused): nothing lost, order kept', async () => {
    vi.useFakeTimers();
    let fails = 4;
    const stored: string[] = [];
    const b = createBatcher({
      send: async (r) => {
        if (fails-- > 0) throw new Error(fails % 2 ? 'The message port closed' : 'rate: retry after 300 ms');
        stored.push(...r.tickets.map((x) => x.nativeId));
        return views(r);
      },
    });
    const first = b.ingest(req([1, 2], true));
    const second = b.ingest(req([3]));
    await vi.runAllTimersAsync();
    await expect(first).resolves.toHaveLength(2);
    await expect(second).resolves.toHaveLength(1);
    expect(stored).toEqual(['1', '2', '3']);
    expect(b.pending()).toBe(0);
    vi.useRealTimers();
  });

  it('a 1,201-ticket listing goes in chunks of 500, none of them claiming completeness', async () => {
    const sent: IngestRequest[] = [];
    const b = createBatcher({ send: async (r) => (sent.push(r), views(r)) });
    const v = await b.ingest(
      req(
        Array.from({ length: 1201 }, (_, i) => i),
        true,
      ),
    );
    expect(v).toHaveLength(1201);
    expect(sent.map((r) => [r.tickets.length, r.complete])).toEqual([
      [500, false],
      [500, false],
      [201, false],
    ]);
  });

  it('a batch refused for good is given up at once and does not hold up the ones behind it', async () => {
    vi.useFakeTimers();
    const stored: string[] = [];
    const b = createBatcher({
      final: (e) => e instanceof Error && e.message === 'other-shop',
      send: async (r) => {
        if (r.shop.shopId === 'other') throw new Error('other-shop');
        stored.push(...r.tickets.map((x) => x.nativeId));
        return views(r);
      },
    });
    const forged = expect(b.ingest({ ...req([1], true), shop: { shopId: 'other' } })).rejects.toThrow('other-shop');
    const next = b.ingest(req([2], true));
    await vi.runAllTimersAsync();
    await forged;
    await expect(next).resolves.toHaveLength(1);
    expect(stored).toEqual(['2']);
    vi.useRealTimers();
  });

  it('while the worker is away, reads of one page fold into one waiting batch; all are stored once it is back', async () => {
    vi.useFakeTimers();
    let down = true;
    const sent: IngestRequest[] = [];
    const b = createBatcher({
      send: async (r) => {
        if (down) throw new Error('Could not establish connection. Receiving end does not exist.');
        sent.push(r);
        return views(r);
      },
    });
    const all: Promise<TicketView[]>[] = [];
    for (let i = 0; i < 300; i++) {
      all.push(b.ingest(req([i])));
      await vi.advanceTimersByTimeAsync(25);
    }
    expect(b.pending()).toBeLessThanOrEqual(3); // the one being retried, one waiting, one open
    down = false;
    await vi.runAllTimersAsync();
    await Promise.all(all);
    expect(new Set(sent.flatMap((r) => r.tickets.map((x) => x.nativeId))).size).toBe(300);
    expect(sent.length).toBeLessThan(10);
    expect(b.pending()).toBe(0);
    vi.useRealTimers();
  });

  it('stops retrying once the extension context is gone', async () => {
    const b = createBatcher({
      send: async () => Promise.reject(new Error('Extension context invalidated')),
      alive: () => false,
    });
    await expect(b.ingest(req([1], true))).rejects.toThrow(/invalidated/);
  });
});
