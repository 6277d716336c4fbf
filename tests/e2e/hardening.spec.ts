/**
 * Issue 11: a hostile page, as an attacker would try it, on the built extension. Each test names the attack
 * and asserts the outcome the README promises.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { MAX_BODY_CHARS } from '../../lib/overlay/page-channel';
import { FIXTURE_NOW } from '../support/fixtures';
import { shiftTimes } from '../support/shift-times';
import {
  BADGE,
  EXTENSION,
  FIXTURES,
  fixture,
  healthCodes,
  launchWithExtension,
  openPopup,
  readiness,
  readinessAbove,
  readTable,
  serve,
  type Launched,
  type Responder,
} from './harness';
import { markEnd, markStart, traceMainThread, type MainTask, type MainThread } from './main-thread-trace';

const LIST = 'https://mms.pinduoduo.com/aftersales/work_order/list?msfrom=mms_sidenav';
const TODO = '/strickland/sop/mms/todoList';

let l: Launched;
test.beforeEach(async () => {
  l = await launchWithExtension();
});
test.afterEach(async () => {
  await l.close();
});

/** The 工单 list fixture, shifted to now; `edit` changes its rows. */
function todoJson(edit: (rows: Record<string, unknown>[]) => Record<string, unknown>[] = (r) => r): string {
  const raw = JSON.parse(readFileSync(join(FIXTURES, 'pdd', 'work-order-list--base.json'), 'utf8')) as {
    result: { dataList: Record<string, unknown>[]; total?: number };
  };
  const json = shiftTimes(raw, Date.now() - FIXTURE_NOW) as typeof raw;
  json.result.dataList = edit(json.result.dataList);
  if ('total' in json.result) json.result.total = json.result.dataList.length;
  return JSON.stringify(json);
}

async function servePdd(todo: () => string = () => todoJson()) {
  await serve(l.context, 'https://mms.pinduoduo.com', [
    ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
    [TODO, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: todo() })],
  ]);
}

const keys = async () => (await readTable<{ key: string }>(l.worker, 'tickets')).map((t) => t.key).sort();

test('fingerprints: wrapped fetch and XHR look native; no global marker', async () => {
  await servePdd();
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect(page.locator(BADGE)).toHaveCount(4); // the hook is installed and copying

  const probe = await page.evaluate(() => {
    // A fresh same-origin frame has the untouched natives (the PDD hook does not run in frames).
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const pristine = frame.contentWindow as Window & typeof globalThis;
    const fpToString = Function.prototype.toString;
    const describe = (f: unknown, owner: object, key: string) => {
      const fn = f as (...a: unknown[]) => unknown;
      const d = Object.getOwnPropertyDescriptor(owner, key);
      return {
        callToString: fpToString.call(fn),
        ownToString: String(fn),
        toStringOfToString: Function.prototype.toString.toString(),
        name: fn.name,
        length: fn.length,
        ownKeys: Reflect.ownKeys(fn).map(String),
        nameDescriptor: JSON.stringify(Object.getOwnPropertyDescriptor(fn, 'name')),
        lengthDescriptor: JSON.stringify(Object.getOwnPropertyDescriptor(fn, 'length')),
        hasPrototype: 'prototype' in fn,
        slot: d ? { writable: d.writable, enumerable: d.enumerable, configurable: d.configurable } : null,
        ownToStringProp: Object.prototype.hasOwnProperty.call(fn, 'toString'),
      };
    };
    const ours = {
      fetch: describe(window.fetch, window, 'fetch'),
      open: describe(XMLHttpRequest.prototype.open, XMLHttpRequest.prototype, 'open'),
      send: describe(XMLHttpRequest.prototype.send, XMLHttpRequest.prototype, 'send'),
      toString: describe(Function.prototype.toString, Function.prototype, 'toString'),
    };
    const native = {
      fetch: describe(pristine.fetch, pristine, 'fetch'),
      open: describe(pristine.XMLHttpRequest.prototype.open, pristine.XMLHttpRequest.prototype, 'open'),
      send: describe(pristine.XMLHttpRequest.prototype.send, pristine.XMLHttpRequest.prototype, 'send'),
      toString: describe(pristine.Function.prototype.toString, pristine.Function.prototype, 'toString'),
    };
    const pristineKeys = new Set(Reflect.ownKeys(pristine).map(String));
    const extraGlobals = Reflect.ownKeys(window)
      .map(String)
      .filter((k) => !pristineKeys.has(k) && /radar|ticket|hook/i.test(k));
    return {
      ours,
      native,
      extraGlobals,
      marker: (window as unknown as Record<symbol, unknown>)[Symbol.for('ticket-radar.hook')] ?? null,
      constructError: (() => {
        try {
          new (window.fetch as unknown as new () => unknown)();
          return 'constructed';
        } catch (e) {
          return (e as Error).constructor.name;
        }
      })(),
    };
  });
  expect(probe.ours).toEqual(probe.native);
  expect(probe.ours.fetch.callToString).toBe('function fetch() { [native code] }');
  expect(probe.ours.open.callToString).toBe('function open() { [native code] }');
  expect(probe.ours.send.ownToString).toBe('function send() { [native code] }');
  expect(probe.extraGlobals).toEqual([]);
  expect(probe.marker).toBeNull();
  expect(probe.constructError).toBe('TypeError');
});

