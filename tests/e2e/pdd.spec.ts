import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_NOW } from '../support/fixtures';
import { shiftTimes } from '../support/shift-times';
import { pddTodoList } from '../../bench/browser/rows';
import {
  BADGE,
  FIXTURES,
  fixture,
  launchWithExtension,
  openPopup,
  readiness,
  readinessAbove,
  readTable,
  serve,
  type Launched,
} from './harness';

const LIST = 'https://mms.pinduoduo.com/aftersales/work_order/list?msfrom=mms_sidenav';
const H = 3600_000;

let l: Launched;
test.beforeEach(async () => {
  l = await launchWithExtension();
});
test.afterEach(async () => {
  await l.close();
});

async function servePdd(todo = 'work-order-list--base.json') {
  await serve(l.context, 'https://mms.pinduoduo.com', [
    ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
    ['/strickland/sop/mms/todoList', fixture('pdd', todo)],
  ]);
}

/** Fixture deadlines relative to the fixtures' now: 9001001 −1 h, 9001002 +20 min, 9001003 +5 h, 9001004 +90 min. */
const EXPECTED = [
  { id: '9001001', offset: -H, state: 'overdue' },
  { id: '9001002', offset: H / 3, state: 'critical' },
  { id: '9001003', offset: 5 * H, state: 'ok' },
  { id: '9001004', offset: 1.5 * H, state: 'soon' },
];

for (const variant of [
  { name: 'fetch, seconds', query: '', todo: 'work-order-list--base.json' },
  { name: 'XHR, milliseconds', query: '&__transport=xhr', todo: 'work-order-list--ms.json' },
  { name: 'class hash changed', query: '&__hash=9ZqW1', todo: 'work-order-list--base.json' },
]) {
  test(`PDD 工单 list (${variant.name}): badges on the right rows, stored in Dexie, listed in the popup`, async () => {
    await servePdd(variant.todo);
    const page = await l.context.newPage();
    const t0 = Date.now();
    await page.goto(LIST + variant.query);
    await expect(page.locator(BADGE)).toHaveCount(4);

    for (const e of EXPECTED) {
      const row = page.locator('[class*="listItem_itemHeader"]', { hasText: `工单编号：${e.id}` });
      const badge = row.locator(BADGE);
      await expect(badge).toHaveCount(1);
      await expect(badge).toHaveAttribute('data-ticket-key', new RegExp(`^pdd:445566778:workorder:${e.id}$`));
      await expect(badge).toHaveAttribute('data-state', e.state);
      const due = Number(await badge.getAttribute('data-due-at'));
      // Served deadlines are the fixture's shifted to the moment the fixture was served (seconds precision).
      expect(Math.abs(due - (t0 + e.offset))).toBeLessThan(15_000);
    }
    await expect(page.locator(`${BADGE}[data-ticket-key$=":9001001"] .b`)).toContainText(/^已逾期 1小时0[01]分/);
    await expect(page.locator(`${BADGE}[data-ticket-key$=":9001003"] .b`)).toContainText(/^剩余 [45]小时\d\d分/);

    const tickets = await readTable<{ key: string; dueAt?: number; dueSource?: string; shopId: string }>(
      l.worker,
      'tickets',
    );
    expect(tickets.map((t) => t.key).sort()).toEqual(EXPECTED.map((e) => `pdd:445566778:workorder:${e.id}`));
    expect(tickets.every((t) => t.dueSource === 'platform')).toBe(true);

    const popup = await openPopup(l);
    await expect(popup.locator('[data-section="overdue"] [data-ticket-key]')).toHaveCount(1);
    await expect(
      popup.locator('[data-section="overdue"] [data-ticket-key="pdd:445566778:workorder:9001001"]'),
    ).toBeVisible();
    await expect(popup.locator('[data-section="soon"] [data-ticket-key]')).toHaveCount(2); // within the 2 h tier
    // The third is due in 5 h: later today or later, depending on the hour the test runs.
    await expect(
      popup.locator(':is([data-section="laterToday"], [data-section="later"]) [data-ticket-key]'),
    ).toHaveCount(1);
    const popupDue = Number(
      await popup.locator('[data-ticket-key="pdd:445566778:workorder:9001001"]').getAttribute('data-due-at'),
    );
    expect(Math.abs(popupDue - (t0 - H))).toBeLessThan(15_000);
  });
}

