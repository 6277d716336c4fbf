import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RadarDb } from '../db/schema';
import { DEFAULT_SETTINGS } from '../model/settings';
import { handleMessage, type HandlerDeps } from './handlers';
import { toView } from './views';
import { uiLocale } from '../i18n';

const NOW = Date.UTC(2026, 10, 25, 2);
const self = { id: 'extid', origin: 'chrome-extension://extid' };
const content = { id: 'extid', url: 'https://mms.pinduoduo.com/aftersales/work_order/list', tab: { id: 1 } };
let deps: HandlerDeps;

beforeEach(async () => {
  const db = new RadarDb(`h-${Math.random().toString(36).slice(2)}`);
  deps = {
    db,
    now: () => NOW,
    settings: async () => DEFAULT_SETTINGS,
    self,
    marketplaceMatches: ['https://mms.pinduoduo.com/*'],
    onTicketsChanged: vi.fn(),
    log: vi.fn(),
  };
});
afterEach(async () => {
  deps.db.close();
  await Dexie.delete(deps.db.name);
});

const ticket = {
  platform: 'pdd',
  surface: 'pdd.work-order-list',
  shopId: 's1',
  nativeId: '9001',
  kind: 'refund',
  title: '退款',
  status: 'pending',
  urgent: false,
  tags: [],
  url: 'https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=9001',
  deadline: { type: 'at', at: NOW + 3600_000 },
};
const ingest = (over: object = {}) => ({
  type: 'tickets/ingest',
  platform: 'pdd',
  pageKind: 'pdd.work-order-list',
  shop: { shopId: 's1' },
  tickets: [ticket],
  complete: false,
  ...over,
});

describe('handleMessage', () => {
  it('ingests valid tickets and answers with views', async () => {
    const r = await handleMessage(ingest(), content, deps);
    expect(r).toMatchObject({
      ok: true,
      views: [{ key: 'pdd:s1:workorder:9001', dueAt: NOW + 3600_000, dueSource: 'platform' }],
    });
    expect(deps.onTicketsChanged).toHaveBeenCalledOnce();
  });
  it("answers with the views of exactly the rows it stored, in the batch's order", async () => {
    const second = { ...ticket, nativeId: '9002', deadline: undefined };
    const r = await handleMessage(ingest({ tickets: [second, ticket] }), content, deps);
    const stored = await deps.db.tickets.bulkGet(['pdd:s1:workorder:9002', 'pdd:s1:workorder:9001']);
    const rules = DEFAULT_SETTINGS.rules;
    expect(r).toEqual({ ok: true, views: stored.map((t) => toView(t!, rules, NOW, uiLocale())) });
  });
  it('rejects invalid payloads with a logged reason and writes nothing', async () => {
    const r = await handleMessage(ingest({ tickets: 'all of them' as never }), content, deps);
    expect(r).toEqual({ ok: false, error: 'invalid message' });
    expect(deps.log).toHaveBeenCalledWith(expect.stringContaining('invalid payload'));
    expect(await deps.db.tickets.count()).toBe(0);
  });
  it('validates each ticket of a batch: an invalid one is dropped and recorded, the others are stored', async () => {
    const bad = { ...ticket, nativeId: '4002', url: 'javascript:alert(1)' };
    const r = await handleMessage(ingest({ tickets: [bad, ticket] }), content, deps);
    expect(r.ok).toBe(true);
    expect((await deps.db.tickets.toArray()).map((t) => t.nativeId)).toEqual([ticket.nativeId]);
    expect(await deps.db.health.toArray()).toMatchObject([{ code: 'item-invalid', detail: 'item 0: url' }]);
  });
  it('rejects foreign senders', async () => {
    const r = await handleMessage(ingest(), { ...content, url: 'https://evil.example/' }, deps);
    expect(r).toEqual({ ok: false, error: 'sender not allowed' });
    expect(await deps.db.tickets.count()).toBe(0);
  });
  it('drops tickets that claim another shop than the batch', async () => {
    await handleMessage(ingest({ tickets: [{ ...ticket, shopId: 'other' }] }), content, deps);
    expect(await deps.db.tickets.count()).toBe(0);
  });
  it('folds repeated health reports into one counted entry', async () => {
    const rep = {
      adapter: 'pdd',
      page: 'pdd.work-order-list',
      code: 'no-rows',
      detail: 'x',
      path: '/aftersales/work_order/list',
    };
    await handleMessage({ type: 'health/report', reports: [rep] }, content, deps);
    await handleMessage({ type: 'health/report', reports: [rep] }, content, deps);
    expect(await deps.db.health.toArray()).toMatchObject([{ id: 'pdd|pdd.work-order-list|no-rows', count: 2 }]);
  });
  it('a page session speaks only for its own shop and surface', async () => {
    const b = { ...ticket, shopId: 's2', nativeId: '7001' };
    // Shop s2's open ticket, stored from its own tab.
    await handleMessage(ingest({ shop: { shopId: 's2' }, tickets: [b] }), { ...content, tab: { id: 2 } }, deps);
    await handleMessage(ingest(), content, deps); // tab 1 is shop s1's page
    // Tab 1 then claims a complete, empty listing of shop s2: refused, recorded, nothing marked.
    const r = await handleMessage(ingest({ shop: { shopId: 's2' }, tickets: [], complete: true }), content, deps);
    expect(r).toEqual({ ok: false, error: 'other-shop' });
    expect((await deps.db.tickets.get('pdd:s2:7001'))?.unseenSince).toBeUndefined();
    expect(await deps.db.health.toArray()).toMatchObject([{ code: 'session-other-shop' }]);
    // A new shop id plants nothing either.
    await handleMessage(ingest({ shop: { shopId: 's9' }, tickets: [{ ...ticket, shopId: 's9' }] }), content, deps);
    expect((await deps.db.tickets.toArray()).filter((t) => t.shopId === 's9')).toEqual([]);
  });
  it('a complete listing claimed for another surface than the sender is on marks nothing unseen', async () => {
    await handleMessage(ingest({ pageKind: 'pdd.aftersale-list' }), { ...content, tab: { id: 5 } }, deps);
    const r = await handleMessage(
      ingest({ pageKind: 'pdd.aftersale-list', tickets: [], complete: true }),
      content,
      deps,
    );
    expect(r).toMatchObject({ ok: true });
    expect((await deps.db.tickets.get('pdd:s1:9001'))?.unseenSince).toBeUndefined();
  });
});