test('forged page events: a script that dispatches our old event or asks for a port plants nothing', async () => {
  let calls = 0;
  // The page's second listing (after the forgeries) adds one real ticket, so the test waits on it.
  await servePdd(() =>
    todoJson((rows) =>
      ++calls === 1 ? rows : [...rows, { ...rows[0], instanceId: 9001999, orderSn: '241125-000000000000001' }],
    ),
  );
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect(page.locator(BADGE)).toHaveCount(4);
  const forged = todoJson((rows) => rows.map((r) => ({ ...r, instanceId: Number(r.instanceId) + 7000, mallId: 1 })));
  const outcome = await page.evaluate((body) => {
    const msg = {
      type: 'response',
      url: location.origin + '/strickland/sop/mms/todoList',
      receivedAt: Date.now(),
      transport: 'fetch',
      body,
      requestBody: JSON.stringify({ serviceStatus: [0, 1, 4], pageNum: 1, pageSize: 20 }),
    };
    // 1. The event the hook used to dispatch.
    window.dispatchEvent(new CustomEvent('ticket-radar:page-data', { detail: JSON.stringify(msg) }));
    // 2. Offering our hook a port of its own (it took one at document_start and stopped listening).
    const ch = new MessageChannel();
    const takenByHook = !window.dispatchEvent(
      new MessageEvent('ticket-radar:port', { ports: [ch.port2], cancelable: true }),
    );
    // 3. Asking the isolated side for a port, as our hook does at document_start.
    let offered = 0;
    window.addEventListener('ticket-radar:port', (e) => {
      offered++;
      (e as MessageEvent).ports[0]?.postMessage(msg);
    });
    window.dispatchEvent(new Event('ticket-radar:hello'));
    (window as unknown as { __reloadList: () => void }).__reloadList();
    return { offered, takenByHook };
  }, forged);
  expect(outcome).toEqual({ offered: 0, takenByHook: false });
  await expect.poll(keys).toContain('pdd:445566778:workorder:9001999');
  expect((await keys()).filter((k) => /:900[0-9]{4}$/.test(k) && !/:9001(00[1-4]|999)$/.test(k))).toEqual([]);
  expect(await keys()).not.toContain('pdd:1:9008001');
});

test("forged other-shop listing: shop A's page cannot mark shop B's tickets unseen or plant a new shop", async () => {
  const B = 778899001;
  // Shop B's page (its own tab) lists B's open tickets first.
  const pageB = await l.context.newPage();
  await pageB.route(`https://mms.pinduoduo.com${TODO}`, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: todoJson((rows) => rows.map((r) => ({ ...r, mallId: B }))),
    }),
  );
  await servePdd();
  await pageB.goto(LIST);
  await expect(pageB.locator(BADGE)).toHaveCount(4);
  const bKeys = (await keys()).filter((k) => k.startsWith(`pdd:${B}:`));
  expect(bKeys).toHaveLength(4);

  // Shop A's page; then a script on it fetches an unfiltered, complete list that names shop B with one of its
  // four tickets (the other three "gone"), and one that names a shop nobody has.
  const pageA = await l.context.newPage();
  let call = 0;
  await pageA.route(`https://mms.pinduoduo.com${TODO}`, (route) => {
    call++;
    const body =
      call === 1
        ? todoJson()
        : call === 2
          ? todoJson((rows) => [{ ...rows[0], mallId: B }])
          : todoJson((rows) => rows.map((r) => ({ ...r, mallId: 1234567, instanceId: Number(r.instanceId) + 5000 })));
    return route.fulfill({ contentType: 'application/json', body });
  });
  await pageA.goto(LIST);
  await expect(pageA.locator(BADGE)).toHaveCount(4);
  for (const i of [2, 3]) {
    await pageA.evaluate(() => (window as unknown as { __reloadList: () => void }).__reloadList());
    await expect.poll(() => call).toBe(i);
  }
  // The refusals are recorded; wait for them rather than for time.
  await expect
    .poll(async () => (await readTable<{ code: string }>(l.worker, 'health')).map((h) => h.code))
    .toContain('session-other-shop');
  const all = await readTable<{ key: string; shopId: string; unseenSince?: number }>(l.worker, 'tickets');
  expect(all.filter((t) => t.shopId === String(B) && t.unseenSince !== undefined)).toEqual([]);
  expect(all.filter((t) => t.shopId === '1234567')).toEqual([]);
  expect((await readTable<{ shopId: string }>(l.worker, 'shops')).map((s) => s.shopId).sort()).toEqual(
    ['445566778', String(B)].sort(),
  );
});

