/**
 * Deadline alerts end to end (issue 6): tickets read from a PDD 工单 list due within seconds raise one
 * aggregated notification and the right toolbar badge; after the service worker is stopped (as Chrome does
 * after 30 s idle), the next alarm starts a fresh worker, which raises the next alert exactly once.
 *
 * Short timings: thresholds of 60 s and 0 s, and the test-only sweep period `ticket-radar:test-alarm-period-ms`
 * (unpacked extensions are not held to Chrome's 30 s alarm minimum; toolchain.md).
 */
import { expect, test, type BrowserContext, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { FIXTURES, fixture, launchWithExtension, readTable, serve, type Launched } from './harness';

const LIST = 'https://mms.pinduoduo.com/aftersales/work_order/list?msfrom=mms_sidenav';
const SHOP = '445566778';
const PERIOD_MS = 5_000;
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  notifications: { enabled: true, thresholdsMs: [60_000, 0], overdueRepeatMs: 0, overdueBreaksQuiet: true },
};

interface Entry {
  ticketKeys: string[];
  alertIds: string[];
  openUrl: string;
}
interface LogEntry {
  notificationId: string;
  createdAt: number;
  alertIds: string[];
  crossedAt: number[];
  late: boolean[];
}
interface SentRow {
  id: string;
  ticketKey: string;
  dueAt: number;
  sentAt: number;
}

/** The 工单 list response (same shape as work-order-list--base.json) with deadlines `offsetsS` seconds from `t0`. */
function todoList(t0: number, offsetsS: number[]): string {
  const base = JSON.parse(readFileSync(join(FIXTURES, 'pdd', 'work-order-list--base.json'), 'utf8')) as {
    result: { dataList: Record<string, unknown>[]; total: number };
  };
  const nowS = Math.floor(t0 / 1000);
  const template = base.result.dataList[0]!;
  base.result.dataList = offsetsS.map((off, i) => ({
    ...template,
    instanceId: 9100001 + i,
    createdAt: nowS - 3600,
    deadline: nowS + off,
    status: 0,
    hideCountdownTime: false,
  }));
  base.result.total = offsetsS.length;
  return JSON.stringify(base);
}

/** Notification ids the extension shows right now (chrome.notifications.getAll in the worker). */
const shownIds = (w: Worker) => w.evaluate(async () => Object.keys(await chrome.notifications.getAll()));

/** The notifications the background raised, oldest first (`ticket-radar:alert-log`, lib/alarms/state.ts). */
const raised = (w: Worker) =>
  w.evaluate(
    async () =>
      ((await chrome.storage.local.get('ticket-radar:alert-log'))['ticket-radar:alert-log'] ?? []) as LogEntry[],
  );

/** What a shown notification lists (click handling), by notification id. */
const listed = (w: Worker, id: string) =>
  w.evaluate(
    async (k) => (await chrome.storage.local.get(k))[k] as Entry | undefined,
    `ticket-radar:notification:${id}`,
  );

const badge = (w: Worker) =>
  w.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: await chrome.action.getBadgeBackgroundColor({}),
  }));

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

/** Whether the extension's service worker is running (asked through CDP, which does not wake it). */
async function workerRunning(cdp: Cdp, extensionId: string): Promise<boolean> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
  return targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
}

/**
 * Stops the extension's service worker through CDP (what Chrome does after 30 s idle), marks its globals first
 * and waits until it is gone. Playwright's Worker handle re-attaches when Chrome starts the worker again.
 */
async function stopWorker(cdp: Cdp, worker: Worker, extensionId: string): Promise<void> {
  await worker.evaluate(() => {
    (globalThis as { __stoppedByTest?: boolean }).__stoppedByTest = true;
  });
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const sw = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  expect(sw, 'the extension service worker target').toBeDefined();
  await cdp.send('Target.closeTarget', { targetId: sw!.targetId });
  await expect.poll(() => workerRunning(cdp, extensionId), { intervals: [100] }).toBe(false);
}

/** Waits, without waking it, until something (an alarm) started the worker again; checks its globals are fresh. */
async function waitRestarted(cdp: Cdp, worker: Worker, extensionId: string): Promise<void> {
  await expect.poll(() => workerRunning(cdp, extensionId), { timeout: 40_000, intervals: [200] }).toBe(true);
  expect(await worker.evaluate(() => (globalThis as { __stoppedByTest?: boolean }).__stoppedByTest ?? false)).toBe(
    false,
  );
}

let l: Launched;
test.beforeEach(async () => {
  l = await launchWithExtension();
});
test.afterEach(async () => {
  await l.close();
});

