import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RadarDb } from '../db/schema';
import { DEFAULT_SETTINGS } from '../model/settings';
import { handleMessage, type HandlerDeps } from './handlers';
import { toView } from './views';
import { uiLocale } from '../i18n';
import { readFileSync } from 'node:fs';
import type { ReadAnswer } from '../messaging/protocol';
import { createSessionGuard } from './session-guard';

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

describe('pages/read: a copy read and stored in one hop', () => {
  const body = readFileSync('tests/fixtures/pdd/work-order-list--base.json', 'utf8');
  const read = (over: object = {}) => ({
    type: 'pages/read',
    platform: 'pdd',
    pageKind: 'pdd.work-order-list',
    now: NOW,
    pageUrl: content.url,
    source: {
      kind: 'response',
      endpoint: 'pdd.todoList',
      url: 'https://mms.pinduoduo.com/strickland/sop/mms/todoList',
      body,
    },
    ...over,
  });

  it('stores what it read under the shop it names and answers with that shop and the views', async () => {
    const r = (await handleMessage(read(), content, deps)) as { ok: true; result: ReadAnswer };
    expect(r.ok).toBe(true);
    const stored = await deps.db.tickets.toArray();
    expect(stored.length).toBeGreaterThan(0);
    expect(new Set(stored.map((t) => t.shopId))).toEqual(new Set([r.result.shop.shopId]));
    expect(r.result.shop.confidence).toBe('page');
    expect(r.result.views.map((v) => v.key).sort()).toEqual(stored.map((t) => t.key).sort());
    expect(r.result.handedOver).toEqual([]);
  });

  it('moves what the session stored under its stand-in once the read names the real shop', async () => {
    const standIn = 'name-abc';
    await handleMessage(
      ingest({ shop: { shopId: standIn }, tickets: [{ ...ticket, shopId: standIn, nativeId: '9001001' }] }),
      content,
      deps,
    );
    expect((await deps.db.tickets.toArray()).filter((t) => t.shopId === standIn)).toHaveLength(1);
    const r = (await handleMessage(
      read({ standIns: [{ shopId: standIn, nativeIds: ['9001001'] }] }),
      content,
      deps,
    )) as { ok: true; result: ReadAnswer };
    expect(r.result.handedOver).toEqual([standIn]);
    const all = await deps.db.tickets.toArray();
    expect(all.filter((t) => t.shopId === standIn)).toEqual([]);
    expect(all.filter((t) => t.nativeId === '9001001').map((t) => t.shopId)).toEqual([r.result.shop.shopId]);
  });

  it("a copy beyond the session's rate is refused before it is read, and nothing is stored", async () => {
    deps.guard = createSessionGuard(() => NOW, { perSecond: 1, burst: 1 });
    expect(await handleMessage(read(), content, deps)).toMatchObject({ ok: true });
    await deps.db.tickets.clear();
    const r = await handleMessage(read(), content, deps);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^rate: retry after \d+ ms$/) });
    expect(await deps.db.tickets.count()).toBe(0);
  });

  it("a copy naming another shop than the session's is refused and recorded; its tickets are not stored", async () => {
    await handleMessage(ingest({ shop: { shopId: 'other-mall' }, tickets: [], complete: true }), content, deps);
    await deps.db.tickets.clear();
    const r = await handleMessage(read(), content, deps);
    expect(r).toEqual({ ok: false, error: 'other-shop' });
    expect(await deps.db.tickets.count()).toBe(0);
    expect(await deps.db.health.toArray()).toMatchObject([{ code: 'session-other-shop' }]);
  });

  it("a page URL that is not the sender's is refused", async () => {
    const r = await handleMessage(read({ pageUrl: 'https://evil.example/x' }), content, deps);
    expect(r).toMatchObject({ ok: false });
    expect(await deps.db.tickets.count()).toBe(0);
  });
});