test("a restarted worker still knows the page's shop: a forged other-shop listing after the restart is refused", async () => {
  let call = 0;
  await servePdd(() =>
    ++call === 1
      ? todoJson()
      : todoJson((rows) => rows.map((r) => ({ ...r, mallId: 1234567, instanceId: Number(r.instanceId) + 5000 }))),
  );
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect(page.locator(BADGE)).toHaveCount(4); // the session is bound to shop 445566778
  await l.worker.evaluate(() => ((globalThis as { __life?: string }).__life = 'first'));
  // MV3 stops idle workers after 30 s (or kills them): the next one starts with empty globals.
  const popup = await l.context.newPage();
  await popup.goto(`chrome-extension://${l.extensionId}/popup.html`);
  const cdp = await l.context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await popup.close();
  // The page's own fetch now returns a listing naming another shop: it wakes the new worker.
  await page.evaluate(() => (window as unknown as { __reloadList: () => void }).__reloadList());
  await expect.poll(() => call).toBe(2);
  const worker = l.context.serviceWorkers()[0] ?? (await l.context.waitForEvent('serviceworker'));
  await expect.poll(() => healthCodes(worker), { timeout: 15_000 }).toContain('session-other-shop');
  expect(await worker.evaluate(() => (globalThis as { __life?: string }).__life ?? 'restarted')).toBe('restarted');
  const all = await readTable<{ shopId: string }>(worker, 'tickets');
  expect(all.filter((t) => t.shopId === '1234567')).toEqual([]);
  expect(all.filter((t) => t.shopId === '445566778')).toHaveLength(4);
});

/** Longest gap between ticks of a 0 ms timer on the page's main thread while `run` runs in the page. */
const PROBE = `window.__gap = { max: 0, last: performance.now(), on: true };
  (function tick() { const g = window.__gap; const t = performance.now(); g.max = Math.max(g.max, t - g.last); g.last = t;
    if (g.on) setTimeout(tick, 0); })();`;

test.setTimeout(90_000);
/**
 * The page fetches its own todoList as fast as the test router answers (up to 1,000 a second, 100 at a time),
 * for `ms`; returns how many answers it read and the page's worst main-thread gap meanwhile.
 */
async function floodFrom(page: Page, ms: number): Promise<{ done: number; seconds: number; maxGapMs: number }> {
  return page.evaluate(
    async ([probe, ms]) => {
      new Function(probe)();
      const body = JSON.stringify({ serviceStatus: [0], pageNum: 1, pageSize: 20 });
      let done = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < ms) {
        const tick = performance.now();
        await Promise.all(
          Array.from({ length: 100 }, () =>
            fetch('/strickland/sop/mms/todoList', { method: 'POST', body })
              .then((x) => x.text())
              .then(() => done++),
          ),
        );
        const left = 100 - (performance.now() - tick);
        if (left > 0) await new Promise((res) => setTimeout(res, left));
      }
      const g = (window as unknown as { __gap: { max: number; on: boolean } }).__gap;
      g.on = false;
      return { done, seconds: (performance.now() - t0) / 1000, maxGapMs: g.max };
    },
    [PROBE, ms] as const,
  );
}