test('badges count down live, one shared ticker', async () => {
  await servePdd();
  const page = await l.context.newPage();
  await page.goto(LIST);
  const badge = page.locator(`[data-ticket-key="pdd:445566778:workorder:9001002"] .b`);
  await expect(badge).toHaveCount(1);
  const first = await badge.textContent();
  await expect.poll(async () => badge.textContent(), { timeout: 4000 }).not.toBe(first);
});

test('a long list: badges are built near the viewport; a row scrolled to has its badge, up to date', async () => {
  // 200 rows (the bench's generator: the fixture's four items repeated with fresh ids).
  await serve(l.context, 'https://mms.pinduoduo.com', [
    ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
    [
      '/strickland/sop/mms/todoList',
      async (route) => {
        const body = JSON.stringify(pddTodoList(200, Date.now()));
        await route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body });
      },
    ],
  ]);
  const page = await l.context.newPage();
  await page.goto(LIST);
  const first = page.locator(`${BADGE}[data-ticket-key="pdd:445566778:workorder:91000000"]`);
  await expect(first).toHaveCount(1);
  // The shared style sheet reaches every badge's shadow root (the state colours are the sheet's).
  await expect(first.locator('.b')).toHaveCSS('border-radius', '10px');
  // Rows far below the viewport have no badge yet: the page did not pay for them.
  await expect(page.locator(BADGE)).not.toHaveCount(200);
  const last = page.locator('[class^="listItem_item__"]').last();
  await expect(last.locator(BADGE)).toHaveCount(0);
  await last.scrollIntoViewIfNeeded();
  // Row 200 repeats the fixture's fourth item (hidden countdown): its badge says what the worker decided,
  // the same as row 4's, with the same deadline.
  const lastBadge = last.locator(BADGE);
  await expect(lastBadge).toHaveAttribute('data-ticket-key', 'pdd:445566778:workorder:91000199');
  const fourth = page.locator(`${BADGE}[data-ticket-key="pdd:445566778:workorder:91000003"]`);
  await expect(lastBadge).toHaveAttribute('data-state', (await fourth.getAttribute('data-state'))!);
  await expect(lastBadge).toHaveAttribute('data-due-at', (await fourth.getAttribute('data-due-at')) ?? '');
  // A seconds countdown scrolled to shows the current second at once (row 198 is the +20 min item).
  const live = page.locator(`${BADGE}[data-ticket-key="pdd:445566778:workorder:91000197"]`);
  await live.scrollIntoViewIfNeeded();
  const dueAt = Number(await live.getAttribute('data-due-at'));
  const shown = await live.locator('.b').textContent();
  const now = await page.evaluate(() => Date.now());
  const m = /剩余 (\d+)分(\d\d)秒/.exec(shown ?? '');
  expect(m).not.toBeNull();
  const shownS = Number(m![1]) * 60 + Number(m![2]);
  expect(Math.abs(shownS - Math.floor((dueAt - now) / 1000))).toBeLessThanOrEqual(1);
});

test('toolbar badge shows the overdue count', async () => {
  await servePdd();
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect(page.locator(BADGE)).toHaveCount(4);
  await expect.poll(() => l.worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 5000 }).toBe('1');
});

test('a failed or logged-out response shows no badges and is recorded for diagnostics', async () => {
  await servePdd('work-order-list--logged-out.json');
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect(page.getByText('会话已过期，请重新登录')).toBeVisible();
  await expect
    .poll(async () => (await readTable<{ code: string }>(l.worker, 'health')).map((h) => h.code))
    .toContain('not-logged-in');
  await expect(page.locator(BADGE)).toHaveCount(0);
  expect(await readTable(l.worker, 'tickets')).toEqual([]);
});

test('messages from foreign senders are rejected', async () => {
  await servePdd();
  const page = await l.context.newPage();
  await page.goto(LIST);
  // A page cannot reach the extension's runtime; an extension page sending garbage gets a rejection.
  const popup = await openPopup(l);
  const reply = await popup.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'tickets/ingest', platform: 'pdd', tickets: 'nope' }),
  );
  expect(reply).toEqual({ ok: false, error: 'invalid message' });
});

