/**
 * The worker side through the real message handler (lib/background/handlers.ts) with fakeBrowser and
 * fake-indexeddb: reads record freshness, new tickets are marked and announced once per burst, a logged-out page
 * notifies once, the tick reloads one free tab per shop and surface.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RadarDb } from '../db/schema';
import { handleMessage, type HandlerDeps } from '../background/handlers';
import { DEFAULT_SETTINGS } from '../model/settings';
import {
  ANNOUNCE_LOG_KEY,
  flushAnnounce,
  freshnessHooks,
  idle,
  LOGGED_OUT_NOTIFICATION_PREFIX,
  tick,
  type FreshDeps,
} from './worker';

const NOW = Date.UTC(2026, 10, 25, 2);
const MIN = 60_000;
const self = { id: 'extid', origin: 'chrome-extension://extid' };
const content = { id: 'extid', url: 'https://mms.pinduoduo.com/aftersales/work_order/list', tab: { id: 7 } };
let clock = NOW;
let fdeps: FreshDeps;
let deps: HandlerDeps;

beforeEach(() => {
  fakeBrowser.reset();
  clock = NOW;
  const db = new RadarDb(`fw-${Math.random().toString(36).slice(2)}`);
  fdeps = {
    db,
    now: () => clock,
    settings: async () => DEFAULT_SETTINGS,
    random: () => 0,
    rich: true,
    iconUrl: 'icon.png',
    log: vi.fn(),
  };
  deps = {
    db,
    now: () => clock,
    settings: async () => DEFAULT_SETTINGS,
    self,
    marketplaceMatches: ['https://mms.pinduoduo.com/*'],
    freshness: freshnessHooks(() => fdeps),
    log: vi.fn(),
  };
});
afterEach(async () => {
  fdeps.db.close();
  await Dexie.delete(fdeps.db.name);
});

const raw = (id: string, createdAt = clock - 3600_000) => ({
  platform: 'pdd',
  surface: 'pdd.work-order-list',
  shopId: 's1',
  nativeId: id,
  kind: 'refund',
  title: `退款 ${id}`,
  status: 'pending',
  urgent: false,
  tags: [],
  createdAt,
  url: `https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=${id}`,
});
const ingest = async (ids: string[], complete = true) => {
  await handleMessage(
    {
      type: 'tickets/ingest',
      platform: 'pdd',
      pageKind: 'pdd.work-order-list',
      shop: { shopId: 's1', name: '暖居家纺' },
      tickets: ids.map((id) => raw(id)),
      complete,
    },
    content,
    deps,
  );
  await idle();
};
const log = async () =>
  ((await fakeBrowser.storage.local.get(ANNOUNCE_LOG_KEY))[ANNOUNCE_LOG_KEY] ?? []) as { id: string; keys: string[] }[];

describe('reads and new tickets', () => {
  it('the first read is the baseline; a ticket first seen after it is marked new and announced once', async () => {
    await ingest(['1', '2']);
    const row = await fdeps.db.freshness.get('pdd:s1|pdd.work-order-list');
    expect(row).toMatchObject({ lastReadAt: NOW, lastCompleteAt: NOW, failures: 0 });
    expect(await flushAnnounce(fdeps)).toBeUndefined();

    clock += 5 * MIN;
    await ingest(['1', '2', '3', '4']);
    expect((await fdeps.db.tickets.get('pdd:s1:workorder:3'))?.newSince).toBe(clock);
    expect((await fdeps.db.tickets.get('pdd:s1:workorder:1'))?.newSince).toBeUndefined();
    const id = await flushAnnounce(fdeps);
    expect(id).toMatch(/^ticket-radar:alert:new:/);
    const shown = (await fakeBrowser.notifications.getAll()) as Record<string, { title: string }>;
    expect(shown[id!]?.title).toBe('freshNewTitle(2,拼多多 暖居家纺)');
    expect((await log()).map((e) => e.keys)).toEqual([['pdd:s1:workorder:3', 'pdd:s1:workorder:4']]);
    // Flushed once: nothing pending any more.
    expect(await flushAnnounce(fdeps)).toBeUndefined();
  });

  it('a pending new ticket that a complete listing stopped showing is not announced', async () => {
    await ingest(['1']);
    clock += MIN;
    await ingest(['1', '2']);
    clock += MIN;
    await ingest(['1']); // 2 is gone again before the burst's notification
    expect((await fdeps.db.tickets.get('pdd:s1:workorder:2'))?.unseenSince).toBe(clock);
    expect(await flushAnnounce(fdeps)).toBeUndefined();
  });

  it('tickets/opened ends the "new" mark', async () => {
    await ingest(['1']);
    clock += MIN;
    await ingest(['1', '2']);
    await handleMessage(
      { type: 'tickets/opened', keys: ['pdd:s1:workorder:2'] },
      { id: 'extid', url: 'chrome-extension://extid/popup.html' },
      deps,
    );
    expect(await fdeps.db.tickets.get('pdd:s1:workorder:2')).toMatchObject({
      newSince: NOW + MIN,
      openedAt: NOW + MIN,
    });
  });
});

describe('logged out', () => {
  it('a not-logged-in report from the tab backs its row off and notifies once', async () => {
    await ingest(['1']);
    const report = {
      type: 'health/report',
      reports: [{ adapter: 'pdd', page: 'pdd.work-order-list', code: 'not-logged-in', detail: 'x', path: '/' }],
    };
    clock += 5 * MIN;
    await handleMessage(report, content, deps);
    await idle();
    clock += 10 * MIN;
    await handleMessage(report, content, deps);
    await idle();
    const row = await fdeps.db.freshness.get('pdd:s1|pdd.work-order-list');
    expect(row).toMatchObject({ failures: 2, lastLoggedOutAt: clock, loggedOutNotifiedAt: NOW + 5 * MIN });
    const shown = Object.keys(await fakeBrowser.notifications.getAll());
    expect(shown).toEqual([`${LOGGED_OUT_NOTIFICATION_PREFIX}pdd:s1`]);
    expect((await log()).filter((e) => e.id.includes('logged-out'))).toHaveLength(1);
    expect((await fdeps.db.health.get('pdd|pdd.work-order-list|fresh-logged-out'))?.count).toBe(2);
  });
});

describe('tick', () => {
  it('reloads one free tab of a due row, never the one in use, and sets the next slot', async () => {
    await ingest(['1']);
    const tabs = [
      { id: 7, windowId: 1, active: true, status: 'complete' },
      { id: 8, windowId: 1, active: false, status: 'complete' },
    ];
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(tabs as never);
    vi.spyOn(fakeBrowser.windows, 'getAll').mockResolvedValue([{ id: 1, focused: true }] as never);
    const reload = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined as never);
    // Tab 8 shows the same list (its content script reported, then its read arrived).
    await handleMessage(
      { type: 'freshness/activity', frame: 'f8', draft: false, picker: false },
      { ...content, tab: { id: 8 } },
      deps,
    );
    await handleMessage(
      {
        type: 'tickets/ingest',
        platform: 'pdd',
        pageKind: 'pdd.work-order-list',
        shop: { shopId: 's1' },
        tickets: [raw('1')],
        complete: true,
      },
      { ...content, tab: { id: 8 } },
      deps,
    );
    await idle();

    clock += 4 * MIN;
    expect((await tick(fdeps)).reloaded).toEqual([]); // not due yet
    clock += MIN;
    expect((await tick(fdeps)).reloaded).toEqual([8]);
    expect(reload).toHaveBeenCalledTimes(1);
    const row = await fdeps.db.freshness.get('pdd:s1|pdd.work-order-list');
    expect(row).toMatchObject({ lastReloadAt: clock, nextDueAt: clock + 5 * MIN, pendingReload: { tabId: 8 } });
    clock += MIN;
    expect((await tick(fdeps)).reloaded).toEqual([]); // one reload per interval across all tabs
  });
});