test('flood: up to 1,000 responses/s for 10 s are absorbed as fast as the page gets them, without blocking it; the store gets each ticket once', async () => {
  // The same page and endpoint on a host the extension does not run on: the control, flooded in alternation
  // with the seller page so both see the same machine load (absolute rates and gaps move with the load; a
  // fixed bound on them made this test fail on a loaded machine).
  const CONTROL = 'https://control.invalid/aftersales/work_order/list';
  let served = 0;
  await servePdd(() => {
    served++;
    return todoJson();
  });
  await serve(l.context, 'https://control.invalid', [
    ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
    [TODO, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: todoJson() })],
  ]);
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect(page.locator(BADGE)).toHaveCount(4);
  const control = await l.context.newPage();
  await control.goto(CONTROL);
  const ours = { done: 0, seconds: 0, gap: 0 };
  const base = { done: 0, seconds: 0, gap: 0 };
  for (let round = 0; round < 2; round++)
    for (const [p, acc] of [
      [page, ours],
      [control, base],
    ] as const) {
      const r = await floodFrom(p, 5_000);
      acc.done += r.done;
      acc.seconds += r.seconds;
      acc.gap = Math.max(acc.gap, r.maxGapMs);
    }
  const rate = (x: typeof ours) => x.done / x.seconds;
  console.log(
    `flood: with the extension ${ours.done} responses in ${ours.seconds.toFixed(1)} s = ${rate(ours).toFixed(0)}/s ` +
      `(served ${served}), worst main-thread gap ${ours.gap.toFixed(1)} ms; ` +
      `without (control host) ${rate(base).toFixed(0)}/s, worst gap ${base.gap.toFixed(1)} ms`,
  );
  expect(ours.done).toBeGreaterThanOrEqual(200); // a flood: at least one burst of 100 answered per round
  // Absorbed: the page reads its responses at least half as fast as it does where the extension is not.
  expect(rate(ours)).toBeGreaterThan(rate(base) / 2);
  // Not blocking: no gap beyond what the same page shows without us (×2 for scheduling noise), or 200 ms.
  expect(ours.gap).toBeLessThan(Math.max(200, 2 * base.gap));
  // The worker still answers at once, and the store holds the four tickets (merged, not 10,000 writes).
  const t = Date.now();
  expect(await keys()).toHaveLength(4);
  const stall = Date.now() - t;
  console.log(`flood: the worker answered ${stall} ms after it (a read of the tickets table)`);
  expect(stall).toBeLessThan(2000);
});

/** The page fetches one huge todoList answer (its request body `{}`) and reads its bytes, in a marked window. */
async function hugeFetch(page: Page): Promise<void> {
  await page.evaluate(async (mark) => {
    console.timeStamp(mark);
    const r = await fetch('/strickland/sop/mms/todoList', { method: 'POST', body: '{}' });
    await r.arrayBuffer();
  }, markStart);
}

const median = (xs: readonly number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const worst = (tasks: readonly MainTask[], ms: (t: MainTask) => number) => Math.max(0, ...tasks.map(ms));

test('a huge response (3.8 M characters) is noted, not read, and does not freeze the page', async () => {
  const huge = todoJson((rows) => rows.map((x) => ({ ...x, goodsName: 'x'.repeat(950_000) })));
  expect(huge.length).toBeGreaterThan(3_800_000);
  // Served as bytes: Playwright's DevTools network agent decodes every text response it sees on the page's
  // thread (~10 ms for this body, in both pages), which would hide what the page and we do. The hook copies
  // by path, whatever the type, and 3.8 MB is under the Content-Length pre-check: the copy is streamed.
  const hugeAnswer: Responder = (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: huge });
  const list: Responder = (route) =>
    route.request().postData() === '{}'
      ? hugeAnswer(route, new URL(route.request().url()))
      : route.fulfill({ status: 200, contentType: 'application/json', body: todoJson() });
  await serve(l.context, 'https://mms.pinduoduo.com', [
    ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
    [TODO, list],
  ]);
  // The control: the same page and answer on a host the extension does not run on, in alternation (see flood).
  await serve(l.context, 'https://control.invalid', [
    ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
    [TODO, hugeAnswer],
  ]);
  const page = await l.context.newPage();
  const control = await l.context.newPage();
  await control.goto('https://control.invalid/aftersales/work_order/list');
  const oversized = async () =>
    (await readTable<{ code: string; count: number }>(l.worker, 'health')).find((h) => h.code === 'response-oversized')
      ?.count ?? 0;
  const origin = `chrome-extension://${l.extensionId}/`;
  const ours: MainThread[] = [];
  const base: MainThread[] = [];
  for (let i = 0; i < 3; i++) {
    // A fresh page session each time: the session reports a diagnostic once, and its arrival in the worker is
    // what says our part (copy, cancel, report) is over, so the window closes on an event, not a delay.
    await page.goto(LIST);
    await expect(page.locator(BADGE)).toHaveCount(4);
    const traced = await traceMainThread(page);
    await hugeFetch(page);
    await expect.poll(oversized).toBe(i + 1);
    await page.evaluate((mark) => console.timeStamp(mark), markEnd);
    ours.push(await traced.stop(origin));

    const tracedControl = await traceMainThread(control);
    await hugeFetch(control);
    await control.evaluate((mark) => console.timeStamp(mark), markEnd);
    base.push(await tracedControl.stop(origin));
  }
  const f = (x: number) => x.toFixed(1);
  const all = (runs: readonly MainThread[], pick: (r: MainThread) => number) => runs.map((r) => f(pick(r))).join('/');
  const slice = (r: MainThread) => worst(r.tasks, (t) => t.extensionMs);
  const total = (r: MainThread) => r.tasks.reduce((sum, t) => sum + t.cpuMs, 0);
  const extra = ours.map((r, i) => total(r) - total(base[i]!));
  console.log(
    `huge event (${huge.length} chars): the extension's longest synchronous slice ${all(ours, slice)} ms CPU ` +
      `(sampled; in ${ours.map((r) => r.tasks.filter((t) => t.extensionMs > 0).length).join('/')} tasks); ` +
      `the page's longest task ${all(ours, (r) => worst(r.tasks, (t) => t.cpuMs))} ms CPU ` +
      `(${all(ours, (r) => worst(r.tasks, (t) => t.wallMs))} ms wall), on the control host ` +
      `${all(base, (r) => worst(r.tasks, (t) => t.cpuMs))} ms CPU (${all(base, (r) => worst(r.tasks, (t) => t.wallMs))} ms wall); ` +
      `the page thread's whole CPU ${all(ours, total)} ms, on the control ${all(base, total)} ms: ` +
      `the extension's extra ${extra.map(f).join('/')} ms (median ${f(median(extra))})`,
  );
  // Native work our calls would cause later, which no sample of our JS shows: no body decoded whole by the
  // browser's decoder (`Response.text()` of the copy decoded all 3.8 MB in one task, 8–15 ms of CPU beside the
  // page's own read).
  for (const r of ours) expect(r.bodyDecodes.filter((bytes) => bytes > 1_000_000)).toEqual([]);
  // Our part was in the windows (a bound over no samples would prove nothing). Over all three: on a loaded
  // machine V8's sampling thread can miss a 2 ms slice of one run altogether.
  expect(ours.some((r) => r.tasks.some((t) => t.extensionMs > 0))).toBe(true);
  // The goal, in every run: no task of ours on the page's thread takes 16 ms of CPU (the copy is streamed,
  // decoded in steps and cancelled at the cap). The samples under-count time in fast native calls (a 20 ms
  // busy-wait on performance.now() put into the hook showed as 8–16 ms), so this is the lower bound...
  expect(Math.max(...ours.map(slice))).toBeLessThan(16);
  // ... and this the upper one: the extension's whole extra CPU on the page's thread for the event, paired
  // with the control, is under 16 ms, so no slice of it, attributed or not, can be over. (That busy-wait: 17.2
  // ms, failed; the streamed copy: medians of 2.5–5.6 ms over 14 runs, 7 of them beside two busy loops.)
  expect(median(extra)).toBeLessThan(16);
  expect(await keys()).toHaveLength(4);
});