test('a redacted capture of the page can be taken for a bug report', async () => {
  await servePdd();
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect(page.locator(BADGE)).toHaveCount(4);
  const capture = await l.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'https://mms.pinduoduo.com/*' });
    return chrome.tabs.sendMessage(tab!.id!, { type: 'capture/collect' });
  });
  expect(capture).toMatchObject({
    format: 'ticket-radar-capture/1',
    adapter: 'pdd',
    page: 'pdd.work-order-list',
    url: 'https://mms.pinduoduo.com/aftersales/work_order/list',
  });
  expect(capture.responses[0]).toMatchObject({ endpoint: 'pdd.todoList', json: { success: true } });
  expect(capture.rows).toHaveLength(4);
  expect(capture.rows.join('')).toContain('工单编号：9001001');
  expect(capture.rows.join('')).not.toContain('data-ticket-radar-badge');
});

test('clicking a popup row opens the ticket, or focuses the tab already on it', async () => {
  await servePdd();
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect(page.locator(BADGE)).toHaveCount(4);
  const detail = 'https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=9001001';
  const popup = await openPopup(l);
  const count = () => l.context.pages().filter((p) => p.url() === detail).length;
  await popup.locator('[data-ticket-key="pdd:445566778:workorder:9001001"]').click();
  await expect.poll(count).toBe(1);
  // Again, from a fresh popup: the existing tab is focused, no second one opens.
  const popup2 = await openPopup(l);
  await popup2.locator('[data-ticket-key="pdd:445566778:workorder:9001001"]').click();
  // The click focuses the tab already on the ticket: wait for that, then check no second one opened.
  await expect
    .poll(() => l.worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.active ?? false, detail))
    .toBe(true);
  expect(count()).toBe(1);
});

test('SPA navigation re-runs the overlay: badges come back once, nothing doubles', async () => {
  await servePdd();
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect(page.locator(BADGE)).toHaveCount(4);
  // The SPA leaves the list (its rows go away) and comes back, re-fetching like the real one.
  await page.evaluate(() => {
    history.pushState({}, '', '/aftersales/aftersale_list');
    document.getElementById('list')!.textContent = '';
  });
  await expect(page.locator(BADGE)).toHaveCount(0);
  // WXT notices location changes on a 1 s poll: wait for the session to leave the list page.
  await expect(page.locator('html')).toHaveAttribute('data-ticket-radar-page', 'pdd.aftersale-list');
  const reads = await readiness(page, 'reads');
  await page.evaluate(() => {
    history.pushState({}, '', '/aftersales/work_order/list');
    (window as unknown as { __reloadList(): void }).__reloadList();
  });
  await expect(page.locator(BADGE)).toHaveCount(4);
  // The re-fetched list has been stored and mounted: still one badge per row.
  await readinessAbove(page, 'reads', reads);
  await expect(page.locator('html')).toHaveAttribute('data-ticket-radar-page', 'pdd.work-order-list');
  await expect(page.locator('html')).toHaveAttribute('data-ticket-radar-badges', '4');
  await expect(page.locator(BADGE)).toHaveCount(4);
});

test('only an unfiltered complete listing marks missing tickets unseen; a status tab never does', async () => {
  const empty = JSON.stringify({ success: true, errorCode: 1000000, result: { dataList: [], total: 0 } });
  await serve(l.context, 'https://mms.pinduoduo.com', [
    ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
    [
      '/strickland/sop/mms/todoList',
      (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}') as { serviceStatus?: number[] };
        // The first load asks for 待处理 ([0]); later requests are other tabs and answer with nothing.
        if (JSON.stringify(body.serviceStatus) === '[0]')
          return fixture('pdd', 'work-order-list--base.json')(route, new URL(route.request().url()));
        return route.fulfill({ contentType: 'application/json', body: empty });
      },
    ],
  ]);
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect(page.locator(BADGE)).toHaveCount(4);
  const unseen = async () =>
    (await readTable<{ unseenSince?: number }>(l.worker, 'tickets')).filter((t) => t.unseenSince).length;
  const ask = (serviceStatus: number[]) =>
    page.evaluate(
      (s) =>
        fetch('/strickland/sop/mms/todoList', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ serviceStatus: s, problemType: [null], pageNum: 1, pageSize: 20 }),
        }).then((r) => r.text()),
      serviceStatus,
    );
  const reads = await readiness(page, 'reads');
  await ask([3]); // 已完结 tab: empty, but says nothing about open tickets
  await readinessAbove(page, 'reads', reads); // the empty tab's batch was stored
  expect(await unseen()).toBe(0);
  await ask([0, 1, 4]); // every open status, empty: the open tickets are no longer listed
  await expect.poll(unseen).toBe(4);
  expect(await readTable(l.worker, 'tickets')).toHaveLength(4); // kept, never deleted
  const popup = await openPopup(l);
  await expect(popup.locator('[data-section="unseen"]')).toBeVisible();
  await expect(popup.locator('[data-section="overdue"]')).toHaveCount(0);
});