test('alerts: one aggregated notification, badge, and after worker stops each next alert fires exactly once', async () => {
  test.setTimeout(120_000);
  await l.worker.evaluate(
    ([settings, period]) => chrome.storage.local.set({ settings, 'ticket-radar:test-alarm-period-ms': period }),
    [SETTINGS, PERIOD_MS] as const,
  );

  // A due in 20 s and B in 34 s: both are inside their 60 s threshold when first seen (one burst); C is hours away.
  let t0 = 0;
  await serve(l.context, 'https://mms.pinduoduo.com', [
    ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
    [
      '/strickland/sop/mms/todoList',
      (route) => {
        t0 = Date.now();
        return route.fulfill({
          status: 200,
          contentType: 'application/json; charset=utf-8',
          body: todoList(t0, [20, 34, 5 * 3600]),
        });
      },
    ],
  ]);
  const page = await l.context.newPage();
  await page.goto(LIST);
  const key = (i: number) => `pdd:${SHOP}:workorder:${9100001 + i}`;
  await expect.poll(async () => (await readTable(l.worker, 'tickets')).length).toBe(3);
  const tickets = new Map(
    (await readTable<{ key: string; dueAt: number }>(l.worker, 'tickets')).map((t) => [t.key, t.dueAt]),
  );
  const dueA = tickets.get(key(0))!;
  const dueB = tickets.get(key(1))!;

  // 1. One aggregated notification listing A and B, most urgent first; the badge counts 2 due soon in amber.
  await expect.poll(() => shownIds(l.worker), { timeout: 10_000 }).toHaveLength(1);
  const [first] = await raised(l.worker);
  expect(first?.alertIds).toEqual([`${key(0)}|before-60000`, `${key(1)}|before-60000`]);
  expect(first?.late).toEqual([false, false]);
  expect(await shownIds(l.worker)).toEqual([first?.notificationId]);
  const shown = await listed(l.worker, first!.notificationId);
  expect(shown?.ticketKeys).toEqual([key(0), key(1)]);
  expect(shown?.openUrl).toContain('id=9100001');
  await expect.poll(() => badge(l.worker)).toEqual({ text: '2', color: [227, 116, 0, 255] });

  // 2. Stop the worker; an alarm starts a fresh one, which raises A's deadline alert, once.
  expect(Date.now()).toBeLessThan(dueA - 3000);
  const cdp = await l.context.newCDPSession(page);
  const w = l.worker;
  await stopWorker(cdp, w, l.extensionId);
  await waitRestarted(cdp, w, l.extensionId);
  await expect.poll(async () => (await raised(w)).length, { timeout: 40_000, intervals: [250] }).toBe(2);
  const second = (await raised(w))[1]!;
  expect(second.alertIds).toEqual([`${key(0)}|before-0`]);
  await expect.poll(() => badge(w)).toEqual({ text: '1', color: [217, 48, 38, 255] });

  // 3. Stop it again before B's deadline; B alerts once.
  expect(Date.now()).toBeLessThan(dueB - 3000);
  await stopWorker(cdp, w, l.extensionId);
  await waitRestarted(cdp, w, l.extensionId);
  await expect.poll(async () => (await raised(w)).length, { timeout: 40_000, intervals: [250] }).toBe(3);
  const third = (await raised(w))[2]!;
  expect(third.alertIds).toEqual([`${key(1)}|before-0`]);
  expect(await shownIds(w)).toContain(third.notificationId);

  // 4. Two more sweeps: nothing is raised again; every threshold was recorded once.
  // Wait for the sweep alarm itself: once it is scheduled three periods on, two sweeps have run to the end.
  const sweepAt = () => w.evaluate(async () => (await chrome.alarms.get('ticket-radar:sweep'))?.scheduledTime ?? 0);
  const firstSweep = await sweepAt();
  await expect.poll(sweepAt, { timeout: 30_000 }).toBeGreaterThanOrEqual(firstSweep + 3 * PERIOD_MS - 50);
  const all = await raised(w);
  expect(all).toHaveLength(3);
  const ids = new Set(all.map((e) => e.notificationId));
  for (const id of await shownIds(w)) expect(ids.has(id)).toBe(true);
  const alertIds = all.flatMap((e) => e.alertIds);
  expect(new Set(alertIds).size).toBe(alertIds.length);
  const rows = await readTable<SentRow>(w, 'alerts');
  expect(rows.map((r) => r.id).sort()).toEqual([
    `${key(0)}|before-0`,
    `${key(0)}|before-60000`,
    `${key(1)}|before-0`,
    `${key(1)}|before-60000`,
  ]);

  // Alert latency: threshold crossing → notification raised (both after a worker stop).
  const latency = [second, third].map((e) => e.createdAt - e.crossedAt[0]!);
  expect(second.crossedAt[0]).toBe(dueA);
  expect(third.crossedAt[0]).toBe(dueB);
  test.info().annotations.push({ type: 'alert latency (ms)', description: latency.join(', ') });
  console.log(
    `[alarms e2e] alert latency after worker stop: ${latency.join(' ms, ')} ms; first burst ${first!.createdAt - t0} ms after the list was served`,
  );
  for (const ms of latency) {
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThan(5_000);
  }
});