/** The 工单 list, its four rows numbered from `idBase`, their goods names Chinese up to `chars` characters in all. */
function underCapJson(chars: number, idBase: number): string {
  const base = todoJson((rows) => rows.map((r, i) => ({ ...r, instanceId: idBase + i, goodsName: '' })));
  const pad = Math.floor((chars - base.length) / 4);
  return todoJson((rows) => rows.map((r, i) => ({ ...r, instanceId: idBase + i, goodsName: '货'.repeat(pad) })));
}

type Transport = 'fetch' | 'xhr' | 'json';
/** The page reads its todoList answer (request body `{}`) by fetch, by XHR as text, or by XHR as JSON. */
async function readUnderCap(page: Page, transport: Transport): Promise<void> {
  await page.evaluate(
    async ([mark, how]) => {
      console.timeStamp(mark);
      if (how === 'fetch') {
        const r = await fetch('/strickland/sop/mms/todoList', { method: 'POST', body: '{}' });
        await r.arrayBuffer();
        return;
      }
      await new Promise<void>((done) => {
        const x = new XMLHttpRequest();
        x.open('POST', '/strickland/sop/mms/todoList');
        if (how === 'json') x.responseType = 'json';
        x.onload = () => {
          // The page reads what it asked for (the browser parses a JSON answer when it is first read).
          void (how === 'json' ? (x.response as unknown) : x.responseText.length);
          done();
        };
        x.send('{}');
      });
    },
    [markStart, transport] as const,
  );
}

/** Characters of the bodies under the cap (TICKET_RADAR_UNDER_CAP_CHARS=1000000 for the smaller figure). */
const UNDER_CAP = Number(process.env.TICKET_RADAR_UNDER_CAP_CHARS ?? 1_900_000);