test('a URL change that keeps the rows (a tab in the query) does not double the badges', async () => {
  await servePdd();
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect(page.locator(BADGE)).toHaveCount(4);
  const starts = await readiness(page, 'starts');
  await page.evaluate(() => history.pushState({}, '', '/aftersales/work_order/list?tab=all'));
  await page.evaluate(() => document.body.append(document.createElement('span'))); // any mutation
  await readinessAbove(page, 'starts', starts); // the session noticed the URL change and started over
  await expect(page.locator('html')).toHaveAttribute('data-ticket-radar-badges', '4');
  await expect(page.locator(BADGE)).toHaveCount(4);
  for (const id of ['9001001', '9001002', '9001003', '9001004']) {
    await expect(page.locator(`[data-ticket-key$=":${id}"]`)).toHaveCount(1);
  }
});

test('switching shops: a second shop of the same platform is kept apart, and both show in the popup', async () => {
  let mall = 445566778;
  const base = JSON.parse(readFileSync(join(FIXTURES, 'pdd', 'work-order-list--base.json'), 'utf8')) as {
    result: { dataList: { mallId: number; instanceId: number }[] };
  };
  await serve(l.context, 'https://mms.pinduoduo.com', [
    ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
    [
      '/strickland/sop/mms/todoList',
      (route) => {
        // The second shop has its own tickets, two of them with the same instance ids as the first shop's.
        const json = structuredClone(base);
        for (const it of json.result.dataList) it.mallId = mall;
        if (mall !== 445566778) json.result.dataList = json.result.dataList.slice(0, 2);
        return route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify(shiftTimes(json, Date.now() - FIXTURE_NOW)),
        });
      },
    ],
  ]);
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect(page.locator(BADGE)).toHaveCount(4);
  mall = 998877665; // the merchant logs into the other shop in the same tab
  await page.reload();
  await expect(page.locator(BADGE)).toHaveCount(2);
  await expect(page.locator(`${BADGE}[data-ticket-key^="pdd:998877665:workorder:"]`)).toHaveCount(2);
  const keys = (await readTable<{ key: string }>(l.worker, 'tickets')).map((t) => t.key).sort();
  expect(keys).toEqual([
    'pdd:445566778:workorder:9001001',
    'pdd:445566778:workorder:9001002',
    'pdd:445566778:workorder:9001003',
    'pdd:445566778:workorder:9001004',
    'pdd:998877665:workorder:9001001',
    'pdd:998877665:workorder:9001002',
  ]);
  expect((await readTable(l.worker, 'shops')).length).toBe(2);
  const popup = await openPopup(l);
  await expect(popup.locator('[data-ticket-key^="pdd:998877665:workorder:"]')).toHaveCount(2);
  await expect(popup.locator('[data-ticket-key^="pdd:445566778:workorder:"]')).toHaveCount(4);
});

test("the response observer does not show in the page's fingerprint of fetch and XHR", async () => {
  await servePdd();
  const page = await l.context.newPage();
  await page.goto(LIST);
  await expect(page.locator(BADGE)).toHaveCount(4); // the wrappers are installed and working
  const looks = await page.evaluate(() => ({
    fetch: fetch.toString(),
    fetchName: fetch.name,
    open: XMLHttpRequest.prototype.open.toString(),
    send: XMLHttpRequest.prototype.send.toString(),
  }));
  expect(looks).toEqual({
    fetch: 'function fetch() { [native code] }',
    fetchName: 'fetch',
    open: 'function open() { [native code] }',
    send: 'function send() { [native code] }',
  });
});