for (const transport of ['fetch', 'xhr', 'json'] as const)
  test(`a body just under the cap (${UNDER_CAP / 1e6} M characters, ${transport === 'json' ? "XHR responseType 'json'" : transport}) is read in parts: no task of ours reaches 16 ms, and its tickets are stored`, async () => {
    let body = '';
    // As bytes, for the reason the huge test gives; the list's own reload gets the plain fixture.
    const answer: Responder = (route) =>
      route.request().postData() === '{}'
        ? route.fulfill({ status: 200, contentType: 'application/octet-stream', body })
        : route.fulfill({ status: 200, contentType: 'application/json', body: todoJson() });
    await serve(l.context, 'https://mms.pinduoduo.com', [
      ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
      [TODO, answer],
    ]);
    await serve(l.context, 'https://control.invalid', [
      ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
      [TODO, (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body })],
    ]);
    const page = await l.context.newPage();
    const control = await l.context.newPage();
    await control.goto('https://control.invalid/aftersales/work_order/list');
    await page.goto(LIST);
    await expect(page.locator(BADGE)).toHaveCount(4);
    const origin = `chrome-extension://${l.extensionId}/`;
    const ours: MainThread[] = [];
    const base: MainThread[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const idBase = 9_500_000 + 10 * i;
      body = underCapJson(UNDER_CAP, idBase);
      expect(body.length).toBeGreaterThan(UNDER_CAP - 10);
      expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
      const mine = [0, 1, 2, 3].map((k) => `pdd:445566778:workorder:${idBase + k}`);
      ids.push(...mine);
      const views = await readiness(page, 'tickets');
      const traced = await traceMainThread(page);
      await readUnderCap(page, transport);
      // The window closes on an event: the four tickets stored and their views back on the page.
      await expect.poll(async () => (await keys()).filter((k) => mine.includes(k)).length, { timeout: 20_000 }).toBe(4);
      await expect.poll(() => readiness(page, 'tickets')).toBe(views + 4);
      await page.evaluate((mark) => console.timeStamp(mark), markEnd);
      ours.push(await traced.stop(origin));

      const tracedControl = await traceMainThread(control);
      await readUnderCap(control, transport);
      await control.evaluate((mark) => console.timeStamp(mark), markEnd);
      base.push(await tracedControl.stop(origin));
    }
    const f = (x: number) => x.toFixed(1);
    const all = (runs: readonly MainThread[], pick: (r: MainThread) => number) => runs.map((r) => f(pick(r))).join('/');
    const slice = (r: MainThread) => worst(r.tasks, (t) => t.extensionMs);
    const ourTasks = (r: MainThread) => r.tasks.filter((t) => t.extensionMs > 0);
    console.log(
      `under the cap (${body.length} chars, ${transport}): the extension's longest synchronous slice ` +
        `${all(ours, slice)} ms CPU (sampled; in ${ours.map((r) => ourTasks(r).length).join('/')} tasks, ` +
        `the longest of them ${all(ours, (r) => worst(ourTasks(r), (t) => t.cpuMs))} ms CPU whole); ` +
        `the page's longest task ${all(ours, (r) => worst(r.tasks, (t) => t.cpuMs))} ms CPU, on the control ` +
        `host ${all(base, (r) => worst(r.tasks, (t) => t.cpuMs))} ms`,
    );
    expect(ours.some((r) => r.tasks.some((t) => t.extensionMs > 0))).toBe(true);
    // The goal, in every run: the copy, its parts across the page channel and its upload to the worker are
    // each a task of a few ms (one message of it all was 45–55 ms of CPU for 1.9 M characters).
    expect(Math.max(...ours.map(slice))).toBeLessThan(16);
    const stored = new Set(await keys());
    expect(ids.filter((k) => !stored.has(k))).toEqual([]);
    const codes = await healthCodes(l.worker);
    for (const code of ['response-incomplete', 'response-oversized', 'read-failed']) expect(codes).not.toContain(code);
  });

// Was 243 of 301 after integration: not lost but late. The pipeline waited for each batch to be stored before
// handing over the next (~6 batches/s), so the backlog outlived the test; it now hands reads to the batcher at
// once, which merges them while the worker is away and retries each until acknowledged (batcher.ts).
test('worker killed mid-flood: every batch is stored once the worker is back (0 lost)', async () => {
  let n = 0;
  await serve(l.context, 'https://mms.pinduoduo.com', [
    ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
    [
      TODO,
      (route) => {
        // Each response is one new ticket (a status tab: never a complete listing).
        const id = 9100000 + n++;
        return route.fulfill({
          contentType: 'application/json',
          body: todoJson((rows) => [{ ...rows[0], instanceId: id, orderSn: `241125-${id}` }]),
        });
      },
    ],
  ]);
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect.poll(async () => (await keys()).length).toBe(1);
  const popup = await l.context.newPage();
  await popup.goto(`chrome-extension://${l.extensionId}/popup.html`);
  const cdp = await l.context.newCDPSession(popup);
  const flood = page.evaluate(async () => {
    const body = JSON.stringify({ serviceStatus: [0], pageNum: 1, pageSize: 20 });
    for (let i = 0; i < 300; i++) {
      await fetch('/strickland/sop/mms/todoList', { method: 'POST', body: body.replace('1,', `${i + 2},`) });
      await new Promise((r) => setTimeout(r, 25));
    }
  });
  await expect.poll(async () => (await keys()).length, { timeout: 20_000 }).toBeGreaterThan(60);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await flood;
  await expect.poll(() => n).toBe(301);
  const worker = l.context.serviceWorkers()[0] ?? (await l.context.waitForEvent('serviceworker'));
  const stored = async () => (await readTable<{ key: string }>(worker, 'tickets')).length;
  await expect.poll(stored, { timeout: 15_000 }).toBe(301);
  console.log(`worker killed mid-flood: ${301 - (await stored())} of 301 batches lost`);
  // Nothing was given up on the way (a batch the batcher stopped retrying is reported as ingest-failed).
  expect((await readTable<{ code: string }>(worker, 'health')).map((h) => h.code)).not.toContain('ingest-failed');
});

/** A stored ticket as a backup file holds it (lib/model/ticket.ts `Ticket`). */
function backupTicket(id: number, now: number, over: Record<string, unknown> = {}) {
  return {
    key: `pdd:445566778:workorder:${id}`,
    platform: 'pdd',
    surface: 'pdd.work-order-list',
    shopId: '445566778',
    nativeId: String(id),
    kind: 'refund',
    title: `退款 ${id}`,
    status: 'pending',
    urgent: false,
    tags: [],
    url: `https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=${id}`,
    dueHistory: [],
    firstSeenAt: now - 3_600_000,
    lastSeenAt: now,
    ...over,
  };
}

/** Imports a backup file through the options page (诊断 → 导入备份 → 确认导入). */
async function importBackup(path: string, expectAdded: string) {
  const page = await l.context.newPage();
  await page.goto(`chrome-extension://${l.extensionId}/options.html#diagnostics`);
  await page.getByTestId('backup-file').setInputFiles(path);
  const plan = page.getByTestId('backup-dry-run');
  await expect(plan.locator('[data-table="tickets"] [data-col="added"]')).toHaveText(expectAdded, { timeout: 30_000 });
  await plan.getByRole('button', { name: /确认导入/ }).click();
  return page;
}

test('tab closed 300 ms after 确认导入 of a 20,000-row backup: all or nothing, and the worker finishes it', async () => {
  const now = Date.now();
  const tickets = Array.from({ length: 20_000 }, (_, i) => backupTicket(8_000_000 + i, now));
  const settings = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, enabled: false } };
  const file = join(test.info().outputDir, 'backup-20k.json');
  mkdirSync(test.info().outputDir, { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({ format: 'ticket-radar/backup', version: 1, exportedAt: now, tickets, settings }),
  );

  const page = await importBackup(file, '20000');
  // The attack is the timing itself: the merchant closes the tab while the import runs.
  await page.waitForTimeout(300);
  await page.close();

  const notificationsOn = () =>
    l.worker.evaluate(async () => {
      const got = await chrome.storage.local.get('settings');
      return (got.settings as { notifications?: { enabled: boolean } } | undefined)?.notifications?.enabled ?? true;
    });
  const count = () =>
    l.worker.evaluate(
      () =>
        new Promise<number>((res, rej) => {
          const open = indexedDB.open('ticket-radar');
          open.onerror = () => rej(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('tickets').objectStore('tickets').count();
            req.onsuccess = () => (res(req.result), open.result.close());
            req.onerror = () => rej(req.error);
          };
        }),
    );
  // Right after the close: the rows are one transaction (0 or 20,000), and settings never land without them.
  const settingsWritten = !(await notificationsOn());
  const rows = await count();
  expect([0, 20_000]).toContain(rows);
  if (settingsWritten) expect(rows).toBe(20_000);
  // The worker holds the import, not the tab: it finishes.
  await expect.poll(count, { timeout: 30_000 }).toBe(20_000);
  await expect.poll(notificationsOn).toBe(false);
  console.log(
    `import with the tab closed after 300 ms: ${rows} rows at the close, settings ${settingsWritten ? 'written' : 'not yet'}`,
  );
});

test('picker: a page script cannot open it with synthetic events, nor read the templates through a shadow root', async () => {
  await serve(l.context, 'https://mms.pinduoduo.com', [
    ['/chat-merchant/index.html', fixture('pdd', 'chat--base.html')],
  ]);
  await expect.poll(async () => (await readTable(l.worker, 'templates')).length).toBeGreaterThan(0);
  const titles = (await readTable<{ title: string }>(l.worker, 'templates')).map((t) => t.title);
  const page = await l.context.newPage();
  await page.goto('https://mms.pinduoduo.com/chat-merchant/index.html');
  await expect(page.locator('[data-ticket-radar-picker-trigger]')).toHaveCount(1);

  // 1. Synthetic: the shortcut dispatched on the reply box, clicks on the trigger's host.
  const roots = await page.evaluate(() => {
    const box = document.querySelector('#replyTextarea') as HTMLTextAreaElement;
    const trigger = document.querySelector('[data-ticket-radar-picker-trigger]') as HTMLElement;
    box.focus();
    const key = (init: KeyboardEventInit) =>
      box.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, composed: true, ...init }));
    key({ key: 't', code: 'KeyT', altKey: true });
    key({ key: '/', code: 'Slash', ctrlKey: true });
    trigger.click();
    trigger.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    return { trigger: trigger.shadowRoot === null };
  });
  expect(roots.trigger).toBe(true);
  // Both shortcuts reached our listener and were refused (counted synchronously, so nothing is still opening).
  await expect.poll(() => readiness(page, 'picker-refused')).toBe(2);
  await expect(page.locator('[data-ticket-radar-picker]')).toHaveCount(0);

  // 2. The merchant opens it; the page still cannot read it.
  await page.locator('#replyTextarea').press('Alt+t');
  await readinessAbove(page, 'picker-templates', 0);
  const seen = await page.evaluate(() => {
    const host = document.querySelector('[data-ticket-radar-picker]') as HTMLElement;
    return {
      root: host.shadowRoot === null,
      lightText: host.textContent,
      bodyText: document.body.innerText,
      html: document.documentElement.outerHTML,
    };
  });
  expect(seen.root).toBe(true);
  expect(seen.lightText).toBe('');
  const leaked = titles.filter((t) => seen.bodyText.includes(t) || seen.html.includes(t));
  expect(leaked).toEqual([]);
});

test('foreign link: a backup ticket whose url is another https host is never opened from the popup', async () => {
  const now = Date.now();
  const foreign = backupTicket(7_700_001, now, {
    url: 'https://evil.example/aftersales/work_order/tododetail?id=7700001',
    dueAt: now + 60 * 60_000,
    dueSource: 'platform',
  });
  const own = backupTicket(7_700_002, now, { dueAt: now + 90 * 60_000, dueSource: 'platform' });
  const file = join(test.info().outputDir, 'backup-foreign.json');
  mkdirSync(test.info().outputDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ format: 'ticket-radar/backup', version: 1, tickets: [foreign, own] }));
  const options = await importBackup(file, '2');
  await expect(options.getByText(/已导入：工单 2/)).toBeVisible();

  const popup = await openPopup(l);
  const row = (t: { key: string }) => popup.locator(`[data-ticket-key="${t.key}"] .main`);
  await expect(row(foreign)).toBeVisible();
  const opened: string[] = [];
  l.context.on('page', (p) => opened.push(p.url()));
  // Ctrl+click keeps the popup open: first the foreign row, then our own platform's row.
  await row(foreign).click({ modifiers: ['Control'] });
  const tab = l.context.waitForEvent('page');
  await row(own).click({ modifiers: ['Control'] });
  await tab;
  // One tab opened, the second click's: the foreign row's click opened nothing before it.
  expect(opened).toHaveLength(1);
  await expect.poll(() => l.context.pages().filter((p) => p.url().includes('evil.example'))).toEqual([]);
});

test('least privilege: the built manifest asks for no `tabs`, only the seller hosts, and frames as intended', () => {
  const m = JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8')) as {
    permissions: string[];
    host_permissions: string[];
    content_scripts: {
      matches: string[];
      all_frames?: boolean;
      world?: string;
      match_origin_as_fallback?: boolean;
      match_about_blank?: boolean;
    }[];
  };
  // `offscreen`: the new-ticket sound (issue 14); never `tabs`.
  expect(m.permissions.sort()).toEqual(['alarms', 'notifications', 'offscreen', 'storage', 'unlimitedStorage']);
  const hosts = [
    'https://fxg.jinritemai.com/*',
    'https://mms.pinduoduo.com/*',
    'https://myseller.taobao.com/*',
    'https://qn.taobao.com/*',
  ];
  expect(m.host_permissions.sort()).toEqual(hosts);
  for (const cs of m.content_scripts) {
    expect(cs.matches.every((p) => hosts.includes(p))).toBe(true);
    // Frames of seller hosts only: never about:blank/srcdoc frames of other origins.
    expect(cs.match_origin_as_fallback ?? false).toBe(false);
    expect(cs.match_about_blank ?? false).toBe(false);
  }
  // Each hook has its isolated partner with the same matches and frames (the channel handshake needs both).
  const key = (c: (typeof m.content_scripts)[number]) => `${c.matches.join()}|${c.all_frames ?? false}`;
  const main = m.content_scripts
    .filter((c) => c.world === 'MAIN')
    .map(key)
    .sort();
  const isolated = m.content_scripts
    .filter((c) => c.world !== 'MAIN')
    .map(key)
    .sort();
  expect(main).toEqual(isolated);
});
